package io.roadmapcoach.core.lead;

import io.roadmapcoach.core.caller.MemberRef;
import io.roadmapcoach.core.delivery.OutboxRepository;
import io.roadmapcoach.core.delivery.PostingCheck;
import io.roadmapcoach.core.feature.LeadCheck;
import io.roadmapcoach.core.feature.Words;
import io.roadmapcoach.core.journey.RoadmapLibrary;
import io.roadmapcoach.core.journey.StreakView;
import io.roadmapcoach.core.journey.Streaks;
import io.roadmapcoach.core.member.Channel;
import io.roadmapcoach.core.member.LeadRepository;
import io.roadmapcoach.core.member.Member;
import io.roadmapcoach.core.member.MemberRepository;
import io.roadmapcoach.core.member.Memberships;
import io.roadmapcoach.core.member.ReminderMode;
import io.roadmapcoach.core.member.Scope;
import io.roadmapcoach.core.policy.CoachingPolicy;
import io.roadmapcoach.core.progress.ProgressFeature;
import io.roadmapcoach.core.progress.ProgressService;
import io.roadmapcoach.core.reply.Echo;
import io.roadmapcoach.core.reply.Reply;
import io.roadmapcoach.core.reply.Text;
import io.roadmapcoach.core.roadmap.Roadmap;
import io.roadmapcoach.core.time.Dates;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * What leads do: see the team, name other leads, set the channel's quiz slot, zone and reminders.
 */
public final class LeadService implements LeadCheck {
  public static final int TEAM_REPLY_ROWS = 20;
  public static final Duration STUCK_AFTER = Duration.ofDays(7);

  private final RoadmapLibrary roadmaps;
  private final LeadRepository leads;
  private final MemberRepository members;
  private final TeamRepository team;
  private final ProgressService progress;
  private final OutboxRepository outbox;
  private final Memberships memberships;
  private final TeamCsv teamCsv;

  private final PostingCheck posting;

  public LeadService(
      RoadmapLibrary roadmaps,
      LeadRepository leads,
      MemberRepository members,
      TeamRepository team,
      ProgressService progress,
      OutboxRepository outbox,
      Memberships memberships,
      PostingCheck posting) {
    this.posting = posting;
    this.roadmaps = roadmaps;
    this.leads = leads;
    this.members = members;
    this.team = team;
    this.progress = progress;
    this.outbox = outbox;
    this.memberships = memberships;
    this.teamCsv = new TeamCsv(roadmaps, team);
  }

  /** Platform admins always lead; otherwise leads named in this channel (or its first member). */
  @Override
  public boolean isLead(Scope scope) {
    return scope.caller().platformAdmin()
        || leads.isLead(scope.channel().id(), scope.member().id());
  }

  @Override
  public Reply notALead(Scope scope, String command) {
    String channel = "#" + scope.channel().name();
    Text refusal =
        Text.of("Only leads of " + channel + " and workspace admins can use ")
            .code(Words.SLASH_COMMAND + " " + command)
            .plain(". ");
    List<String> names = leads.leadNames(scope.channel().id());
    if (names.isEmpty()) {
      return Reply.text(
          refusal.plain(
              channel
                  + " has no named lead yet (the first member to start becomes one): ask a"
                  + " workspace admin."));
    }
    // quoted, so that a lead whose name is "you" never reads as the caller
    String quoted = String.join(", ", names.stream().map(name -> "\"" + name + "\"").toList());
    return Reply.text(
        refusal.plain(
            (names.size() == 1 ? "Its lead: " : "Its leads: ")
                + quoted
                + ". Ask one of them to run it, or to make you a lead."));
  }

  private Optional<Member> find(Scope scope, MemberRef ref) {
    return members.find(scope.member().workspaceId(), ref);
  }

  private static Reply unknownMember(MemberRef ref) {
    return Reply.text(
        "I do not know "
            + Echo.of(ref.shown())
            + " here. They need to have used /roadmap once in this workspace.");
  }

