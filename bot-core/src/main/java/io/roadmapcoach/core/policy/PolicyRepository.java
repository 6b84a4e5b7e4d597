package io.roadmapcoach.core.policy;

import static io.roadmapcoach.db.schema.Tables.BUDDY_ROUND;
import static io.roadmapcoach.db.schema.Tables.CHANNEL;
import static io.roadmapcoach.db.schema.Tables.CHANNEL_HOLIDAY;
import static io.roadmapcoach.db.schema.Tables.CHANNEL_MEMBER;
import static io.roadmapcoach.db.schema.Tables.ENROLLMENT;
import static io.roadmapcoach.db.schema.Tables.JOURNEY;
import static io.roadmapcoach.db.schema.Tables.MEMBER;

import io.roadmapcoach.core.delivery.DeliveryKind;
import io.roadmapcoach.core.delivery.OutboxRepository;
import io.roadmapcoach.core.journey.Enrollment;
import io.roadmapcoach.core.journey.EnrollmentRepository;
import io.roadmapcoach.core.member.Channel;
import io.roadmapcoach.core.member.LocalClock;
import io.roadmapcoach.core.member.Member;
import io.roadmapcoach.core.member.MemberRepository;
import io.roadmapcoach.core.time.Times;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * What the policy reads around a member beside their row and journey: whether they are still in
 * their home channel's group, its holidays near now, tonight's evening warning sent, and this
 * week's pairing run. As correlated sub-queries on {@code ENROLLMENT}, so that a status reads them
 * in its own statement.
 */
public final class PolicyRepository {
  private static final Field<Boolean> IN_HOME =
      DSL.field(
              DSL.exists(
                  DSL.selectOne()
                      .from(CHANNEL_MEMBER)
                      .where(
                          CHANNEL_MEMBER.CHANNEL_ID.eq(ENROLLMENT.CHANNEL_ID),
                          CHANNEL_MEMBER.MEMBER_ID.eq(ENROLLMENT.MEMBER_ID))))
          .as("policy_in_home");

  /** Whether the home channel's roadmap has a quiz (its file has questions). */
  private static final Field<Boolean> HOME_HAS_QUIZ =
      DSL.field(PolicySql.homeHasQuiz()).as("policy_home_has_quiz");

  private static final String HOLIDAYS = "policy_holidays";
  private static final String NUDGES = "policy_nudges";
  private static final String QUIZZES = "policy_quizzes";
  private static final String EVENINGS = "policy_evenings";
  private static final String POSTS = "policy_posts";
  private static final String CALL_OUTS = "policy_call_outs";
  private static final String PAIRED = "policy_paired";

  /** How far around today the outbox is read: a week and a day, the quiz's reach. */
  private static final int SENT_DAYS = 8;

  private final DSLContext dsl;

  public PolicyRepository(DSLContext dsl) {
    this.dsl = dsl;
  }

  /**
   * The facts to read beside an enrollment row, for a member whose local date is {@code today} and
   * whose home channel's week began on {@code homeWeek}.
   */
  public static List<Field<?>> facts(Field<LocalDate> today, Field<LocalDate> homeWeek) {
    Field<LocalDate[]> holidays =
        DSL.field(
            DSL.select(DSL.arrayAgg(CHANNEL_HOLIDAY.DAY))
                .from(CHANNEL_HOLIDAY)
                .where(
                    CHANNEL_HOLIDAY.CHANNEL_ID.eq(ENROLLMENT.CHANNEL_ID),
                    CHANNEL_HOLIDAY.DAY.between(
                        offset(today, -2), offset(today, CoachingPolicy.LOOK_AHEAD_DAYS + 2))));
    Field<LocalDate> from = offset(today, -SENT_DAYS);
    Field<LocalDate> to = offset(today, SENT_DAYS);
    Field<Boolean> paired =
        DSL.field(
            DSL.exists(
                DSL.selectOne()
                    .from(BUDDY_ROUND)
                    .where(
                        BUDDY_ROUND.CHANNEL_ID.eq(ENROLLMENT.CHANNEL_ID),
                        BUDDY_ROUND.WEEK_START.eq(homeWeek))));
    return List.of(
        IN_HOME,
        HOME_HAS_QUIZ,
        holidays.as(HOLIDAYS),
        OutboxRepository.datesFor(DeliveryKind.NUDGE, ENROLLMENT.MEMBER_ID, from, to).as(NUDGES),
        OutboxRepository.datesFor(DeliveryKind.QUIZ, ENROLLMENT.MEMBER_ID, from, to).as(QUIZZES),
        OutboxRepository.datesFor(DeliveryKind.EVENING_NUDGE, ENROLLMENT.MEMBER_ID, from, to)
            .as(EVENINGS),
        OutboxRepository.datesForChannel(
                DeliveryKind.CHANNEL_DIGEST, ENROLLMENT.CHANNEL_ID, from, to)
            .as(POSTS),
        OutboxRepository.datesForChannel(DeliveryKind.CHANNEL_QUIZ, ENROLLMENT.CHANNEL_ID, from, to)
            .as(CALL_OUTS),
        paired.as(PAIRED));
  }

