package io.roadmapcoach.core.testing;

import static io.roadmapcoach.db.schema.Tables.CHANNEL;
import static io.roadmapcoach.db.schema.Tables.ENROLLMENT;
import static io.roadmapcoach.db.schema.Tables.JOURNEY;
import static io.roadmapcoach.db.schema.Tables.MEMBER;
import static io.roadmapcoach.db.schema.Tables.PROGRESS_EVENT;

import io.roadmapcoach.core.Core;
import io.roadmapcoach.core.action.Action;
import io.roadmapcoach.core.action.ActionCodec;
import io.roadmapcoach.core.caller.Caller;
import io.roadmapcoach.core.caller.Origin;
import io.roadmapcoach.core.caller.Platform;
import io.roadmapcoach.core.command.Coach;
import io.roadmapcoach.core.delivery.Delivery;
import io.roadmapcoach.core.delivery.DeliveryResult;
import io.roadmapcoach.core.delivery.Messenger;
import io.roadmapcoach.core.journey.EnrollmentRepository;
import io.roadmapcoach.core.journey.ProgressLedger;
import io.roadmapcoach.core.journey.RoadmapLibrary;
import io.roadmapcoach.core.member.Channel;
import io.roadmapcoach.core.member.LeadRepository;
import io.roadmapcoach.core.member.MemberRepository;
import io.roadmapcoach.core.observe.Observer;
import io.roadmapcoach.core.quiz.Attempt;
import io.roadmapcoach.core.quiz.Question;
import io.roadmapcoach.core.quiz.QuizBank;
import io.roadmapcoach.core.quiz.QuizBanks;
import io.roadmapcoach.core.quiz.QuizRepository;
import io.roadmapcoach.core.reply.Reply;
import io.roadmapcoach.core.roadmap.Roadmap;
import io.roadmapcoach.core.tx.Transactions;
import io.roadmapcoach.db.schema.Tables;
import io.roadmapcoach.db.schema.tables.records.EnrollmentRecord;
import io.roadmapcoach.db.schema.tables.records.JourneyRecord;
import io.roadmapcoach.db.schema.tables.records.ProgressEventRecord;
import io.roadmapcoach.db.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import org.jooq.DSLContext;

/**
 * The whole core on the embedded PostgreSQL, driven the way members drive it: a caller types {@code
 * /roadmap ...} or presses a button at a time the test chooses. Built with {@link Core#builder}, so
 * tests run the app's own object graph.
 *
 * <pre>{@code
 * CoachFixture f = CoachFixture.builtIn();
 * Caller ana = f.caller("ana");
 * f.at("2026-03-02T10:00:00Z").say(ana, "start");
 * }</pre>
 */
public final class CoachFixture {
  public static final String WORKSPACE = "acme";
  public static final String GENERAL = "general";

  /** Monday 2 March 2026, 10:00 UTC: where every fixture's clock starts. */
  public static final Instant MONDAY_MORNING = Instant.parse("2026-03-02T10:00:00Z");

  public static final long SEED = 20260302L;

  private final Core core;
  private final Parts services;
  private final TestClock clock;
  private final String channel;

  /**
   * The repositories under the core, on the same database, for tests that look beneath the coach.
   */
  public record Parts(QuizBank bank, DSLContext dsl) {
    public Transactions transactions() {
      return new Transactions(dsl);
    }

    public MemberRepository members() {
      return new MemberRepository(dsl);
    }

    public LeadRepository leads() {
      return new LeadRepository(dsl);
    }

    public EnrollmentRepository enrollments() {
      return new EnrollmentRepository(dsl);
    }

    public QuizRepository quizzes() {
      return new QuizRepository(dsl);
    }

    public ProgressLedger ledger() {
      return new ProgressLedger(dsl);
    }
  }

  /** What the core sent on its own, as a console messenger would have delivered it. */
  public static final class Recorder implements Messenger {
    private final List<Delivery> sent = new ArrayList<>();

    @Override
    public Platform platform() {
      return Platform.CONSOLE;
    }

