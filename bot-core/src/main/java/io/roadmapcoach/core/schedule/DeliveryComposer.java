package io.roadmapcoach.core.schedule;

import io.roadmapcoach.core.command.ActionCodec;
import io.roadmapcoach.core.command.Command;
import io.roadmapcoach.core.lead.TeamRepository;
import io.roadmapcoach.core.lead.TeamRow;
import io.roadmapcoach.core.member.Channel;
import io.roadmapcoach.core.member.Member;
import io.roadmapcoach.core.member.MemberRepository;
import io.roadmapcoach.core.member.Times;
import io.roadmapcoach.core.progress.Enrollment;
import io.roadmapcoach.core.progress.EnrollmentRepository;
import io.roadmapcoach.core.progress.StreakView;
import io.roadmapcoach.core.progress.Streaks;
import io.roadmapcoach.core.quiz.QuizRepository;
import io.roadmapcoach.core.quiz.QuizService;
import io.roadmapcoach.core.reply.Button;
import io.roadmapcoach.core.reply.Reply;
import io.roadmapcoach.core.reply.Text;
import io.roadmapcoach.core.reply.Visibility;
import io.roadmapcoach.core.roadmap.Roadmap;
import io.roadmapcoach.core.roadmap.Stage;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Writes what a claimed outbox row says, from the state at sending time (not at enqueue time), and
 * decides when a row is no longer worth sending: a nudge for a past day, or for a member who has
 * been active since it was enqueued.
 */
public final class DeliveryComposer {
  static final int DIGEST_NAMES = 25;

  private final Roadmap roadmap;
  private final MemberRepository members;
  private final EnrollmentRepository enrollments;
  private final QuizRepository quizzes;
  private final TeamRepository team;
  private final Optional<DeliveryFacts> batchReads;
  private final Facts live = new LiveFacts();

  public DeliveryComposer(
      Roadmap roadmap,
      MemberRepository members,
      EnrollmentRepository enrollments,
      QuizRepository quizzes,
      TeamRepository team) {
    this(roadmap, members, enrollments, quizzes, team, Optional.empty());
  }

  private DeliveryComposer(
      Roadmap roadmap,
      MemberRepository members,
      EnrollmentRepository enrollments,
      QuizRepository quizzes,
      TeamRepository team,
      Optional<DeliveryFacts> batchReads) {
    this.roadmap = roadmap;
    this.members = members;
    this.enrollments = enrollments;
    this.quizzes = quizzes;
    this.team = team;
    this.batchReads = batchReads;
  }

  /**
   * A composer reading through its own repositories on {@code dsl}, and a batch of rows at once
   * ({@link #composeAll}).
   */
  public static DeliveryComposer on(org.jooq.DSLContext dsl, Roadmap roadmap) {
    return new DeliveryComposer(
        roadmap,
        new MemberRepository(dsl),
        new EnrollmentRepository(dsl),
        new QuizRepository(dsl),
        new TeamRepository(dsl),
        Optional.of(new DeliveryFacts(dsl)));
  }

  /** What composing reads: per row from the repositories, or from a batch read at once. */
  private interface Facts {
    boolean memberExists(long id);

    boolean channelExists(long id);

    Member member(long id);

    Optional<Enrollment> enrollment(long memberId);

    Channel channel(long id);

    Optional<String> dmChannel(long memberId);

    Set<Integer> objectivesDone(long memberId, int stage);

    boolean hasPassed(long memberId, int stage);
  }

  private final class LiveFacts implements Facts {
    @Override
    public boolean memberExists(long id) {
      return members.exists(id);
    }

    @Override
    public boolean channelExists(long id) {
      return members.channelExists(id);
    }

    @Override
    public Member member(long id) {
      return members.member(id);
    }

    @Override
    public Optional<Enrollment> enrollment(long memberId) {
      return enrollments.find(memberId);
    }

    @Override
    public Channel channel(long id) {
      return members.channel(id);
    }

    @Override
    public Optional<String> dmChannel(long memberId) {
      return members.dmChannel(memberId);
    }

    @Override
    public Set<Integer> objectivesDone(long memberId, int stage) {
      return enrollments.objectivesDone(memberId, stage);
    }

    @Override
    public boolean hasPassed(long memberId, int stage) {
      return quizzes.hasPassed(memberId, stage);
    }
  }

  /** A batch's facts read at once; anything the batch read did not cover is read live. */
  private final class BatchFacts implements Facts {
    private final DeliveryFacts.Loaded loaded;

