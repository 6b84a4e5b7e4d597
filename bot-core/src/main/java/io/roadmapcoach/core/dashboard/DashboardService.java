package io.roadmapcoach.core.dashboard;

import io.roadmapcoach.core.caller.Caller;
import io.roadmapcoach.core.caller.Origin;
import io.roadmapcoach.core.caller.Platform;
import io.roadmapcoach.core.feature.Words;
import io.roadmapcoach.core.journey.Enrollment;
import io.roadmapcoach.core.journey.RoadmapLibrary;
import io.roadmapcoach.core.journey.Streaks;
import io.roadmapcoach.core.lead.LeadFeature;
import io.roadmapcoach.core.lead.TeamCsv;
import io.roadmapcoach.core.member.Channel;
import io.roadmapcoach.core.member.Member;
import io.roadmapcoach.core.member.Scope;
import io.roadmapcoach.core.policy.CoachingPolicy;
import io.roadmapcoach.core.quiz.QuizBank;
import io.roadmapcoach.core.reply.Attachment;
import io.roadmapcoach.core.reply.Reply;
import io.roadmapcoach.core.reply.Text;
import io.roadmapcoach.core.roadmap.Roadmap;
import io.roadmapcoach.core.roadmap.Stage;
import io.roadmapcoach.core.time.Times;
import io.roadmapcoach.core.tx.Transactions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The leads' dashboard: {@code /roadmap dashboard} hands a lead a single-use sign-in link, the link
 * starts a browser session, and the session shows the channels that lead leads. {@code team chart}
 * sends the funnel and the last weeks as one PNG.
 *
 * <p>Commands come with the coach's {@link Scope} and run in its transaction; the web side calls
 * the other methods, each in a transaction of its own, with "now" from the clock.
 */
public final class DashboardService {
  public static final Duration LINK_LIFETIME = Duration.ofMinutes(15);
  public static final Duration SESSION_LIFETIME = Duration.ofHours(12);

  /**
   * A session opened on a workspace admin's rights alone (no channel names them lead): the platform
   * may take those rights away without telling us until their next command, so the session is
   * short.
   */
  public static final Duration ADMIN_SESSION_LIFETIME = Duration.ofHours(1);

  public static final Duration STUCK_AFTER = Duration.ofDays(7);
  public static final int WEEKS = 12;
  public static final int MOST_MISSED = 10;

  private final RoadmapLibrary roadmaps;
  private final QuizBank bank;
  private final DashboardRepository repository;
  private final TeamCsv teamCsv;
  private final Transactions transactions;
  private final Clock clock;
  private final Secrets secrets;
  private final DashboardAddress address;
  private final Supplier<Charts> charts;

  public DashboardService(
      RoadmapLibrary roadmaps,
      QuizBank bank,
      DashboardRepository repository,
      TeamCsv teamCsv,
      Transactions transactions,
      Clock clock,
      SecureRandom random,
      DashboardAddress address,
      Charts charts) {
    this(roadmaps, bank, repository, teamCsv, transactions, clock, random, address, () -> charts);
  }

  /**
   * @param charts made on first use (the bundled font is loaded then), once
   */
  public DashboardService(
      RoadmapLibrary roadmaps,
      QuizBank bank,
      DashboardRepository repository,
      TeamCsv teamCsv,
      Transactions transactions,
      Clock clock,
      SecureRandom random,
      DashboardAddress address,
      Supplier<Charts> charts) {
    this.roadmaps = roadmaps;
    this.bank = bank;
    this.repository = repository;
    this.teamCsv = teamCsv;
    this.transactions = transactions;
    this.clock = clock;
    this.secrets = new Secrets(random);
    this.address = address;
    this.charts = once(charts);
  }

  private static Supplier<Charts> once(Supplier<Charts> make) {
    return new Supplier<>() {
      private Charts made;

      @Override
      public synchronized Charts get() {
        if (made == null) {
          made = make.get();
        }
        return made;
      }
    };
  }

  // ---- commands