    @Override
    public synchronized DeliveryResult send(Delivery delivery) {
      sent.add(delivery);
      return DeliveryResult.Sent.plain();
    }

    /** Everything sent since the last call, oldest first. */
    public synchronized List<Delivery> take() {
      List<Delivery> taken = List.copyOf(sent);
      sent.clear();
      return taken;
    }
  }

  private Recorder recorder;

  /** Records deliveries from now on (registers a console messenger with the core's worker). */
  public synchronized Recorder recorder() {
    if (recorder == null) {
      recorder = new Recorder();
      core.deliveries().register(recorder);
    }
    return recorder;
  }

  /**
   * Stands the clock at {@code isoInstant} and runs that minute of the scheduled routines, sending
   * what fell due; returns what was sent.
   */
  public List<Delivery> tick(String isoInstant) {
    Recorder r = recorder();
    clock.set(isoInstant);
    core.tick(clock.instant());
    return r.take();
  }

  /** Sends what the outbox holds that is due now; returns what was sent. */
  public List<Delivery> deliver() {
    Recorder r = recorder();
    core.deliveries().drainDue();
    return r.take();
  }

  private CoachFixture(Core core, Parts services, TestClock clock, String channel) {
    this.core = core;
    this.services = services;
    this.clock = clock;
    this.channel = channel;
  }

  /** The built-in ML Engineer roadmap, the clock at {@link #MONDAY_MORNING}. */
  public static CoachFixture builtIn() {
    return of(RoadmapFiles.builtIn());
  }

  /** Another roadmap (for example one written by {@link RoadmapFiles}). */
  public static CoachFixture of(RoadmapFiles.Loaded loaded) {
    return of(loaded, TestDatabase.dsl(), Observer.NONE);
  }

  /**
   * The built-in roadmap on the core's own connections ({@code dsl}, for a database a test takes
   * away) reporting to {@code observer}; the fixture's own look beneath stays on the test database.
   */
  public static CoachFixture reportingTo(Observer observer, DSLContext dsl) {
    return of(RoadmapFiles.builtIn(), dsl, observer);
  }

  private static CoachFixture of(RoadmapFiles.Loaded loaded, DSLContext dsl, Observer observer) {
    TestClock clock = TestClock.at(MONDAY_MORNING);
    Core core =
        Core.builder(dsl, loaded.roadmap(), loaded.bank())
            .clock(clock)
            .random(new Random(SEED))
            .deliverInline(true)
            .observer(observer)
            .build();
    return new CoachFixture(core, new Parts(loaded.bank(), TestDatabase.dsl()), clock, GENERAL);
  }

  /** The same coach, with callers made from here on in channel {@code name}. */
  public CoachFixture in(String name) {
    return new CoachFixture(core, services, clock, name);
  }

  // ---- callers

  /** A console member of this fixture's channel, with no time zone of their own. */
  public Caller caller(String name) {
    return member(name.toLowerCase(Locale.ROOT), name, Optional.empty(), false);
  }

  /**
   * A member of the Discord server {@code server} in its channel {@code channel} (whose id is the
   * two joined by a dash), with no time zone of their own: a second server beside the fixture's.
   */
  public static Caller onDiscord(String server, String user, String channel) {
    return new Caller(
        Platform.DISCORD,
        server,
        server + " server",
        Origin.channel(server + "-" + channel, channel),
        user,
        user,
        false,
        Optional.empty(),
        Optional.empty());
  }

  /** A member whose platform reports their time zone (as Slack's users.info does). */
  public Caller caller(String name, String zone) {
    return member(name.toLowerCase(Locale.ROOT), name, Optional.of(ZoneId.of(zone)), false);
  }

  /** A member the platform says administers the workspace (Slack admin, Discord Manage Server). */
  public Caller admin(String name) {
    return member(name.toLowerCase(Locale.ROOT), name, Optional.empty(), true);
  }

