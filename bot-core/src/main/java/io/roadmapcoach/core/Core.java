package io.roadmapcoach.core;

import io.roadmapcoach.core.coaching.Buddies;
import io.roadmapcoach.core.coaching.BuddyPairing;
import io.roadmapcoach.core.coaching.BuddyRepository;
import io.roadmapcoach.core.coaching.Coaching;
import io.roadmapcoach.core.coaching.CoachingComposers;
import io.roadmapcoach.core.coaching.CoachingPersonalData;
import io.roadmapcoach.core.coaching.CoachingRepository;
import io.roadmapcoach.core.coaching.CoachingRoutines;
import io.roadmapcoach.core.coaching.EveningWarnings;
import io.roadmapcoach.core.coaching.HolidayRepository;
import io.roadmapcoach.core.coaching.Holidays;
import io.roadmapcoach.core.cohort.CohortService;
import io.roadmapcoach.core.command.Coach;
import io.roadmapcoach.core.command.Commands;
import io.roadmapcoach.core.curriculum.CurriculumService;
import io.roadmapcoach.core.curriculum.LargestRoadmaps;
import io.roadmapcoach.core.curriculum.RoadmapPreviews;
import io.roadmapcoach.core.dashboard.Charts;
import io.roadmapcoach.core.dashboard.DashboardAddress;
import io.roadmapcoach.core.dashboard.DashboardPersonalData;
import io.roadmapcoach.core.dashboard.DashboardRepository;
import io.roadmapcoach.core.dashboard.DashboardService;
import io.roadmapcoach.core.delivery.ChannelPosting;
import io.roadmapcoach.core.delivery.DeliveryComposer;
import io.roadmapcoach.core.delivery.DeliveryPersonalData;
import io.roadmapcoach.core.delivery.DeliveryQueue;
import io.roadmapcoach.core.delivery.DeliveryRoutines;
import io.roadmapcoach.core.delivery.DeliveryWorker;
import io.roadmapcoach.core.delivery.OutboxRepository;
import io.roadmapcoach.core.delivery.PostingRepository;
import io.roadmapcoach.core.feature.Feature;
import io.roadmapcoach.core.installation.InstallationPersonalData;
import io.roadmapcoach.core.installation.Installations;
import io.roadmapcoach.core.installation.TokenCipher;
import io.roadmapcoach.core.journey.EnrollmentRepository;
import io.roadmapcoach.core.journey.JourneyPersonalData;
import io.roadmapcoach.core.journey.ProgressLedger;
import io.roadmapcoach.core.journey.RoadmapLibrary;
import io.roadmapcoach.core.lead.LeadComposers;
import io.roadmapcoach.core.lead.LeadService;
import io.roadmapcoach.core.lead.TeamCsv;
import io.roadmapcoach.core.lead.TeamRepository;
import io.roadmapcoach.core.leaderboard.LeaderboardRepository;
import io.roadmapcoach.core.leaderboard.LeaderboardService;
import io.roadmapcoach.core.member.LeadRepository;
import io.roadmapcoach.core.member.MemberPersonalData;
import io.roadmapcoach.core.member.MemberRepository;
import io.roadmapcoach.core.member.Memberships;
import io.roadmapcoach.core.member.PersonalData;
import io.roadmapcoach.core.member.Workspaces;
import io.roadmapcoach.core.observe.Observer;
import io.roadmapcoach.core.policy.PolicyRepository;
import io.roadmapcoach.core.policy.Promises;
import io.roadmapcoach.core.post.PostComposers;
import io.roadmapcoach.core.post.PostService;
import io.roadmapcoach.core.privacy.PrivacyRoutines;
import io.roadmapcoach.core.privacy.PrivacyService;
import io.roadmapcoach.core.privacy.WorkspaceRetention;
import io.roadmapcoach.core.progress.ProgressComposers;
import io.roadmapcoach.core.progress.ProgressPersonalData;
import io.roadmapcoach.core.progress.ProgressRoutines;
import io.roadmapcoach.core.progress.ProgressService;
import io.roadmapcoach.core.quiz.QuizBank;
import io.roadmapcoach.core.quiz.QuizBanks;
import io.roadmapcoach.core.quiz.QuizComposers;
import io.roadmapcoach.core.quiz.QuizPersonalData;
import io.roadmapcoach.core.quiz.QuizRepository;
import io.roadmapcoach.core.quiz.QuizRoutines;
import io.roadmapcoach.core.quiz.QuizService;
import io.roadmapcoach.core.roadmap.Roadmap;
import io.roadmapcoach.core.schedule.QuartzScheduling;
import io.roadmapcoach.core.schedule.Routine;
import io.roadmapcoach.core.schedule.Routines;
import io.roadmapcoach.core.settings.SettingsService;
import io.roadmapcoach.core.tx.PoolShares;
import io.roadmapcoach.core.tx.Transactions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.random.RandomGenerator;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.slf4j.LoggerFactory;