  /** {@code /roadmap dashboard}: a link for the caller's eyes only, valid once for 15 minutes. */
  public Reply link(Scope scope) {
    if (!isLead(scope)) {
      return notALead(scope, DashboardFeature.DASHBOARD);
    }
    Optional<String> base = address.baseUrl();
    if (base.isEmpty()) {
      return Reply.text(
          "The dashboard is not configured here: whoever runs Roadmap Coach sets PUBLIC_URL to the"
              + " address it is reached at. Meanwhile "
              + LeadFeature.TEAM.hint()
              + " and "
              + DashboardFeature.TEAM_CHART.hint()
              + " show the same figures in chat.");
    }
    repository.forgetExpired(scope.now());
    String token = secrets.next();
    repository.saveLink(
        Secrets.hash(token),
        scope.member().id(),
        scope.channel().id(),
        scope.caller().platformAdmin(),
        scope.now(),
        scope.now().plus(LINK_LIFETIME));
    return Reply.builder()
        .header("📊 Your dashboard")
        .section(
            Text.of("The channels you lead, on one page: ")
                .link("open the dashboard", base.get() + "/dashboard/link/" + token))
        .context(
            Text.of(
                    "Only you see this link. It works once, within 15 minutes, and keeps you signed in"
                        + (repository.leadsAnyChannel(scope.member().id())
                            ? " for 12 hours"
                            : " for an hour (on your workspace admin rights)")
                        + " in that browser, signing out your older sessions. Need another? Ask ")
                .code(DashboardFeature.DASHBOARD.hint())
                .plain(" again."))
        .build()
        .withoutLinkPreviews();
  }

  /** {@code team chart}: the funnel and the last 12 weeks as one PNG, for the caller. */
  public Reply teamChart(Scope scope) {
    if (!isLead(scope)) {
      return notALead(scope, DashboardFeature.TEAM_CHART);
    }
    return Reply.builder()
        .section(
            Text.of(
                "#"
                    + scope.channel().name()
                    + ": where the members are, and the last "
                    + WEEKS
                    + " weeks."))
        .build()
        .withAttachment(chart(scope.channel(), scope.now()));
  }

  /** The chart PNG of a channel (also what the lead's weekly digest carries). */
  public Attachment chart(Channel channel, Instant now) {
    byte[] png = charts.get().png(funnel(channel.id(), roadmaps.of(channel)), weeks(channel, now));
    String name = "chart-" + channel.name().replaceAll("[^A-Za-z0-9_-]", "") + ".png";
    return new Attachment(name, "image/png", png);
  }

  private boolean isLead(Scope scope) {
    return scope.caller().platformAdmin()
        || repository.isNamedLead(scope.channel().id(), scope.member().id());
  }

  private static Reply notALead(Scope scope, Words command) {
    return Reply.text(
        Text.of("Only leads of #" + scope.channel().name() + " can use ")
            .code(command.hint())
            .plain(". Ask a lead to run it, or to make you a lead."));
  }

  // ---- signing in

  /** What became of a link. */
  public enum LinkState {
    /** Unused and within its 15 minutes. */
    VALID,
    USED,
    EXPIRED,
    /** Never issued (or long forgotten). */
    UNKNOWN
  }

  /** Looks at a link without spending it (a chat client's preview, or the lead's first visit). */
  public LinkState linkState(String token) {
    if (!Secrets.wellFormed(token)) {
      return LinkState.UNKNOWN;
    }
    return transactions.inTransaction(
        () ->
            repository
                .link(Secrets.hash(token))
                .map(link -> state(link, clock.instant()))
                .orElse(LinkState.UNKNOWN));
  }

  private static LinkState state(DashboardRepository.Grant link, Instant now) {
    if (link.usedAt().isPresent()) {
      return LinkState.USED;
    }
    return link.expiresAt().isAfter(now) ? LinkState.VALID : LinkState.EXPIRED;
  }

  /**
   * A link spent: the new session's id (for the cookie), the channel to show first, and how long
   * the session lasts.
   */
  public record SignIn(String sessionId, long channelId, Duration lifetime) {
    @Override
    public String toString() {
      return "SignIn[sessionId=***, channelId=" + channelId + ", lifetime=" + lifetime + "]";
    }
  }

  /**
   * Spends the link and starts a session, or says why not: 12 hours for a named lead, 1 hour on a
   * workspace admin's rights alone. The member's older sessions end: a new link replaces them. Of
   * two presses at once, one signs in and the other is told the link was used.
   */
  public SignInResult signIn(String token) {
    if (!Secrets.wellFormed(token)) {
      return new SignInResult(Optional.empty(), LinkState.UNKNOWN);
    }
    return transactions.inTransaction(
        () -> {
          Instant now = clock.instant();
          byte[] hash = Secrets.hash(token);
          Optional<DashboardRepository.Grant> link = repository.link(hash);
          if (link.isEmpty()) {
            return new SignInResult(Optional.empty(), LinkState.UNKNOWN);
          }
          if (!repository.spendLink(hash, now)) {
            LinkState why = state(repository.link(hash).orElseThrow(), now);
            return new SignInResult(
                Optional.empty(), why == LinkState.VALID ? LinkState.USED : why);
          }
          long memberId = link.get().memberId();
          Duration lifetime =
              repository.leadsAnyChannel(memberId) ? SESSION_LIFETIME : ADMIN_SESSION_LIFETIME;
          repository.endSessionsOf(memberId);
          String sessionId = secrets.next();
          repository.saveSession(Secrets.hash(sessionId), link.get(), now, now.plus(lifetime));
          return new SignInResult(
              Optional.of(new SignIn(sessionId, link.get().channelId(), lifetime)),
              LinkState.VALID);
        });
  }