  /** A member with a platform id that differs from their display name (Slack's U0123...). */
  public Caller member(String userId, String displayName, Optional<ZoneId> zone, boolean admin) {
    return new Caller(
        Platform.CONSOLE,
        WORKSPACE,
        "Acme",
        Origin.channel(channel, channel),
        userId,
        displayName,
        admin,
        zone,
        Optional.empty());
  }

  // ---- time

  /** Stands the clock at an ISO instant, e.g. {@code 2026-03-02T10:00:00Z}. */
  public CoachFixture at(String isoInstant) {
    clock.set(isoInstant);
    return this;
  }

  /** Stands the clock at a wall-clock time in a zone, e.g. {@code 2026-03-02T23:30} in Auckland. */
  public CoachFixture at(String localDateTime, String zone) {
    clock.set(LocalDateTime.parse(localDateTime), ZoneId.of(zone));
    return this;
  }

  public CoachFixture after(Duration duration) {
    clock.advance(duration);
    return this;
  }

  public Instant now() {
    return clock.instant();
  }

  // ---- talking to the coach

  public Reply say(Caller caller, String text) {
    return coach().handleText(caller, text);
  }

  public Reply press(Caller caller, String actionId) {
    return coach().press(caller, actionId);
  }

  /** Checks off every objective of the caller's current stage. */
  public void checkOffStage(Caller caller) {
    int stage = enrollment(caller).getStage();
    for (int n = 1; n <= roadmap().stage(stage).objectiveCount(); n++) {
      say(caller, "done " + n);
    }
  }

  /**
   * Starts (or resumes) a quiz and answers its first {@code right} questions right, the rest wrong.
   */
  public Reply takeQuiz(Caller caller, int right) {
    Reply reply = say(caller, "quiz");
    int answered = 0;
    while (openQuiz(caller).isPresent()) {
      reply = answer(caller, answered < right);
      answered++;
    }
    return reply;
  }

  public Reply passQuiz(Caller caller) {
    return takeQuiz(caller, Integer.MAX_VALUE);
  }

  /** Objectives, quiz and {@code next}: the caller moves on from their current stage. */
  public Reply finishStage(Caller caller) {
    checkOffStage(caller);
    passQuiz(caller);
    return say(caller, "next");
  }

  /** Presses the right (or a wrong) option of the caller's current quiz question. */
  public Reply answer(Caller caller, boolean right) {
    return press(caller, answerId(caller, right));
  }

  /** The button id of the right (or a wrong) option of the caller's current quiz question. */
  public String answerId(Caller caller, boolean right) {
    Attempt attempt = openQuiz(caller).orElseThrow(() -> new AssertionError("no open quiz"));
    Attempt.Drawn drawn = attempt.firstUnanswered().orElseThrow();
    // the question is in the bank of the quiz's own roadmap
    Question question =
        new QuizBanks(new RoadmapLibrary(dsl(), roadmap()), services.bank())
            .of(attempt.roadmapId())
            .question(drawn.questionId())
            .orElseThrow();
    int option =
        drawn.optionOrder().stream()
            .filter(o -> question.isCorrect(o) == right)
            .findFirst()
            .orElseThrow();
    return ActionCodec.encode(new Action.Answer(attempt.key(), drawn.position(), option));
  }

  public Optional<Attempt> openQuiz(Caller caller) {
    // the quiz of the roadmap the caller's channel follows (in a DM, the home channel's)
    long roadmapId =
        caller
            .channel()
            .flatMap(
                here ->
                    dsl()
                        .select(CHANNEL.ROADMAP_ID)
                        .from(CHANNEL)
                        .join(Tables.WORKSPACE)
                        .on(Tables.WORKSPACE.ID.eq(CHANNEL.WORKSPACE_ID))
                        .where(
                            CHANNEL.EXTERNAL_ID.eq(here.id()),
                            Tables.WORKSPACE.EXTERNAL_ID.eq(caller.workspaceId()),
                            Tables.WORKSPACE.PLATFORM.eq(caller.platform().key()))
                        .fetchOptional(CHANNEL.ROADMAP_ID))
            .orElseGet(
                () ->
                    dsl()
                        .select(CHANNEL.ROADMAP_ID)
                        .from(ENROLLMENT)
                        .join(CHANNEL)
                        .on(CHANNEL.ID.eq(ENROLLMENT.CHANNEL_ID))
                        .where(ENROLLMENT.MEMBER_ID.eq(memberId(caller)))
                        .fetchOptional(CHANNEL.ROADMAP_ID)
                        .orElse(0L));
    return services.quizzes().lockOpen(memberId(caller), roadmapId);
  }