/**
 * The whole core, assembled in this one place by hand (no container) from what the app passes in:
 * the database, the roadmap and its quiz bank, the clock and a random source. It exposes what the
 * adapters and the app need — the coach, the delivery worker their messengers register with, the
 * scheduled routines — and keeps the rest inside.
 *
 * <pre>{@code
 * Core core = Core.builder(dsl, roadmap, bank).clock(clock).quartz(dataSource).observer(metrics).build();
 * core.deliveries().register(messenger);
 * core.start();
 * }</pre>
 */
public final class Core implements AutoCloseable {
  static final Duration DELIVERY_POLL = Duration.ofSeconds(1);

  private final Roadmap roadmap;
  private final Coach coach;
  private final DeliveryWorker worker;
  private final Routines routines;
  private final Optional<QuartzScheduling> quartz;
  private final Workspaces workspaces;
  private final DashboardService dashboard;
  private final Installations installations;
  private final DeliveryQueue queue;
  private final boolean deliverInline;
  private final DeliveryComposer composer;
  private final AtomicReference<Instant> lastTick;
  private final ChannelPosting channelPosting;

  private Core(Builder b) {
    DSLContext dsl = b.dsl;
    Transactions transactions = new Transactions(dsl);
    MemberRepository members = new MemberRepository(dsl);
    EnrollmentRepository enrollments = new EnrollmentRepository(dsl);
    QuizRepository quizzes = new QuizRepository(dsl);
    LeadRepository leadRoles = new LeadRepository(dsl);
    TeamRepository team = new TeamRepository(dsl);
    ProgressLedger ledger = new ProgressLedger(dsl);
    RoadmapLibrary library = new RoadmapLibrary(dsl, b.roadmap);
    List<RoadmapLibrary.Moved> movedAtStart =
        library.installDeployment(b.roadmapFileName, b.roadmapText, b.clock.instant());
    library.setHasQuiz(RoadmapLibrary.DEPLOYMENT, b.bank.size() > 0);
    QuizBanks banks = new QuizBanks(library, b.bank);
    LargestRoadmaps largestRoadmaps = new LargestRoadmaps(library, transactions);

    Memberships memberships = new Memberships(dsl);
    OutboxRepository outbox = new OutboxRepository(dsl);
    tellMoved(movedAtStart, members, outbox, b.roadmap, b.clock.instant());
    this.dashboard = dashboard(dsl, b.roadmap, b.bank, b.clock, b.dashboardAddress);
    List<PersonalData> personalData = personalData(dsl, b.bank);

    CoachingRepository coachingState = new CoachingRepository(dsl);
    HolidayRepository holidays = new HolidayRepository(dsl);
    BuddyRepository buddyMatches = new BuddyRepository(dsl);
    Promises promises = new Promises(new PolicyRepository(dsl), members);
    Buddies buddies =
        new Buddies(
            library,
            buddyMatches,
            coachingState,
            enrollments,
            members,
            memberships,
            outbox,
            promises);
    EveningWarnings evening =
        new EveningWarnings(
            dsl,
            transactions,
            library,
            coachingState,
            holidays,
            members,
            enrollments,
            buddyMatches);

    // the delivery worker is built below, once the features' composers are known
    AtomicReference<DeliveryWorker> workerRef = new AtomicReference<>();
    ChannelPosting channelPosting =
        new ChannelPosting(
            new PostingRepository(dsl),
            members,
            leadRoles,
            outbox,
            platform -> Optional.ofNullable(workerRef.get()).flatMap(w -> w.messenger(platform)));
    ProgressService progress =
        new ProgressService(
            library,
            enrollments,
            members,
            leadRoles,
            memberships,
            quizzes,
            ledger,
            outbox,
            channelPosting::checked);
    QuizService quizService =
        new QuizService(library, banks, quizzes, enrollments, ledger, b.random);
    LeadService leads =
        new LeadService(
            library,
            leadRoles,
            members,
            team,
            progress,
            outbox,
            memberships,
            channelPosting::checked);
    Coaching coaching = new Coaching(buddies, evening, new Holidays(holidays));
    this.installations =
        new Installations(
            dsl,
            transactions,
            b.secretKey.map(key -> TokenCipher.fromSecrets(key, b.previousSecretKey)),
            b.clock);
    b.changesHeardOn.ifPresent(installations::cacheHearingChangesOn);
    BuddyPairing pairing =
        new BuddyPairing(library, buddyMatches, members, outbox, buddies, transactions);
    WorkspaceRetention retention =
        new WorkspaceRetention(dsl, transactions, b.retention, personalData);
    CoachingComposers coachingComposers = new CoachingComposers(dsl, library);
    List<Feature> features = new ArrayList<>();
    features.addAll(
        Features.all(
            new Features.Services(
                progress,
                quizService,
                new LeaderboardService(
                    library, new LeaderboardRepository(dsl), members, memberships),
                new SettingsService(members, promises),
                leads,
                new CohortService(
                    library, memberships, enrollments, leadRoles, outbox, channelPosting::stateOf),
                new PrivacyService(
                    dsl,
                    personalData,
                    members,
                    memberships,
                    leadRoles,
                    outbox,
                    transactions,
                    b.clock),
                new PostService(members, channelPosting::checked),
                dashboard,
                coaching,
                new CurriculumService(
                    library,
                    new RoadmapPreviews(dsl),
                    enrollments,
                    members,
                    leadRoles,
                    outbox,
                    largestRoadmaps)),
            new Features.Work(
                new ProgressRoutines(dsl, transactions),
                new ProgressComposers(dsl, library, coachingComposers.courtesies()),
                new QuizRoutines(dsl, transactions),
                new QuizComposers(dsl, b.roadmap),
                new LeadComposers(dsl, b.roadmap, b.bank, dashboard::chart),
                new PostComposers(dsl, library, coachingComposers.courtesies()),
                new CoachingRoutines(holidays, pairing, evening),
                coachingComposers,
                new PrivacyRoutines(retention))));
    features.addAll(b.extraFeatures);
    this.roadmap = b.roadmap;
    this.coach =
        new Coach(
            Commands.of(b.roadmap, features),
            b.shares.map(shares -> transactions.sharing(shares.commands())).orElse(transactions),
            members,
            leads,
            largestRoadmaps,
            b.clock,
            b.observer);

    this.composer =
        DeliveryComposer.of(members, features.stream().map(Feature::composers).toList());
    this.queue = new DeliveryQueue(dsl);
    this.worker =
        new DeliveryWorker(
                queue,
                composer,
                b.shares
                    .map(shares -> transactions.sharing(shares.delivery()))
                    .orElse(transactions),
                b.clock)
            .channelPosting(channelPosting);
    workerRef.set(worker);
    this.channelPosting = channelPosting;
    this.deliverInline = b.deliverInline;
    this.lastTick = new AtomicReference<>(b.clock.instant());

    List<Routine> scheduled = new ArrayList<>();
    features.forEach(feature -> scheduled.addAll(feature.routines()));
    scheduled.addAll(new DeliveryRoutines(dsl).routines());
    this.routines =
        new Routines(
            scheduled,
            dsl,
            b.shares.map(shares -> transactions.sharing(shares.routines())).orElse(transactions),
            deliverInline ? worker::drainDue : worker::wake,
            b.observer);
    this.quartz =
        b.quartzPool.map(pool -> new QuartzScheduling(pool, routines, b.clock, b.observer));
    this.workspaces = new Workspaces(dsl, transactions, b.clock, outbox::dropPendingOf);

    int moved =
        enrollments.graduatePast(
            RoadmapLibrary.DEPLOYMENT, b.roadmap.stageCount(), b.clock.instant());
    if (moved > 0) {
      LoggerFactory.getLogger(Core.class)
          .warn(
              "{} members were past the last stage of {}: they have graduated",
              moved,
              b.roadmap.id());
    }
  }