  /** A sign-in, or the state of the link that refused it. */
  public record SignInResult(Optional<SignIn> signIn, LinkState state) {}

  /** The lead a browser session belongs to. */
  public record Viewer(DashboardRepository.Grant grant) {
    /** The channel the lead asked for the link in: the page shown first. */
    public long firstChannelId() {
      return grant.channelId();
    }
  }

  /**
   * The session's lead, while the session lasts, its member is not erased and its workspace has not
   * removed the app. What the lead may see is asked again of every page ({@link #channels}).
   */
  public Optional<Viewer> viewer(String sessionId) {
    if (!Secrets.wellFormed(sessionId)) {
      return Optional.empty();
    }
    return transactions.inTransaction(
        () -> repository.session(Secrets.hash(sessionId), clock.instant()).map(Viewer::new));
  }

  /** Ends the session ({@code sign out}); false when there was none (nothing is written then). */
  public boolean signOut(String sessionId) {
    if (!Secrets.wellFormed(sessionId)) {
      return false;
    }
    return transactions.inTransaction(() -> repository.endSession(Secrets.hash(sessionId)));
  }

  /**
   * The channels the viewer leads now, by name: every channel of the workspace while the platform
   * last said they administer it, else those they are a named lead of.
   */
  public List<Channel> channels(Viewer viewer) {
    return transactions.inTransaction(() -> repository.channelsLed(viewer.grant()));
  }

  private Optional<Channel> led(Viewer viewer, long channelId) {
    return repository.channelsLed(viewer.grant()).stream()
        .filter(c -> c.id() == channelId)
        .findFirst();
  }

  /**
   * The viewer as the coach's caller in a channel they lead, for the dashboard's forms that run a
   * command (a roadmap upload, its Apply): their platform ids and names as last stored, so the
   * coach finds them as they are and changes nothing about them. Empty when they do not lead it.
   */
  public Optional<Caller> callerIn(Viewer viewer, long channelId) {
    return transactions.inTransaction(
        () ->
            led(viewer, channelId)
                .flatMap(c -> repository.speaker(viewer.grant().memberId(), c.id()))
                .map(DashboardService::caller));
  }

  private static Caller caller(DashboardRepository.Speaker s) {
    return new Caller(
        Platform.ofKey(s.platform()),
        s.workspaceExternalId(),
        s.workspaceName(),
        new Origin.InChannel(s.channelExternalId(), s.channelName()),
        s.memberExternalId(),
        s.displayName(),
        s.platformAdmin(),
        Optional.empty(),
        Optional.empty());
  }

  // ---- a channel's page

  /** The channel's figures, or empty when the viewer does not lead it (or it does not exist). */
  public Optional<ChannelReport> report(Viewer viewer, long channelId) {
    return transactions.inTransaction(
        () -> led(viewer, channelId).map(channel -> report(channel, clock.instant())));
  }

  /** The members table as {@code team csv} gives it, for a channel the viewer leads. */
  public Optional<Attachment> csv(Viewer viewer, long channelId) {
    return transactions.inTransaction(
        () -> led(viewer, channelId).map(channel -> teamCsv.of(channel, clock.instant())));
  }

  public Charts charts() {
    return charts.get();
  }

  /** The channel's figures, on the roadmap it follows. */
  private ChannelReport report(Channel channel, Instant now) {
    Roadmap roadmap = roadmaps.of(channel);
    return new ChannelReport(
        channel,
        roadmap.title(),
        followed(channel),
        funnel(channel.id(), roadmap),
        weeks(channel, now),
        members(channel, roadmap, now),
        passRates(channel.id(), roadmap),
        mostMissed(channel.id()));
  }