    BatchFacts(DeliveryFacts.Loaded loaded) {
      this.loaded = loaded;
    }

    @Override
    public boolean memberExists(long id) {
      return loaded.members().containsKey(id);
    }

    @Override
    public boolean channelExists(long id) {
      return loaded.channels().containsKey(id);
    }

    @Override
    public Member member(long id) {
      Member member = loaded.members().get(id);
      return member != null ? member : live.member(id);
    }

    @Override
    public Optional<Enrollment> enrollment(long memberId) {
      return Optional.ofNullable(loaded.enrollments().get(memberId));
    }

    @Override
    public Channel channel(long id) {
      Channel channel = loaded.channels().get(id);
      return channel != null ? channel : live.channel(id);
    }

    @Override
    public Optional<String> dmChannel(long memberId) {
      return Optional.ofNullable(loaded.dmChannels().get(memberId));
    }

    @Override
    public Set<Integer> objectivesDone(long memberId, int stage) {
      Enrollment e = loaded.enrollments().get(memberId);
      if (e == null || e.stage() != stage) {
        return live.objectivesDone(memberId, stage);
      }
      return loaded.doneInCurrentStage().getOrDefault(memberId, Set.of());
    }

    @Override
    public boolean hasPassed(long memberId, int stage) {
      Enrollment e = loaded.enrollments().get(memberId);
      if (e == null || e.stage() != stage) {
        return live.hasPassed(memberId, stage);
      }
      return loaded.passedCurrentStage().contains(memberId);
    }
  }

  /** A delivery to send, or the reason it is dropped. */
  public sealed interface Composed {}

  public record Send(Delivery delivery, Optional<Long> memberId, Optional<Long> channelId)
      implements Composed {}

  /**
   * Not worth sending any more.
   *
   * @param stale found later than its late window: counted apart, as missed rather than moot
   */
  public record Drop(String reason, boolean stale) implements Composed {
    public Drop(String reason) {
      this(reason, false);
    }
  }

  /** Composing failed (a bug, a database error): the worker retries it with back-off. */
  public record Unsendable(String reason) implements Composed {}

  /**
   * Composes a batch of claimed rows in one transaction (the caller's), in order. A row that cannot
   * be composed fails the whole batch; the worker then composes those rows one by one.
   */
  public List<Composed> composeAll(List<DeliveryQueue.Claimed> rows, Instant now) {
    Facts facts =
        batchReads
            .<Facts>map(
                reads ->
                    new BatchFacts(
                        reads.load(
                            rows.stream().flatMap(r -> r.memberId().stream()).toList(),
                            rows.stream().flatMap(r -> r.channelId().stream()).toList())))
            .orElse(live);
    List<Composed> composed = new ArrayList<>(rows.size());
    for (DeliveryQueue.Claimed row : rows) {
      composed.add(compose(row, now, facts));
    }
    return composed;
  }

  public Composed compose(DeliveryQueue.Claimed row, Instant now) {
    return compose(row, now, live);
  }

  private Composed compose(DeliveryQueue.Claimed row, Instant now, Facts facts) {
    // the outbox keeps plain ids (no foreign keys): its recipient may be gone by now
    if (row.memberId().isPresent() && !facts.memberExists(row.memberId().get())) {
      return new Drop("the member no longer exists");
    }
    if (row.channelId().isPresent() && !facts.channelExists(row.channelId().get())) {
      return new Drop("the channel no longer exists");
    }
    return switch (row.kind()) {
      case NUDGE -> forMember(row, now, true, facts);
      case QUIZ -> forMember(row, now, false, facts);
      case NOTICE -> notice(row, facts);
      case CHANNEL_DIGEST -> digest(row, now, facts);
      case CHANNEL_QUIZ -> channelQuiz(row, facts);
    };
  }

  private Composed forMember(DeliveryQueue.Claimed row, Instant now, boolean nudge, Facts facts) {
    Member member = facts.member(row.memberId().orElseThrow());
    Optional<Enrollment> enrollment = facts.enrollment(member.id());
    if (enrollment.isEmpty()) {
      return new Drop("not enrolled");
    }
    Channel home = facts.channel(enrollment.get().channelId());
    ZoneId zone = member.zone(home);
    LocalDate today = now.atZone(zone).toLocalDate();
    if (nudge) {
      Instant due = dueAt(row, member.remindTime(), zone);
      if (now.isAfter(due.plus(NudgeSweep.LATE_WINDOW))) {
        return new Drop(
            "the nudge due at " + due + " is more than " + NudgeSweep.LATE_WINDOW + " late", true);
      }
      if (!enrollment.get().lastActiveDate().isBefore(row.localDate())) {
        return new Drop("active since the nudge was due");
      }
    }
    Reply reply =
        nudge
            ? nudge(member, enrollment.get(), today, facts)
            : quizInvitation(member, enrollment.get());
    return new Send(direct(row, member, reply, facts), Optional.of(member.id()), Optional.empty());
  }