  /**
   * What writes each kind of delivery, from the features that own their wording: the routing table
   * of this core's worker, for tests that run extra delivery workers of their own.
   */
  public DeliveryComposer deliveryComposer() {
    return composer;
  }

  /**
   * The members whose stage a new version of the deployment's roadmap removed (its file changed
   * since the last start) are told where they are now, as after an uploaded roadmap's new version.
   */
  private static void tellMoved(
      List<RoadmapLibrary.Moved> moved,
      MemberRepository members,
      OutboxRepository outbox,
      Roadmap roadmap,
      Instant now) {
    for (RoadmapLibrary.Moved m : moved) {
      outbox.notice(
          members.member(m.memberId()).workspaceId(),
          m.memberId(),
          now.atZone(java.time.ZoneOffset.UTC).toLocalDate(),
          "🧭 "
              + roadmap.title()
              + " has a new version. Your stage, "
              + m.stageBefore()
              + ", is gone: you are now on stage "
              + m.stageNow()
              + ", "
              + roadmap.stage(m.stageNow()).title()
              + ".",
          now);
    }
    if (!moved.isEmpty()) {
      LoggerFactory.getLogger(Core.class)
          .info("{} members were on stages the new roadmap file removed; told", moved.size());
    }
  }

  /**
   * What the coach keeps about members, part by part, in the export's order (the member's own row
   * first, erased last): what {@code export}, {@code forget-me} and the erasure of removed
   * workspaces go through, and what tests walk the schema against.
   */
  public static List<PersonalData> personalData(DSLContext dsl, QuizBank bank) {
    return List.of(
        new MemberPersonalData(dsl),
        new JourneyPersonalData(dsl),
        new QuizPersonalData(dsl, bank),
        new DeliveryPersonalData(dsl),
        new CoachingPersonalData(dsl),
        new InstallationPersonalData(dsl),
        new ProgressPersonalData(dsl),
        new DashboardPersonalData());
  }