  public Reply lead(Scope scope, MemberRef ref) {
    Optional<Member> target = find(scope, ref);
    if (target.isEmpty()) {
      return unknownMember(ref);
    }
    if (!memberships.isMember(scope.channel().id(), target.get().id())) {
      return notInChannelToLead(scope, target.get(), ref);
    }
    boolean added =
        leads.add(
            scope.channel().id(), target.get().id(), Optional.of(scope.member().id()), scope.now());
    String channel = "#" + scope.channel().name();
    if (isCaller(scope, target.get())) {
      return Reply.text(
          added ? "You now lead " + channel + "." : "You already lead " + channel + ".");
    }
    return Reply.text(
        added
            ? Text.empty().bold(target.get().displayName()).plain(" now leads " + channel + ".")
            : Text.of(target.get().displayName() + " already leads " + channel + "."));
  }

  /** A lead leads a channel they are in: its members are the people they lead. */
  private static Reply notInChannelToLead(Scope scope, Member target, MemberRef ref) {
    String channel = "#" + scope.channel().name();
    if (isCaller(scope, target)) {
      return Reply.text(
          Text.of("You are not in " + channel + ", so you cannot lead it: join it with ")
              .code(ProgressFeature.START.hint())
              .plain(" here first."));
    }
    return Reply.text(
        Text.of(
                target.displayName()
                    + " is not in "
                    + channel
                    + ", and a lead must be one of its members. Ask them to type ")
            .code(ProgressFeature.START.hint())
            .plain(" here, then ")
            .code(LeadFeature.LEAD.hint(Echo.of(ref.shown())))
            .plain(" again."));
  }

  public Reply unlead(Scope scope, MemberRef ref) {
    Optional<Member> target = find(scope, ref);
    if (target.isEmpty()) {
      return unknownMember(ref);
    }
    boolean named = leads.isLead(scope.channel().id(), target.get().id());
    boolean self = isCaller(scope, target.get());
    if (named && leads.count(scope.channel().id()) == 1) {
      // a channel never loses its last named lead, whoever asks
      return Reply.text(
          Text.of(
                  (self ? "You are" : target.get().displayName() + " is")
                      + " the only named lead of #"
                      + scope.channel().name()
                      + ". Name another lead first: ")
              .code(LeadFeature.LEAD.hint("@member"))
              .plain("."));
    }
    boolean removed = named && leads.remove(scope.channel().id(), target.get().id());
    String channel = "#" + scope.channel().name();
    if (removed) {
      return Reply.text(
          self
              ? Text.of("You no longer lead " + channel + ".")
              : Text.empty()
                  .bold(target.get().displayName())
                  .plain(" no longer leads " + channel + "."));
    }
    return Reply.text(
        Text.of(
                (self ? "You are" : target.get().displayName() + " is")
                    + " not a named lead of "
                    + channel
                    + ".")
            .plain(" (Workspace admins always lead; that cannot be taken away here.)"));
  }

  /** Whether a member named in a command is the caller: replies then speak to them as "you". */
  private static boolean isCaller(Scope scope, Member named) {
    return named.id() == scope.member().id();
  }

  public Reply setStage(Scope scope, MemberRef ref, int stage) {
    Roadmap roadmap = roadmaps.of(scope.channel());
    if (!roadmap.hasStage(stage)) {
      // the parser knows the deployment's range; this channel's roadmap may be shorter
      return Reply.text(
          "There is no stage " + stage + ": stages run from 1 to " + roadmap.stageCount() + ".");
    }
    Optional<Member> target = find(scope, ref);
    if (target.isEmpty()) {
      return unknownMember(ref);
    }
    Channel home = members.homeOf(target.get().id(), scope.channel());
    boolean onTheRoadmap = memberships.channelCount(target.get().id()) > 0;
    if (onTheRoadmap
        && !memberships.isMember(scope.channel().id(), target.get().id())
        && !scope.caller().platformAdmin()) {
      // leading is per channel: another cohort's members are its own leads' to move
      boolean self = isCaller(scope, target.get());
      return Reply.text(
          (self ? "You are" : target.get().displayName() + " is")
              + " not in #"
              + scope.channel().name()
              + ", so only the leads of a channel "
              + (self ? "you" : "they")
              + " are in (or a workspace admin) can set "
              + (self ? "your" : "their")
              + " stage.");
    }
    ProgressService.StageSet result = progress.setStage(scope, target.get(), stage);
    if (result.moved() && !isCaller(scope, target.get())) {
      Member t = target.get();
      outbox
          .by(scope.member().id())
          .notice(
              t.workspaceId(),
              t.id(),
              scope.now().atZone(t.zone(home)).toLocalDate(),
              scope.member().displayName()
                  + " (a lead of #"
                  + scope.channel().name()
                  + ") moved you to stage "
                  + stage
                  + ": "
                  + roadmap.stage(stage).title()
                  + ". "
                  + ProgressFeature.STATUS.hint()
                  + " shows what is next.",
              scope.now());
    }
    return result.reply();
  }