  private ChannelReport.Followed followed(Channel channel) {
    RoadmapLibrary.Stored stored = roadmaps.stored(channel.roadmapId());
    Optional<RoadmapLibrary.SetBy> set = roadmaps.setBy(channel.id());
    return new ChannelReport.Followed(
        stored.key(),
        stored.version(),
        stored.deployment(),
        set.flatMap(RoadmapLibrary.SetBy::memberId).flatMap(repository::displayName),
        set.map(s -> s.at().atZone(channel.zoneOrUtc()).toLocalDate()));
  }

  private ChannelReport.Funnel funnel(long channelId, Roadmap roadmap) {
    Map<Integer, Integer> onStage = repository.onStage(channelId);
    List<Integer> counts = new ArrayList<>();
    List<String> titles = new ArrayList<>();
    for (Stage stage : roadmap.stages()) {
      counts.add(onStage.getOrDefault(stage.number(), 0));
      titles.add(stage.title());
    }
    return new ChannelReport.Funnel(counts, titles, repository.graduated(channelId));
  }

  /** The last 12 weeks up to this one, in the channel's time zone, quiet weeks as zeros. */
  private List<ChannelReport.Week> weeks(Channel channel, Instant now) {
    LocalDate thisMonday = Times.weekStart(now.atZone(channel.zoneOrUtc()).toLocalDate());
    LocalDate first = thisMonday.minusWeeks(WEEKS - 1);
    Map<LocalDate, DashboardRepository.WeekCount> counted =
        repository.weeks(channel.id(), first).stream()
            .collect(Collectors.toMap(DashboardRepository.WeekCount::monday, Function.identity()));
    List<ChannelReport.Week> weeks = new ArrayList<>();
    for (int i = 0; i < WEEKS; i++) {
      LocalDate monday = first.plusWeeks(i);
      DashboardRepository.WeekCount week = counted.get(monday);
      weeks.add(
          week == null
              ? new ChannelReport.Week(monday, 0, 0)
              : new ChannelReport.Week(monday, week.objectivesDone(), week.activeMembers()));
    }
    return weeks;
  }

  private List<ChannelReport.MemberLine> members(Channel channel, Roadmap roadmap, Instant now) {
    return repository.members(channel.id()).stream()
        .map(data -> line(channel, roadmap, data, now))
        .toList();
  }

  private ChannelReport.MemberLine line(
      Channel channel, Roadmap roadmap, DashboardRepository.MemberData data, Instant now) {
    Member member = data.member();
    Enrollment e = data.enrollment();
    LocalDate today = now.atZone(member.zone(channel)).toLocalDate();
    int streak = Streaks.asOf(e.streak(), today, e.activeOn(today), member).days();
    Stage stage = roadmap.stage(Math.min(e.stage(), roadmap.stageCount()));
    return new ChannelReport.MemberLine(
        member.displayName(),
        stage.number(),
        e.graduated(),
        data.objectivesDone(),
        stage.objectiveCount(),
        e.lastActivityAt(),
        streak,
        e.points(),
        e.lastActivityAt().isBefore(now.minus(STUCK_AFTER)),
        reminders(member, today, now));
  }

  /** The coaching policy's word on the member's nudges. */
  private static ChannelReport.Reminders reminders(Member member, LocalDate today, Instant now) {
    return switch (CoachingPolicy.standing(member, today, now)) {
      case ON -> ChannelReport.Reminders.ON;
      case SNOOZED -> ChannelReport.Reminders.SNOOZED;
      case AWAY -> ChannelReport.Reminders.AWAY;
      case PAUSED -> ChannelReport.Reminders.PAUSED;
      case OFF -> ChannelReport.Reminders.OFF;
    };
  }

  private List<ChannelReport.PassRate> passRates(long channelId, Roadmap roadmap) {
    return repository.quizzesByStage(channelId).stream()
        .filter(q -> q.stage() >= 1 && q.stage() <= roadmap.stageCount())
        .map(
            q ->
                new ChannelReport.PassRate(
                    q.stage(), roadmap.stage(q.stage()).title(), q.taken(), q.passed()))
        .toList();
  }

  private List<ChannelReport.Missed> mostMissed(long channelId) {
    List<ChannelReport.Missed> missed = new ArrayList<>();
    for (DashboardRepository.MissCount miss : repository.mostMissed(channelId, MOST_MISSED)) {
      // a question since dropped from the bank has no text to show
      bank.question(miss.questionId())
          .ifPresent(q -> missed.add(new ChannelReport.Missed(q, miss.misses(), miss.answers())));
    }
    return missed;
  }
}