  /**
   * When a row for {@code localDate} at {@code time} was due: that moment in {@code zone}, unless
   * the time was changed since the row was written (it is then its writing time). A nudge found
   * after midnight keeps the date it was due on, so this stays right across midnight.
   */
  static Instant dueAt(DeliveryQueue.Claimed row, LocalTime time, ZoneId zone) {
    Instant scheduled = row.localDate().atTime(time).atZone(zone).toInstant();
    Instant written = row.createdAt();
    boolean plausible =
        !scheduled.isAfter(written) && !scheduled.isBefore(written.minus(NudgeSweep.LATE_WINDOW));
    return plausible ? scheduled : written;
  }

  private static Delivery direct(
      DeliveryQueue.Claimed row, Member member, Reply reply, Facts facts) {
    return new Delivery(
        row.id(),
        row.idempotencyKey(),
        row.workspaceExternalId(),
        new Delivery.Direct(
            member.externalId(), member.displayName(), facts.dmChannel(member.id())),
        reply);
  }

  Reply nudge(Member member, Enrollment e, LocalDate today) {
    return nudge(member, e, today, live);
  }

  private Reply nudge(Member member, Enrollment e, LocalDate today, Facts facts) {
    StreakView streak = Streaks.asOf(e.streak(), today, false, member);
    Reply.Builder reply = Reply.builder();
    List<Button> buttons = new ArrayList<>();
    if (e.graduated()) {
      reply
          .header("🎓 Hello " + member.displayName() + ", graduate!")
          .section(Text.of("A few minutes on the questions you missed keeps it all fresh."));
    } else {
      Stage stage = roadmap.stage(e.stage());
      Set<Integer> done = facts.objectivesDone(member.id(), stage.number());
      reply.header(
          "👋 "
              + member.displayName()
              + ", stage "
              + stage.number()
              + " of "
              + roadmap.stageCount()
              + ": "
              + stage.title());
      Optional<Integer> open = firstOpen(stage, done);
      if (open.isPresent()) {
        int n = open.get();
        reply.section(Text.of("").bold("Next: objective " + n).plain(" - " + stage.objective(n)));
        buttons.add(
            Button.primary(
                "Mark objective " + n + " done",
                ActionCodec.encode(new Command.MarkDone(stage.number(), n))));
      } else if (!facts.hasPassed(member.id(), stage.number())) {
        reply.section(Text.of("Every objective of the stage is done: pass its quiz to move on."));
      } else {
        reply.section(Text.of("All done here: ").code("/roadmap next").plain(" moves you on."));
      }
    }
    reply.context(streakLine(streak));
    buttons.add(Button.of("Snooze 1 day", ActionCodec.encode(new Command.Snooze(1))));
    buttons.add(QuizService.startButton(e.graduated() ? "Review quiz" : "Start quiz"));
    return reply.buttons(buttons).build();
  }

  private static Text streakLine(StreakView streak) {
    if (streak.days() == 0) {
      return Text.of("Start a streak today: one objective or one quiz answer counts.");
    }
    String days = streak.days() == 1 ? "1-day" : streak.days() + "-day";
    if (streak.atRisk()) {
      return Text.of("⚠️ ")
          .bold("Your " + days + " streak breaks if you skip today")
          .plain(": this week's freeze is used.");
    }
    return Text.of(
        "🔥 "
            + days
            + " streak."
            + (streak.freezeLeft() ? " A freeze covers one missed day this week." : ""));
  }

  private Reply quizInvitation(Member member, Enrollment e) {
    String what =
        e.graduated()
            ? "a review of the questions you missed"
            : "stage " + e.stage() + ", " + roadmap.stage(e.stage()).title();
    return Reply.builder()
        .header("📝 Your weekly quiz is ready, " + member.displayName())
        .section(
            Text.of("Five questions on " + what + ". Four right passes; it stays open for a day."))
        .buttons(List.of(QuizService.startButton("Start quiz")))
        .build();
  }

