package io.roadmapcoach.core.coaching;

import io.roadmapcoach.core.coaching.BuddyRepository.Match;
import io.roadmapcoach.core.delivery.Composer;
import io.roadmapcoach.core.delivery.DeliveryComposer;
import io.roadmapcoach.core.delivery.DeliveryComposer.Composed;
import io.roadmapcoach.core.delivery.DeliveryComposer.Drop;
import io.roadmapcoach.core.delivery.DeliveryKind;
import io.roadmapcoach.core.delivery.DeliveryQueue;
import io.roadmapcoach.core.delivery.OutboxRepository;
import io.roadmapcoach.core.delivery.Recipients;
import io.roadmapcoach.core.journey.Enrollment;
import io.roadmapcoach.core.journey.EnrollmentRepository;
import io.roadmapcoach.core.journey.RoadmapLibrary;
import io.roadmapcoach.core.member.Channel;
import io.roadmapcoach.core.member.Member;
import io.roadmapcoach.core.member.MemberRepository;
import io.roadmapcoach.core.member.Memberships;
import io.roadmapcoach.core.member.Scope;
import io.roadmapcoach.core.policy.CoachingPolicy;
import io.roadmapcoach.core.policy.Outlook;
import io.roadmapcoach.core.policy.PromiseWords;
import io.roadmapcoach.core.policy.Promises;
import io.roadmapcoach.core.reply.Reply;
import io.roadmapcoach.core.reply.Text;
import io.roadmapcoach.core.settings.SettingsFeature;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Study buddies: {@code buddy [on|off]}, the introduction each member gets on Monday, the news when
 * a buddy steps out during the week (leaves the channel, snoozes, stops pairing or is erased), and
 * the line on the buddy in the daily nudge. Pairing follows the member's home channel.
 */
public final class Buddies {
  /** Pairs are made on Monday at this time in each channel's time zone. */
  public static final LocalTime PAIRING_TIME = CoachingPolicy.PAIRING_TIME;

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

  private final BuddyRepository repository;
  private final CoachingRepository coaching;
  private final EnrollmentRepository enrollments;
  private final MemberRepository members;
  private final Memberships memberships;
  private final OutboxRepository outbox;
  private final Promises promises;
  private final BuddyNews news;

  public Buddies(
      RoadmapLibrary roadmaps,
      BuddyRepository repository,
      CoachingRepository coaching,
      EnrollmentRepository enrollments,
      MemberRepository members,
      Memberships memberships,
      OutboxRepository outbox,
      Promises promises) {
    this.repository = repository;
    this.coaching = coaching;
    this.enrollments = enrollments;
    this.members = members;
    this.memberships = memberships;
    this.outbox = outbox;
    this.promises = promises;
    this.news = new BuddyNews(roadmaps, enrollments, repository);
  }

  // ---- the command

  /** {@code buddy}: the current buddy; {@code buddy on|off}: pair me up every Monday, or not. */
  public Reply buddy(Scope scope, Optional<Boolean> on) {
    if (enrollments.find(scope.member().id()).isEmpty()) {
      return Reply.text(
          Text.of("Buddies are paired by where they are on the roadmap, so start first: ")
              .code("/roadmap start")
              .plain(" in your team's channel, then ")
              .code(CoachingFeature.BUDDY.hint("on"))
              .plain("."));
    }
    if (on.isEmpty()) {
      return show(scope);
    }
    coaching.setWantsBuddy(scope.member().id(), on.get());
    if (!on.get()) {
      stepOut(scope, "stopped pairing up");
      return Reply.text(
          Text.of("👋 No more study buddies for you. ")
              .code(CoachingFeature.BUDDY.hint("on"))
              .plain(" brings them back."));
    }
    Text text =
        Text.of("🤝 You're in: every Monday at " + PAIRING_TIME + " (" + zoneOf(scope) + "), ")
            .plain(
                "the members of #"
                    + scope.home().name()
                    + " who asked are paired, someone on your stage first, and I introduce you"
                    + " by direct message.");
    Outlook outlook = promises.of(scope);
    Outlook.Pairing next = outlook.pairing();
    if (next.included()) {
      text =
          text.plain(
              next.regular()
                  ? " Next: " + PromiseWords.when(next.round(), outlook.zone()) + "."
                  : " This week's pairing runs late: "
                      + PromiseWords.day(next.round(), outlook.zone(), scope.now())
                      + ".");
    }
    return Reply.text(text.append(whyNotPaired(next)));
  }

  private static String zoneOf(Scope scope) {
    return zoneOf(scope.home());
  }

  private static String zoneOf(Channel home) {
    return "#" + home.name() + "'s time, " + home.zoneOrUtc().getId();
  }