  private static DashboardService dashboard(
      DSLContext dsl, Roadmap roadmap, QuizBank bank, Clock clock, DashboardAddress address) {
    return new DashboardService(
        new RoadmapLibrary(dsl, roadmap),
        bank,
        new DashboardRepository(dsl),
        new TeamCsv(new RoadmapLibrary(dsl, roadmap), new TeamRepository(dsl)),
        new Transactions(dsl),
        clock,
        new SecureRandom(),
        address,
        Charts::withBundledFont);
  }

  public static Builder builder(DSLContext dsl, Roadmap roadmap, QuizBank bank) {
    return new Builder(dsl, roadmap, bank);
  }

  /** Starts Quartz (when asked for) and, unless deliveries are inline, the delivery worker. */
  public void start() {
    quartz.ifPresent(QuartzScheduling::start);
    if (!deliverInline) {
      worker.start(DELIVERY_POLL);
    }
  }

  public Coach coach() {
    return coach;
  }

  public Roadmap roadmap() {
    return roadmap;
  }

  /**
   * Each channel's posting state: what an adapter reports when the platform says the bot may post
   * in a channel again (Slack's {@code member_joined_channel} for the bot, Discord's permission
   * updates).
   */
  public ChannelPosting channelPosting() {
    return channelPosting;
  }

  /** The delivery worker: each platform registers its messenger here before {@link #start}. */
  public DeliveryWorker deliveries() {
    return worker;
  }

  public Routines routines() {
    return routines;
  }

  /** A platform's news about whole workspaces: the app was removed, or came back. */
  public Workspaces workspaces() {
    return workspaces;
  }

  /** The leads' dashboard: links from chat, and the pages the app serves. */
  public DashboardService dashboard() {
    return dashboard;
  }

  /** This instance's id in the Quartz cluster, when it runs Quartz. */
  public Optional<String> schedulerInstanceId() {
    return quartz.map(QuartzScheduling::instanceId);
  }

  /** Per-workspace installations (Slack's OAuth install) and the OAuth flow's states. */
  public Installations installations() {
    return installations;
  }

  /**
   * One minute of a moving clock (the console's, and tests'): every routine due then runs, covering
   * the time since the last tick (or since the core was built), then what is due is sent. A clock
   * that jumped catches up what fell due on the way, within each routine's late window, as Quartz
   * does after the scheduler was down.
   */
  public void tick(Instant minute) {
    Instant since = lastTick.getAndSet(minute);
    routines.runAll(since, minute);
    worker.drainDue();
  }