  /** A lead's friendly nudge to a member of the channel, by DM now: once a member a day. */
  public Reply nudge(Scope scope, MemberRef ref) {
    Optional<Member> found = find(scope, ref);
    if (found.isEmpty()) {
      return unknownMember(ref);
    }
    Member target = found.get();
    Channel channel = scope.channel();
    if (isCaller(scope, target)) {
      return Reply.text(
          Text.of("A lead's nudge is for someone else; yours come by themselves (")
              .code(ProgressFeature.STATUS.hint())
              .plain(" says when)."));
    }
    if (!memberships.isMember(channel.id(), target.id())) {
      return Reply.text(
          target.displayName()
              + " is not in #"
              + channel.name()
              + ", so I will not nudge them from here.");
    }
    if (!target.remindEnabled()) {
      return Reply.text(
          target.displayName() + " has turned their reminders off, so I will not nudge them.");
    }
    Channel home = members.homeOf(target.id(), channel);
    LocalDate theirToday = scope.now().atZone(target.zone(home)).toLocalDate();
    if (target.isSnoozedOn(theirToday)) {
      return Reply.text(
          target.displayName() + " is snoozed today, so I will not nudge them until it ends.");
    }
    boolean queued =
        outbox
            .by(scope.member().id())
            .leadNudge(
                target.workspaceId(),
                target.id(),
                channel.id(),
                theirToday,
                scope.member().displayName() + " (lead of #" + channel.name() + ")",
                scope.now());
    return Reply.text(
        queued
            ? Text.of("📣 Nudged " + target.displayName() + ": a direct message is on its way.")
            : Text.of(
                target.displayName()
                    + " has been nudged by a lead today already; once a day is"
                    + " plenty."));
  }

  /** The lead's own weekly digest of the channel, on or off. */
  public Reply digest(Scope scope, boolean on) {
    Channel channel = scope.channel();
    if (!leads.setDigest(channel.id(), scope.member().id(), on)) {
      return Reply.text(
          Text.of("The weekly digest goes to the named leads of #" + channel.name() + "; ")
              .code(LeadFeature.LEAD.hint("@member"))
              .plain(" names one."));
    }
    return Reply.text(
        on
            ? Text.of(
                "📊 Your weekly digest of #"
                    + channel.name()
                    + " comes by direct message at the weekly quiz slot, "
                    + Dates.dayName(channel.quizDay())
                    + "s at "
                    + channel.quizTime()
                    + " "
                    + channel.zoneOrUtc().getId()
                    + ".")
            : Text.of("📊 No more weekly digests of #" + channel.name() + " for you."));
  }

  public Reply quizDay(Scope scope, DayOfWeek day, LocalTime time) {
    members.setQuizSlot(scope.channel().id(), day, time);
    // the weekly quiz is called out in the channel: can the bot post there?
    return posting.afterCommit(
        scope,
        Reply.text(
            Text.of("📝 The weekly quiz for #" + scope.channel().name() + " now goes out on ")
                .bold(Dates.dayName(day) + "s at " + time)
                .plain(" (" + scope.channel().zoneOrUtc().getId() + ").")),
        scope.channel());
  }

  public Reply channelZone(Scope scope, ZoneId zone) {
    members.setChannelZone(scope.channel().id(), zone);
    return Reply.text(
        Text.of("🕘 #" + scope.channel().name() + " now runs on ")
            .bold(zone.getId())
            .plain(
                ": its weekly quiz and leaderboard week follow it, and members without a zone of"
                    + " their own too."));
  }