  /** {@link #facts} for a member at {@code now}, their local date and home week worked out here. */
  public static List<Field<?>> facts(Member member, Channel home, Instant now) {
    return facts(
        DSL.val(now.atZone(member.zone(home)).toLocalDate()),
        DSL.val(Times.weekStart(now.atZone(home.zoneOrUtc()).toLocalDate())));
  }

  private static Field<LocalDate> offset(Field<LocalDate> day, int days) {
    return DSL.field("({0} + {1})", SQLDataType.LOCALDATE, day, DSL.inline(days));
  }

  /** The situation from a row that read {@link #facts} beside the member's enrollment. */
  public static Situation situation(Member member, Channel home, Enrollment e, Record facts) {
    return new Situation(
        member,
        Optional.of(e),
        home,
        Boolean.TRUE.equals(facts.get(IN_HOME)),
        dates(facts, HOLIDAYS),
        new Situation.Sent(
            dates(facts, NUDGES),
            dates(facts, QUIZZES),
            dates(facts, EVENINGS),
            dates(facts, POSTS),
            dates(facts, CALL_OUTS)),
        Boolean.TRUE.equals(facts.get(PAIRED, Boolean.class)),
        !Boolean.FALSE.equals(facts.get(HOME_HAS_QUIZ)));
  }

  private static Set<LocalDate> dates(Record facts, String name) {
    LocalDate[] dates = facts.get(name, LocalDate[].class);
    return dates == null ? Set.of() : Set.copyOf(Arrays.asList(dates));
  }

  /** A member not on the roadmap: nothing comes to them. */
  public static Situation notEnrolled(Member member, Channel home) {
    return new Situation(
        member, Optional.empty(), home, false, Set.of(), Situation.Sent.NONE, false);
  }

  /**
   * The member's situation at {@code now}, read in one statement; {@code home} is their home
   * channel as the caller knows it (a command's scope).
   */
  public Situation situation(Member member, Channel home, Instant now) {
    return dsl.select(ENROLLMENT.fields())
        .select(JOURNEY.fields())
        .select(facts(member, home, now))
        .from(ENROLLMENT)
        .join(JOURNEY)
        .on(EnrollmentRepository.homeJourney())
        .where(ENROLLMENT.MEMBER_ID.eq(member.id()))
        .fetchOptional()
        .map(r -> situation(member, home, EnrollmentRepository.enrollment(r), r))
        .orElseGet(() -> notEnrolled(member, home));
  }

  /**
   * The situations of the members {@code memberIds} who are on the roadmap, at {@code now}, read in
   * one statement (a channel's post, the held quiz invitations).
   */
  public List<Situation> situations(Collection<Long> memberIds, Instant now) {
    if (memberIds.isEmpty()) {
      return List.of();
    }
    Field<LocalDate> today =
        DSL.field(
            "({0} at time zone {1})::date",
            SQLDataType.LOCALDATE, DSL.val(Times.utc(now)), LocalClock.memberZone());
    Field<LocalDate> homeWeek =
        DSL.field(
            "date_trunc('week', {0} at time zone {1})::date",
            SQLDataType.LOCALDATE,
            DSL.val(Times.utc(now)),
            DSL.coalesce(CHANNEL.TIME_ZONE, DSL.inline("UTC")));
    List<Situation> found = new ArrayList<>();
    dsl.select(MEMBER.fields())
        .select(ENROLLMENT.fields())
        .select(JOURNEY.fields())
        .select(CHANNEL.fields())
        .select(facts(today, homeWeek))
        .from(MEMBER)
        .join(ENROLLMENT)
        .on(ENROLLMENT.MEMBER_ID.eq(MEMBER.ID))
        .join(CHANNEL)
        .on(CHANNEL.ID.eq(ENROLLMENT.CHANNEL_ID))
        .join(JOURNEY)
        .on(EnrollmentRepository.journeyOn(CHANNEL.ROADMAP_ID))
        .where(MEMBER.ID.in(memberIds))
        .orderBy(MEMBER.ID)
        .forEach(
            r -> {
              Member member = MemberRepository.member(r.into(MEMBER));
              Channel home = MemberRepository.channel(r.into(CHANNEL));
              found.add(situation(member, home, EnrollmentRepository.enrollment(r), r));
            });
    return found;
  }

  /** Whether {@code day} is a holiday of the channel (its calendar). */
  public boolean isHoliday(long channelId, LocalDate day) {
    return dsl.fetchExists(
        CHANNEL_HOLIDAY, CHANNEL_HOLIDAY.CHANNEL_ID.eq(channelId), CHANNEL_HOLIDAY.DAY.eq(day));
  }
}