  /**
   * When the member will be paired, as the policy has it: the next pairing they are in (a late run
   * of this week's on a Monday, said as such), or the regular time and what keeps them out.
   */
  private static Text whenPaired(Outlook outlook, Channel home, Instant now) {
    Outlook.Pairing next = outlook.pairing();
    String regular = "you will be paired on Monday at " + PAIRING_TIME;
    if (!next.included()) {
      return Text.of(regular + " (" + zoneOf(home) + ") once nothing keeps you out.")
          .append(whyNotPaired(next));
    }
    if (!next.regular()) {
      return Text.of(
          regular
              + " ("
              + zoneOf(home)
              + "); this week's pairing runs late: "
              + PromiseWords.day(next.round(), outlook.zone(), now)
              + ".");
    }
    LocalDate day = next.round().atZone(home.zoneOrUtc()).toLocalDate();
    return Text.of(regular + " (" + DAY.format(day) + ", " + zoneOf(home) + ").");
  }

  /** What keeps the member out of the next pairing, said so they can change it. */
  private static Text whyNotPaired(Outlook.Pairing next) {
    if (next.why().isEmpty()) {
      return Text.empty();
    }
    return switch (next.why().get()) {
      case OFF ->
          Text.of(" Your reminders are off, and only members with reminders are paired: ")
              .code(SettingsFeature.REMIND.hint("on"))
              .plain(".");
      case PAUSED, PAUSES_FIRST ->
          Text.of(" Your nudges are paused, and only members with nudges are paired: ")
              .code(SettingsFeature.REMIND.hint("on"))
              .plain(".");
      case SNOOZED_THEN ->
          Text.of(
              " You are snoozed on the day of the pairing; a member snoozed then waits for the"
                  + " week after.");
      case UNREACHABLE ->
          Text.of(
              " I could not reach you by direct message: write to me, and you are paired again.");
      case LEFT -> Text.of(" You are in no channel's group now.");
      default -> Text.empty();
    };
  }

  private Reply show(Scope scope) {
    Member me = scope.member();
    Optional<Match> match = repository.current(me.id(), scope.today()).filter(m -> !m.ended());
    List<Member> buddies = match.map(repository::buddies).orElse(List.of());
    if (!buddies.isEmpty()) {
      Reply.Builder reply =
          Reply.builder()
              .header(
                  "🤝 Your study "
                      + (buddies.size() == 1 ? "buddy" : "buddies")
                      + " this week: "
                      + BuddyNews.joined(buddies.stream().map(Member::displayName).toList()));
      for (Member buddy : buddies) {
        reply.section(aboutBuddy(buddy, scope));
      }
      return reply
          .context(
              Text.of("New pairs every Monday. ")
                  .code(CoachingFeature.BUDDY.hint("off"))
                  .plain(" stops."))
          .build();
    }
    if (coaching.wantsBuddy(me.id())) {
      return Reply.text(
          Text.of("🤝 No buddy this week" + (match.isPresent() ? " any more" : "") + ": ")
              .append(whenPaired(promises.of(scope), scope.home(), scope.now())));
    }
    return Reply.text(
        Text.of("You have no study buddy. ")
            .code(CoachingFeature.BUDDY.hint("on"))
            .plain(
                " pairs you every Monday with someone in #"
                    + scope.home().name()
                    + " at about your stage."));
  }

  private Text aboutBuddy(Member buddy, Scope scope) {
    Text text = Text.empty().bold(buddy.displayName()).plain(": " + news.where(buddy) + ".");
    Optional<Enrollment> e = enrollments.find(buddy.id());
    Optional<LocalDate> lastActive = e.flatMap(Enrollment::lastActiveDate);
    if (lastActive.isPresent()) {
      text = text.plain(" Last active " + DAY.format(lastActive.get()) + ".");
    }
    Optional<String> yesterday = news.did(buddy, scope.today().minusDays(1));
    if (yesterday.isPresent()) {
      text = text.plain(" Yesterday they " + yesterday.get() + ".");
    }
    return text;
  }

  // ---- stepping out during the week

  /** After {@code leave}: a member who is no longer in their pairing's channel steps out. */
  public void afterLeave(Scope scope) {
    repository
        .current(scope.member().id(), scope.today())
        .filter(m -> !m.ended())
        .filter(m -> !memberships.isMember(m.channelId(), scope.member().id()))
        .ifPresent(m -> stepOut(scope, m, "left #" + members.channel(m.channelId()).name()));
  }

  /** After a snooze: the buddies go on without them this week. */
  public void afterSnooze(Scope scope) {
    stepOut(scope, "is taking a break from the roadmap");
  }