  public Reply channelReminders(Scope scope, ReminderMode mode) {
    if (scope.channel().reminderMode() == mode) {
      return Reply.text(
          Text.of(
              "#"
                  + scope.channel().name()
                  + (mode == ReminderMode.CHANNEL
                      ? " gets one daily post for its members' nudges already."
                      : " sends its members' nudges by direct message already.")));
    }
    members.setChannelReminderMode(scope.channel().id(), mode);
    Reply reply =
        Reply.text(
            mode == ReminderMode.CHANNEL
                ? Text.of(
                        "📣 #"
                            + scope.channel().name()
                            + " gets one daily post instead of a DM for each member.")
                    .plain(" Members can still choose DMs with ")
                    .code("/roadmap remind dm")
                    .plain(".")
                : Text.of(
                        "📬 Members of #"
                            + scope.channel().name()
                            + " get their nudges by direct message.")
                    .plain(" Members can still choose the channel post with ")
                    .code("/roadmap remind channel")
                    .plain("."));
    return mode == ReminderMode.CHANNEL
        ? posting.afterCommit(scope, reply, scope.channel())
        : reply;
  }

  public Reply team(Scope scope) {
    int total = team.count(scope.channel().id());
    if (total == 0) {
      return Reply.text("Nobody in #" + scope.channel().name() + " has started the roadmap yet.");
    }
    List<TeamRow> rows = team.stalestFirst(scope.channel().id(), TEAM_REPLY_ROWS);
    StringBuilder lines = new StringBuilder();
    for (TeamRow row : rows) {
      lines.append(line(scope, row)).append('\n');
    }
    Reply.Builder reply =
        Reply.builder()
            .header(
                "👥 #"
                    + scope.channel().name()
                    + ": "
                    + total
                    + (total == 1 ? " member" : " members")
                    + " on the roadmap")
            .section(Text.of(lines.toString().stripTrailing()));
    Text footer = Text.of(total > rows.size() ? "…and " + (total - rows.size()) + " more. " : "");
    return reply
        .context(footer.plain("Everyone, as a file: ").code(LeadFeature.TEAM.hint("csv")))
        .build();
  }

  private String line(Scope scope, TeamRow row) {
    var e = row.enrollment();
    boolean stuck = e.lastActivityAt().isBefore(scope.now().minus(STUCK_AFTER));
    Channel home = scope.channel();
    var today = scope.now().atZone(row.member().zone(home)).toLocalDate();
    StreakView streak = Streaks.asOf(e.streak(), today, e.activeOn(today), row.member());
    String stage =
        e.graduated()
            ? "graduated"
            : "stage "
                + e.stage()
                + " ("
                + row.objectivesDone()
                + "/"
                + roadmaps.of(e.roadmapId()).stage(e.stage()).objectiveCount()
                + ")";
    return (stuck ? "⚠️ " : "• ")
        + row.member().displayName()
        + (row.lead() ? " (lead)" : "")
        + " · "
        + stage
        + " · last active "
        + Dates.day(e.lastActivityAt().atZone(home.zoneOrUtc()).toLocalDate())
        + " · streak "
        + streak.days()
        + " · quiz "
        + row.lastQuizScore().orElse("none")
        + (stuck ? " · stuck" : "")
        + standing(row.member(), today, scope.now());
  }

  /**
   * Why a member's nudges do not come today, in the coaching policy's words; empty when they do.
   */
  private static String standing(Member member, LocalDate today, Instant now) {
    return switch (CoachingPolicy.standing(member, today, now)) {
      case ON -> "";
      case SNOOZED -> " · snoozed through " + Dates.day(member.snoozedUntil().orElseThrow());
      case AWAY -> " · away";
      case PAUSED -> " · nudges paused";
      case OFF -> " · reminders off";
    };
  }

  public Reply teamCsv(Scope scope) {
    return Reply.builder()
        .section(
            Text.of("The progress of everyone in #" + scope.channel().name() + ", stalest first."))
        .build()
        .withAttachment(teamCsv.of(scope.channel(), scope.now()));
  }
}