  @Override
  public void close() {
    worker.close();
    quartz.ifPresent(QuartzScheduling::close);
    installations.close();
  }

  /** What the core is built from; only the database, the roadmap and the bank are required. */
  public static final class Builder {
    private final DSLContext dsl;
    private final Roadmap roadmap;
    private final QuizBank bank;
    private Clock clock = Clock.systemUTC();
    private RandomGenerator random = new SecureRandom();
    private Optional<DataSource> quartzPool = Optional.empty();
    private Optional<PoolShares> shares = Optional.empty();
    private Optional<Callable<Connection>> changesHeardOn = Optional.empty();
    private boolean deliverInline;
    private DashboardAddress dashboardAddress = DashboardAddress.none();
    private Observer observer = Observer.NONE;
    private Optional<String> secretKey = Optional.empty();
    private Optional<String> previousSecretKey = Optional.empty();
    private Duration retention = WorkspaceRetention.DEFAULT_RETENTION;
    private final List<Feature> extraFeatures = new ArrayList<>();
    private String roadmapFileName = "roadmap.yaml";
    private String roadmapText = "";

    private Builder(DSLContext dsl, Roadmap roadmap, QuizBank bank) {
      this.dsl = dsl;
      this.roadmap = roadmap;
      this.bank = bank;
    }

    public Builder clock(Clock value) {
      this.clock = value;
      return this;
    }

    /**
     * The text of the roadmap file the deployment runs: stored with it, so that {@code roadmap
     * download} can hand it out and a changed file counts as a new version. Without it the
     * deployment's roadmap has no file to download.
     */
    public Builder roadmapFile(String fileName, String text) {
      this.roadmapFileName = fileName;
      this.roadmapText = text;
      return this;
    }

    public Builder random(RandomGenerator value) {
      this.random = value;
      return this;
    }

    /** Runs the routines under clustered Quartz on this pool's database. */
    public Builder quartz(DataSource pool) {
      this.quartzPool = Optional.of(pool);
      return this;
    }

    /**
     * Delivers on the thread that enqueued (the console, whose output must come in order) rather
     * than on a background worker.
     */
    /**
     * Divides the pool between commands, delivery and the routines ({@link PoolShares}), so that a
     * full pool makes commands wait their turn rather than fail as an outage.
     */
    public Builder poolShares(PoolShares value) {
      this.shares = Optional.of(value);
      return this;
    }

    /**
     * Keeps each workspace's installation (its token read and decrypted) for a short while, hearing
     * of every change stored by any instance on a connection of its own from {@code opener}
     * (PostgreSQL LISTEN; the connection is held for as long as the core runs).
     */
    public Builder cacheInstallationsHearingChangesOn(Callable<Connection> opener) {
      this.changesHeardOn = Optional.of(opener);
      return this;
    }

    public Builder deliverInline(boolean value) {
      this.deliverInline = value;
      return this;
    }

    /** Where the leads' dashboard is reached; without it, links say it is not configured. */
    public Builder dashboardAt(DashboardAddress value) {
      this.dashboardAddress = value;
      return this;
    }

    /**
     * Who hears how commands ended and how long they took, and how the scheduled routines ran: the
     * app's metrics. Nobody by default.
     */
    public Builder observer(Observer value) {
      this.observer = value;
      return this;
    }

    /**
     * {@code ROADMAP_SECRET_KEY}: encrypts stored platform tokens. Without it installations cannot
     * be stored (single-token and console runs need none).
     */
    public Builder secretKey(String value) {
      this.secretKey = Optional.of(value);
      return this;
    }

    /**
     * {@code ROADMAP_SECRET_KEY_PREVIOUS}: the key before the current one, during a rotation.
     * Tokens it sealed are still read, and sealed again under {@link #secretKey} as they are.
     */
    public Builder previousSecretKey(String value) {
      this.previousSecretKey = Optional.of(value);
      return this;
    }

    /**
     * How long a workspace that removed the app keeps its data ({@code ROADMAP_RETENTION_DAYS}).
     */
    public Builder retention(Duration value) {
      this.retention = value;
      return this;
    }

    /**
     * A feature beyond the coach's own, listed after them (a test's: how a new command shows in
     * help, parsing and the platforms' surfaces).
     */
    public Builder feature(Feature value) {
      extraFeatures.add(value);
      return this;
    }

    public Core build() {
      return new Core(this);
    }
  }
}