  private Composed notice(DeliveryQueue.Claimed row, Facts facts) {
    Member member = facts.member(row.memberId().orElseThrow());
    Reply reply = Reply.text(Text.of(row.noticeText().orElse("")));
    return new Send(direct(row, member, reply, facts), Optional.of(member.id()), Optional.empty());
  }

  private Composed channelQuiz(DeliveryQueue.Claimed row, Facts facts) {
    Channel channel = facts.channel(row.channelId().orElseThrow());
    Reply reply =
        Reply.builder()
            .header("📝 Weekly quiz time, #" + channel.name() + "!")
            .section(
                Text.of(
                    "Everyone on the roadmap: press Start quiz for five questions on your own stage. Four right passes."))
            .buttons(List.of(QuizService.startButton("Start quiz")))
            .visibleTo(Visibility.CHANNEL)
            .build();
    return new Send(post(row, channel, reply), Optional.empty(), Optional.of(channel.id()));
  }

  private Composed digest(DeliveryQueue.Claimed row, Instant now, Facts facts) {
    Channel channel = facts.channel(row.channelId().orElseThrow());
    Instant due = dueAt(row, NudgeSweep.DIGEST_TIME, channel.zoneOrUtc());
    if (now.isAfter(due.plus(NudgeSweep.LATE_WINDOW))) {
      return new Drop(
          "the channel post due at " + due + " is more than " + NudgeSweep.LATE_WINDOW + " late",
          true);
    }
    List<TeamRow> rows = team.stalestFirst(channel.id(), Integer.MAX_VALUE);
    if (rows.isEmpty()) {
      return new Drop("nobody enrolled");
    }
    Instant weekStart =
        Times.weekStart(now.atZone(channel.zoneOrUtc()).toLocalDate())
            .atStartOfDay(channel.zoneOrUtc())
            .toInstant();
    StringBuilder who = new StringBuilder();
    List<String> quiet = new ArrayList<>();
    int listed = 0;
    for (TeamRow r : rows.reversed()) {
      if (r.member().hiddenFromLeaderboard()) {
        continue;
      }
      if (r.enrollment().lastActivityAt().isBefore(weekStart)) {
        quiet.add(r.member().displayName());
      }
      if (listed++ < DIGEST_NAMES) {
        who.append(digestLine(r, now, channel)).append('\n');
      }
    }
    Reply.Builder reply =
        Reply.builder()
            .header("☀️ Good morning, #" + channel.name() + "!")
            .section(
                Text.of(
                    who.toString().strip().isEmpty()
                        ? "Everyone here keeps to themselves today."
                        : who.toString().strip()));
    if (listed > DIGEST_NAMES) {
      reply.context(Text.of("…and " + (listed - DIGEST_NAMES) + " more on the roadmap."));
    }
    if (!quiet.isEmpty()) {
      reply.section(
          Text.of(
                  "🌱 Quiet so far this week: "
                      + String.join(", ", quiet.subList(0, Math.min(quiet.size(), DIGEST_NAMES))))
              .plain(". One objective today is a fine way back in."));
    }
    reply.context(
        Text.of("")
            .code("/roadmap status")
            .plain(" for your own next step · ")
            .code("/roadmap remind dm")
            .plain(" to get this as a DM instead"));
    return new Send(
        post(row, channel, reply.visibleTo(Visibility.CHANNEL).build()),
        Optional.empty(),
        Optional.of(channel.id()));
  }

  private String digestLine(TeamRow r, Instant now, Channel channel) {
    Enrollment e = r.enrollment();
    LocalDate today = now.atZone(r.member().zone(channel)).toLocalDate();
    StreakView streak =
        Streaks.asOf(e.streak(), today, e.lastActiveDate().equals(today), r.member());
    String stage =
        e.graduated()
            ? "graduated 🎓"
            : "stage " + e.stage() + " (" + roadmap.stage(e.stage()).title() + ")";
    return "• "
        + r.member().displayName()
        + ": "
        + stage
        + (streak.days() > 0 ? " · 🔥 " + streak.days() : "");
  }

  private static Delivery post(DeliveryQueue.Claimed row, Channel channel, Reply reply) {
    return new Delivery(
        row.id(),
        row.idempotencyKey(),
        row.workspaceExternalId(),
        new Delivery.ChannelPost(channel.externalId(), channel.name()),
        reply);
  }

  private static Optional<Integer> firstOpen(Stage stage, Set<Integer> done) {
    for (int n = 1; n <= stage.objectiveCount(); n++) {
      if (!done.contains(n)) {
        return Optional.of(n);
      }
    }
    return Optional.empty();
  }
}