  private void stepOut(Scope scope, String what) {
    repository
        .current(scope.member().id(), scope.today())
        .filter(m -> !m.ended())
        .ifPresent(m -> stepOut(scope, m, what));
  }

  private void stepOut(Scope scope, Match match, String what) {
    List<Member> left = repository.buddies(match);
    if (!repository.end(match, scope.now())) {
      return;
    }
    for (Member buddy : left) {
      tell(
          outbox.by(scope.member().id()),
          buddy,
          match.channelId(),
          scope.member().displayName() + " " + what,
          scope.now());
    }
  }

  /** A group lost a member whose data was erased: the others are told, without a name. */
  void erasedFrom(Match stillIn, Instant now) {
    Member member = members.member(stillIn.memberId());
    tell(outbox, member, stillIn.channelId(), "Your study buddy is no longer on the roadmap", now);
  }

  private void tell(
      OutboxRepository queue, Member buddy, long channelId, String news, Instant now) {
    Channel home = members.homeOf(buddy.id(), members.channel(channelId));
    queue.toMember(
        DeliveryKind.BUDDY_NOTICE,
        buddy.workspaceId(),
        buddy.id(),
        Optional.of(channelId),
        now.atZone(buddy.zone(home)).toLocalDate(),
        Optional.of(news),
        now);
  }

  // ---- deliveries

  /** Monday's introduction: who the buddies are, their stage and their next objective. */
  public Composer introductions() {
    return Composer.eachRow(this::introduction);
  }

  private Composed introduction(DeliveryQueue.Claimed row, Recipients to, Instant now) {
    Member member = to.member(row);
    Optional<Match> match = repository.of(member.id(), row.localDate()).filter(m -> !m.ended());
    List<Member> buddies = match.map(repository::buddies).orElse(List.of());
    if (buddies.isEmpty()) {
      return new Drop("no buddy left to introduce");
    }
    String names = BuddyNews.joined(buddies.stream().map(Member::displayName).toList());
    Reply.Builder reply =
        Reply.builder()
            .header(
                "🤝 Your study "
                    + (buddies.size() == 1 ? "buddy" : "buddies")
                    + " this week: "
                    + names);
    for (Member buddy : buddies) {
      reply.section(Text.empty().bold(buddy.displayName()).plain(": " + news.where(buddy) + "."));
    }
    reply.context(
        Text.of("Say hello! ")
            .code(CoachingFeature.BUDDY.hint())
            .plain(" shows how they are doing; ")
            .code(CoachingFeature.BUDDY.hint("off"))
            .plain(" stops the pairing."));
    return DeliveryComposer.toMember(row, to, reply.build());
  }

  /** A buddy stepped out: who is left, and when the next pairing is. */
  public Composer notices() {
    return Composer.eachRow(this::notice);
  }

  private Composed notice(DeliveryQueue.Claimed row, Recipients to, Instant now) {
    Member member = to.member(row);
    LocalDate today = row.localDate();
    Optional<Match> match = repository.current(member.id(), today).filter(m -> !m.ended());
    if (match.isEmpty()) {
      return new Drop("the member is no longer paired this week");
    }
    List<Member> left = repository.buddies(match.get());
    Text text = Text.of("🤝 " + row.noticeText().orElse("Your study buddy stepped out") + ". ");
    text =
        left.isEmpty()
            ? text.plain("You have no buddy for the rest of this week; ")
            : text.plain(
                BuddyNews.joined(left.stream().map(Member::displayName).toList())
                    + (left.size() == 1 ? " is" : " are")
                    + " still with you this week; ");
    Channel home = members.homeOf(member.id(), members.channel(match.get().channelId()));
    Outlook.Pairing next = promises.of(member, home, now).pairing();
    text =
        text.plain(
            next.regular()
                ? "new pairs are made on Monday at "
                    + PAIRING_TIME
                    + " ("
                    + DAY.format(next.round().atZone(home.zoneOrUtc()).toLocalDate())
                    + ", "
                    + zoneOf(home)
                    + ")."
                : "new pairs are made on Monday; this week's pairing runs late: "
                    + PromiseWords.day(next.round(), home.zoneOrUtc(), now)
                    + ".");
    return DeliveryComposer.toMember(row, to, Reply.text(text));
  }

  // ---- the daily nudge

  /** The nudge's line on the member's buddies of this week, when they have any. */
  public Optional<Text> nudgeLine(Member member, LocalDate today) {
    List<Member> buddies =
        repository
            .current(member.id(), today)
            .filter(m -> !m.ended())
            .map(repository::buddies)
            .orElse(List.of());
    return buddies.isEmpty() ? Optional.empty() : Optional.of(Text.of(news.line(buddies, today)));
  }
}
