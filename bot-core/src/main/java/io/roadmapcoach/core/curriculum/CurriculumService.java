package io.roadmapcoach.core.curriculum;

import io.roadmapcoach.core.action.Action;
import io.roadmapcoach.core.action.Buttons;
import io.roadmapcoach.core.caller.Upload;
import io.roadmapcoach.core.delivery.OutboxRepository;
import io.roadmapcoach.core.journey.EnrollmentRepository;
import io.roadmapcoach.core.journey.RoadmapLibrary;
import io.roadmapcoach.core.member.Channel;
import io.roadmapcoach.core.member.LeadRepository;
import io.roadmapcoach.core.member.MemberRepository;
import io.roadmapcoach.core.member.Scope;
import io.roadmapcoach.core.progress.ProgressFeature;
import io.roadmapcoach.core.quiz.QuizBank;
import io.roadmapcoach.core.quiz.RoadmapCheck;
import io.roadmapcoach.core.reply.Attachment;
import io.roadmapcoach.core.reply.Echo;
import io.roadmapcoach.core.reply.Reply;
import io.roadmapcoach.core.reply.Text;
import io.roadmapcoach.core.roadmap.PlainYaml;
import io.roadmapcoach.core.roadmap.Problem;
import io.roadmapcoach.core.roadmap.Roadmap;
import io.roadmapcoach.core.roadmap.RoadmapSource;
import io.roadmapcoach.core.roadmap.Stage;
import io.roadmapcoach.core.roadmap.Strictness;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * Which roadmap each channel follows, and the roadmaps leads bring: showing them, switching a
 * channel (after a confirming press), uploading a file (checked, previewed, applied only by its
 * uploader's press) and handing a roadmap out as a file.
 */
public final class CurriculumService {
  private final RoadmapLibrary library;
  private final RoadmapPreviews previews;
  private final EnrollmentRepository enrollments;
  private final MemberRepository members;
  private final LeadRepository leads;
  private final OutboxRepository outbox;
  private final LargestRoadmaps sizes;
  private final RoadmapCheck check = new RoadmapCheck(Strictness.STRICT);

  public CurriculumService(
      RoadmapLibrary library,
      RoadmapPreviews previews,
      EnrollmentRepository enrollments,
      MemberRepository members,
      LeadRepository leads,
      OutboxRepository outbox,
      LargestRoadmaps sizes) {
    this.library = library;
    this.previews = previews;
    this.enrollments = enrollments;
    this.members = members;
    this.leads = leads;
    this.outbox = outbox;
    this.sizes = sizes;
  }

  // ---- roadmap

  /** The channel's roadmap (title, version, stages, who chose it) and the workspace's roadmaps. */
  public Reply show(Scope scope) {
    Channel channel = scope.channel();
    RoadmapLibrary.Stored stored = library.stored(channel.roadmapId());
    Roadmap roadmap = library.of(channel.roadmapId());
    Text chosen =
        library
            .setBy(channel.id())
            .map(
                set ->
                    Text.of(
                        "Chosen by "
                            + set.memberId()
                                .map(id -> members.member(id).displayName())
                                .orElse("a former member")
                            + " on "
                            + set.at().atZone(channel.zoneOrUtc()).toLocalDate()
                            + "."))
            .orElse(Text.of("The roadmap this deployment runs, which new channels follow."));
    Reply.Builder reply =
        Reply.builder()
            .header("#" + channel.name() + " follows " + roadmap.title())
            .section(
                Text.empty()
                    .code(stored.key())
                    .plain(
                        ", version "
                            + stored.version()
                            + ", "
                            + roadmap.stageCount()
                            + " stages, "
                            + roadmap.totalObjectives()
                            + " objectives. ")
                    .append(chosen))
            .section(stagesLine(roadmap));
    Map<Long, Integer> followers = library.followerCounts(channel.workspaceId());
    Text all = Text.of("This workspace's roadmaps:");
    for (RoadmapLibrary.Stored each : library.ofWorkspace(channel.workspaceId())) {
      int count = followers.getOrDefault(each.id(), 0);
      all =
          all.plain("\n• ")
              .code(each.key())
              .plain(
                  " "
                      + each.title()
                      + " (version "
                      + each.version()
                      + (each.deployment() ? ", the deployment's" : "")
                      + ", "
                      + count
                      + (count == 1 ? " channel" : " channels")
                      + ")");
    }
    return reply
        .section(all)
        .context(
            Text.of("Leads switch a channel with ")
                .code(CurriculumFeature.USE.hint("<id>"))
                .plain(" and bring their own with ")
                .code(CurriculumFeature.UPLOAD.hint())
                .plain("."))
        .build();
  }

  private static Text stagesLine(Roadmap roadmap) {
    return Text.of(
        roadmap.stages().stream()
            .map(s -> s.number() + ". " + s.title())
            .collect(Collectors.joining("\n")));
  }

  // ---- use

  /**
   * Asks to switch the channel to the workspace's roadmap {@code key}; another workspace's roadmap
   * is answered like an unknown one.
   */
  public Reply askToUse(Scope scope, String key) {
    if (scope.caller().channel().isEmpty()) {
      return Reply.text(
          Text.of("A roadmap is chosen for a channel: type ")
              .code(CurriculumFeature.USE.hint(key))
              .plain(" in the channel it is for."));
    }
    Optional<RoadmapLibrary.Stored> found = library.find(scope.channel().workspaceId(), key);
    if (found.isEmpty()) {
      return unknown(key);
    }
    RoadmapLibrary.Stored target = found.get();
    Channel channel = scope.channel();
    if (target.id() == channel.roadmapId()) {
      return Reply.text("#" + channel.name() + " already follows " + target.title() + ".");
    }
    String current = library.of(channel.roadmapId()).title();
    return Reply.builder()
        .section(
            Text.of("Switch #" + channel.name() + " from " + current + " to ")
                .bold(target.title())
                .plain(
                    "? Its members are told once; their journeys on "
                        + current
                        + " are kept (switching back resumes them), and open quizzes on it"
                        + " close."))
        .buttons(List.of(Buttons.useRoadmap(target.key(), target.id())))
        .build();
  }

  private static Reply unknown(String key) {
    return Reply.text(
        Text.of("This workspace has no roadmap ")
            .code(Echo.of(key))
            .plain(". ")
            .code(CurriculumFeature.ROADMAP.hint())
            .plain(" lists the ones it has."));
  }

  /** The confirming press: switches the channel it is pressed in, if the presser leads it. */
  public Reply use(Scope scope, Action.UseRoadmap press) {
    Channel channel = scope.channel();
    if (scope.caller().channel().isEmpty() || !leadsHere(scope, channel)) {
      return Reply.text("Only a lead of the channel can switch its roadmap.");
    }
    Optional<RoadmapLibrary.Stored> target = workspaceRoadmap(channel, press.roadmapId());
    if (target.isEmpty()) {
      return Reply.text("That roadmap is not this workspace's any more.");
    }
    if (target.get().id() == channel.roadmapId()) {
      return Reply.text("#" + channel.name() + " already follows " + target.get().title() + ".");
    }
    switchChannel(scope, channel, target.get());
    return Reply.text(
            "#"
                + channel.name()
                + " now follows "
                + target.get().title()
                + ". Its members have been told.")
        .replacingOriginal();
  }

  private Optional<RoadmapLibrary.Stored> workspaceRoadmap(Channel channel, long roadmapId) {
    if (roadmapId == RoadmapLibrary.DEPLOYMENT) {
      return Optional.of(library.stored(roadmapId));
    }
    return library.ofWorkspace(channel.workspaceId()).stream()
        .filter(r -> r.id() == roadmapId)
        .findFirst();
  }

  /**
   * Puts the channel on the roadmap: open quizzes on the old one close, every member has a journey
   * on the new one (their own again if they had one), the boards show the new journeys, and the
   * members are told once, in the channel.
   */
  private void switchChannel(Scope scope, Channel channel, RoadmapLibrary.Stored target) {
    String before = library.of(channel.roadmapId()).title();
    library.closeOpenQuizzes(channel.id(), channel.roadmapId());
    library.follow(channel.id(), target.id(), scope.member().id(), scope.now());
    enrollments.startJourneys(channel.id(), target.id(), scope.now());
    library.refreshBoard(channel.id(), target.id(), scope.now());
    Roadmap after = library.of(target.id());
    outbox.channelNotice(
        channel.workspaceId(),
        channel.id(),
        scope.now().atZone(channel.zoneOrUtc()).toLocalDate(),
        "🧭 #"
            + channel.name()
            + " now follows "
            + after.title()
            + " ("
            + after.stageCount()
            + " stages, starting with "
            + after.stage(1).title()
            + "). Your journey on "
            + before
            + " is kept: it comes back if the channel switches back.",
        scope.now());
  }

  private boolean leadsHere(Scope scope, Channel channel) {
    return scope.caller().platformAdmin() || leads.isLead(channel.id(), scope.member().id());
  }

  // ---- download

  /** The channel's roadmap as its file, a starting point for editing. */
  public Reply download(Scope scope) {
    RoadmapLibrary.Stored stored = library.stored(scope.channel().roadmapId());
    String source = library.source(stored.id());
    if (source.isEmpty()) {
      return Reply.text("This deployment's roadmap file is not stored with the coach.");
    }
    return Reply.text(
            Text.of(
                    stored.title()
                        + ", version "
                        + stored.version()
                        + ": edit it and send it with ")
                .code(CurriculumFeature.UPLOAD.hint())
                .plain("."))
        .withAttachment(new Attachment(stored.fileName(), "application/yaml", source));
  }

  // ---- upload

  /** Checks the file that came with the command; answers with its problems or its preview. */
  public Reply upload(Scope scope) {
    Optional<Upload> file = scope.upload();
    if (file.isEmpty()) {
      return Reply.text(
          Text.of("A roadmap file goes with this command (on Discord the ")
              .code("file")
              .plain(" option, in the console ")
              .code(":attach PATH")
              .plain(" first). ")
              .code(CurriculumFeature.DOWNLOAD.hint())
              .plain(" gives you this channel's to start from."));
    }
    Upload upload = file.get();
    // previews nobody applied in their 24 hours go when the next file comes
    previews.deleteExpired(scope.now());
    if (upload.size() > PlainYaml.MAX_BYTES) {
      return Reply.text(
          upload.described()
              + " is larger than "
              + PlainYaml.MAX_BYTES / 1024
              + " KB, the most a roadmap file may be. Nothing was changed.");
    }
    String source = new String(upload.bytes(), StandardCharsets.UTF_8);
    RoadmapCheck.Result result =
        check.check(RoadmapSource.uploaded(upload.fileName(), upload.bytes()));
    if (result instanceof RoadmapCheck.Refused refused) {
      return refusal(upload, refused);
    }
    RoadmapCheck.Valid valid = (RoadmapCheck.Valid) result;
    long workspaceId = scope.channel().workspaceId();
    String key = valid.roadmap().id();
    Optional<RoadmapLibrary.Stored> existing = library.find(workspaceId, key);
    if (existing.filter(RoadmapLibrary.Stored::deployment).isPresent()) {
      return Reply.text(
          Text.of("The id ")
              .code(key)
              .plain(
                  " is the deployment's own roadmap, which only its operator changes. Give your"
                      + " file another id. Nothing was changed."));
    }
    Optional<Long> channelId =
        scope.caller().channel().isPresent() ? Optional.of(scope.channel().id()) : Optional.empty();
    long previewId =
        previews.create(
            workspaceId,
            channelId,
            scope.member().id(),
            upload.fileName(),
            source,
            key,
            existing.map(RoadmapLibrary.Stored::version),
            scope.now());
    Optional<RoadmapDiff> diff =
        existing.map(stored -> RoadmapDiff.between(library.of(stored.id()), valid.roadmap()));
    return preview(previewId, valid, existing, diff, channelId.isPresent());
  }

  private static Reply refusal(Upload upload, RoadmapCheck.Refused refused) {
    Text list = Text.of("I can't use " + upload.described() + ". Nothing was changed.");
    for (Problem problem : refused.problems()) {
      list = list.plain("\n• " + problem.withinFile());
    }
    if (refused.more()) {
      list =
          list.plain("\n…and there may be more; these are the first " + refused.problems().size());
    }
    return Reply.text(list);
  }

  private static Reply preview(
      long previewId,
      RoadmapCheck.Valid valid,
      Optional<RoadmapLibrary.Stored> existing,
      Optional<RoadmapDiff> diff,
      boolean inChannel) {
    Roadmap roadmap = valid.roadmap();
    QuizBank bank = valid.bank();
    Reply.Builder reply =
        Reply.builder()
            .header(
                existing
                    .map(
                        s ->
                            "Preview: "
                                + roadmap.title()
                                + ", version "
                                + (s.version() + 1)
                                + " of "
                                + s.key())
                    .orElse("Preview: " + roadmap.title() + " (" + roadmap.id() + "), new"));
    Text stages = Text.empty();
    for (Stage stage : roadmap.stages()) {
      int questions = bank.stage(stage.number()).size();
      int resources = stage.objectives().stream().mapToInt(o -> o.resources().size()).sum();
      stages =
          stages.plain(
              (stage.number() > 1 ? "\n" : "")
                  + stage.number()
                  + ". "
                  + stage.title()
                  + ": "
                  + stage.objectiveCount()
                  + " objectives, "
                  + (questions == 0
                      ? "no questions (no quiz; moving on needs the objectives only)"
                      : questions + " questions")
                  + ", "
                  + resources
                  + " resources");
    }
    reply.section(stages);
    if (bank.size() == 0) {
      reply.section(
          Text.of("No quiz: this file has no questions, so ")
              .code(ProgressFeature.NEXT.hint())
              .plain(" needs the objectives only."));
    }
    diff.ifPresent(
        d ->
            reply.section(
                d.isEmpty()
                    ? Text.of("No objective changes against the version stored.")
                    : Text.of(
                        "Changes:\n"
                            + d.changes().stream()
                                .map(c -> "• " + c.line())
                                .collect(Collectors.joining("\n")))));
    String after =
        existing.isPresent()
            ? "Apply makes it the new version for every channel that follows it."
            : inChannel
                ? "Apply stores it and puts this channel on it."
                : "Apply stores it in this workspace; a lead then puts it on a channel with "
                    + CurriculumFeature.USE.hint(roadmap.id())
                    + ".";
    return reply
        .context(
            Text.of(
                "Nothing changes until you press Apply (only you can, within 24 hours). " + after))
        .buttons(List.of(Buttons.applyRoadmap(previewId)))
        .build();
  }

  /** Apply under a preview: only its uploader's press applies it, before it expires. */
  public Reply apply(Scope scope, Action.ApplyRoadmap press) {
    Optional<RoadmapPreviews.Preview> found =
        previews.lock(press.previewId(), scope.channel().workspaceId());
    if (found.isEmpty() || found.get().uploadedBy() != scope.member().id()) {
      return Reply.text("Only the member who uploaded that file can apply it.");
    }
    RoadmapPreviews.Preview preview = found.get();
    if (preview.applied()) {
      return Reply.text("That file has already been applied.");
    }
    if (preview.expiredAt(scope.now())) {
      return Reply.text(
          Text.of(
                  "That preview has expired (a preview lasts 24 hours). Upload the file again with ")
              .code(CurriculumFeature.UPLOAD.hint())
              .plain("."));
    }
    byte[] bytes = preview.source().getBytes(StandardCharsets.UTF_8);
    if (!(check.check(RoadmapSource.uploaded(preview.fileName(), bytes))
        instanceof RoadmapCheck.Valid valid)) {
      return Reply.text("That file no longer passes the check. Upload it again to see why.");
    }
    Optional<RoadmapLibrary.Stored> existing =
        library.find(preview.workspaceId(), preview.roadmapKey());
    if (existing.isEmpty()) {
      return applyNew(scope, preview, valid);
    }
    RoadmapLibrary.Stored stored = existing.get();
    if (preview.baseVersion().isEmpty() || preview.baseVersion().get() != stored.version()) {
      // someone applied another version since: the member sees what this one changes now
      previews.rebase(preview.id(), stored.version(), scope.now());
      return preview(
              preview.id(),
              valid,
              existing,
              Optional.of(RoadmapDiff.between(library.of(stored.id()), valid.roadmap())),
              preview.channelId().isPresent())
          .withoutLinkPreviews();
    }
    return applyVersion(scope, preview, valid, stored);
  }

  private Reply applyNew(Scope scope, RoadmapPreviews.Preview preview, RoadmapCheck.Valid valid) {
    long id =
        library.create(
            preview.workspaceId(),
            valid.roadmap(),
            preview.fileName(),
            preview.source(),
            scope.member().id(),
            scope.now());
    library.setHasQuiz(id, valid.bank().size() > 0);
    previews.applied(preview.id(), scope.now());
    sizes.changedBy(scope);
    if (preview.channelId().isEmpty()) {
      return Reply.text(
              Text.of(
                      valid.roadmap().title()
                          + " is stored in this workspace. A lead puts it on a"
                          + " channel with ")
                  .code(CurriculumFeature.USE.hint(valid.roadmap().id()))
                  .plain("."))
          .replacingOriginal();
    }
    Channel channel = members.channel(preview.channelId().get());
    if (!leadsHere(scope, channel)) {
      return Reply.text(
              valid.roadmap().title()
                  + " is stored in this workspace; only a lead of #"
                  + channel.name()
                  + " can put the channel on it.")
          .replacingOriginal();
    }
    switchChannel(scope, channel, library.stored(id));
    return Reply.text(
            valid.roadmap().title()
                + " is stored, and #"
                + channel.name()
                + " now follows it. Its members have been told.")
        .replacingOriginal();
  }

  /**
   * A new version of a stored roadmap: applied by a lead of every channel that follows it, or a
   * platform admin. Progress is carried by id, and every member of those channels is told once.
   */
  private Reply applyVersion(
      Scope scope,
      RoadmapPreviews.Preview preview,
      RoadmapCheck.Valid valid,
      RoadmapLibrary.Stored stored) {
    List<Channel> following = library.followers(stored.id());
    List<String> notLed = new ArrayList<>();
    for (Channel channel : following) {
      if (!leadsHere(scope, channel)) {
        notLed.add("#" + channel.name());
      }
    }
    if (!notLed.isEmpty()) {
      return Reply.text(
          "A new version of "
              + stored.title()
              + " changes it for every channel that follows it: only a lead of each of them, or a"
              + " workspace admin, can apply it. You do not lead "
              + String.join(", ", notLed)
              + ".");
    }
    Roadmap before = library.of(stored.id());
    RoadmapDiff diff = RoadmapDiff.between(before, valid.roadmap());
    OptionalInt applied =
        library.newVersion(
            stored.id(),
            stored.version(),
            valid.roadmap(),
            preview.fileName(),
            preview.source(),
            scope.member().id(),
            scope.now());
    if (applied.isEmpty()) {
      return Reply.text(
          "Another version was applied a moment ago. Press Apply again to see what yours changes"
              + " now.");
    }
    int version = applied.getAsInt();
    library.setHasQuiz(stored.id(), valid.bank().size() > 0);
    List<RoadmapLibrary.Moved> moved = library.carryJourneys(stored.id(), before, valid.roadmap());
    previews.applied(preview.id(), scope.now());
    sizes.changedBy(scope);
    tellFollowers(scope, stored, following, diff, moved, valid.roadmap());
    return Reply.text(
            stored.title()
                + " is now version "
                + version
                + ". Progress is kept; the members of "
                + following.size()
                + (following.size() == 1 ? " channel" : " channels")
                + " that follow it have been told.")
        .replacingOriginal();
  }

  /** One message to each member of the channels that follow the roadmap. */
  private void tellFollowers(
      Scope scope,
      RoadmapLibrary.Stored stored,
      List<Channel> following,
      RoadmapDiff diff,
      List<RoadmapLibrary.Moved> moved,
      Roadmap after) {
    String channels = following.stream().map(c -> "#" + c.name()).collect(Collectors.joining(", "));
    String what =
        (channels.isEmpty() ? stored.title() : channels + "'s roadmap")
            + " changed: "
            + (diff.isEmpty()
                ? "new wording, no objective added or removed."
                : diff.changes().stream()
                        .map(RoadmapDiff.Change::line)
                        .limit(5)
                        .collect(Collectors.joining("; "))
                    + (diff.changes().size() > 5 ? "; and more." : "."));
    Map<Long, RoadmapLibrary.Moved> movedBy =
        moved.stream().collect(Collectors.toMap(RoadmapLibrary.Moved::memberId, m -> m));
    for (long memberId : library.membersFollowing(stored.id())) {
      RoadmapLibrary.Moved m = movedBy.get(memberId);
      String text =
          m == null
              ? "🧭 " + what
              : "🧭 "
                  + what
                  + " Your stage, "
                  + m.stageBefore()
                  + ", is gone: you are now on stage "
                  + m.stageNow()
                  + ", "
                  + after.stage(m.stageNow()).title()
                  + ".";
      outbox.notice(
          scope.channel().workspaceId(),
          memberId,
          scope.now().atZone(scope.zone()).toLocalDate(),
          text,
          scope.now());
    }
  }
}