  // ---- stored data

  public long memberId(Caller caller) {
    return dsl()
        .select(MEMBER.ID)
        .from(MEMBER)
        .where(MEMBER.EXTERNAL_ID.eq(caller.userId()))
        .fetchSingle(MEMBER.ID);
  }

  /** The caller's home journey, as the core reads it. */
  public io.roadmapcoach.core.journey.Enrollment journey(Caller caller) {
    return new EnrollmentRepository(dsl()).find(memberId(caller)).orElseThrow();
  }

  /** The caller's enrollment with their home journey (stage and points), as stored. */
  public HomeJourney enrollment(Caller caller) {
    var row =
        dsl()
            .select(ENROLLMENT.fields())
            .select(JOURNEY.fields())
            .from(ENROLLMENT)
            .join(JOURNEY)
            .on(EnrollmentRepository.homeJourney())
            .where(ENROLLMENT.MEMBER_ID.eq(memberId(caller)))
            .fetchSingle();
    return new HomeJourney(row.into(ENROLLMENT), row.into(JOURNEY));
  }

  /** A member's own row and the journey on their home channel's roadmap, read together. */
  public record HomeJourney(EnrollmentRecord member, JourneyRecord journey) {
    public long getChannelId() {
      return member.getChannelId();
    }

    public long getMemberId() {
      return member.getMemberId();
    }

    public java.time.OffsetDateTime getLastActivityAt() {
      return member.getLastActivityAt();
    }

    public java.time.OffsetDateTime getEnrolledAt() {
      return member.getEnrolledAt();
    }

    public java.time.LocalDate getStreakLastDate() {
      return member.getStreakLastDate();
    }

    public java.time.OffsetDateTime getPointsReachedAt() {
      return journey.getPointsReachedAt();
    }

    public int getStreakDays() {
      return member.getStreakDays();
    }

    public java.time.LocalDate getFreezeWeek() {
      return member.getFreezeWeek();
    }

    public java.time.LocalDate getLastActiveDate() {
      return member.getLastActiveDate();
    }

    public int getStage() {
      return journey.getStage();
    }

    public int getPoints() {
      return journey.getPoints();
    }

    public java.time.OffsetDateTime getGraduatedAt() {
      return journey.getGraduatedAt();
    }
  }

  public long channelId(String externalId) {
    return dsl()
        .select(CHANNEL.ID)
        .from(CHANNEL)
        .where(CHANNEL.EXTERNAL_ID.eq(externalId))
        .fetchSingle(CHANNEL.ID);
  }

  public Channel channel(String externalId) {
    return services.members().channel(channelId(externalId));
  }

  /** The caller's progress events, oldest first. */
  public List<ProgressEventRecord> events(Caller caller) {
    return dsl()
        .selectFrom(PROGRESS_EVENT)
        .where(PROGRESS_EVENT.MEMBER_ID.eq(memberId(caller)))
        .orderBy(PROGRESS_EVENT.ID)
        .fetch();
  }

  public TableSnapshot snapshot() {
    return TableSnapshot.of(dsl());
  }

  // ---- parts

  public Coach coach() {
    return core.coach();
  }

  /** The assembled core: its delivery worker and scheduled routines. */
  public Core core() {
    return core;
  }

  public Parts services() {
    return services;
  }

  public Roadmap roadmap() {
    return core.roadmap();
  }

  public TestClock clock() {
    return clock;
  }

  public DSLContext dsl() {
    return TestDatabase.dsl();
  }
}
