package io.roadmapcoach.core.journey;

import static io.roadmapcoach.db.schema.Tables.CHANNEL;
import static io.roadmapcoach.db.schema.Tables.CHANNEL_MEMBER;
import static io.roadmapcoach.db.schema.Tables.ENROLLMENT;
import static io.roadmapcoach.db.schema.Tables.JOURNEY;
import static io.roadmapcoach.db.schema.Tables.OBJECTIVE_DONE;
import static io.roadmapcoach.db.schema.Tables.PROGRESS_EVENT;
import static io.roadmapcoach.db.schema.Tables.QUIZ_ATTEMPT;

import io.roadmapcoach.core.roadmap.Objective;
import io.roadmapcoach.core.time.Times;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * Enrollments (a member's own: home channel, streak, last activity), their journeys (one per
 * roadmap: stage, points) and the objectives checked off in them.
 */
public final class EnrollmentRepository {
  private static final Field<Integer[]> STATUS_IN_STAGE;
  private static final Field<Integer> STATUS_BEFORE;
  private static final Field<Boolean> STATUS_QUIZ_PASSED;

  // what a status reads beside the journey row, as correlated sub-queries on it
  static {
    var done = OBJECTIVE_DONE;
    Condition ofJourney =
        done.MEMBER_ID.eq(JOURNEY.MEMBER_ID).and(done.ROADMAP_ID.eq(JOURNEY.ROADMAP_ID));
    Field<Integer[]> inStage =
        DSL.field(
            DSL.select(DSL.arrayAgg(done.OBJECTIVE))
                .from(done)
                .where(ofJourney, done.STAGE.eq(JOURNEY.STAGE)));
    Field<Integer> before =
        DSL.field(DSL.selectCount().from(done).where(ofJourney, done.STAGE.lt(JOURNEY.STAGE)));
    Field<Boolean> quizPassed =
        DSL.field(
            DSL.exists(
                DSL.selectOne()
                    .from(QUIZ_ATTEMPT)
                    .where(
                        QUIZ_ATTEMPT.MEMBER_ID.eq(JOURNEY.MEMBER_ID),
                        QUIZ_ATTEMPT.ROADMAP_ID.eq(JOURNEY.ROADMAP_ID),
                        QUIZ_ATTEMPT.STAGE.eq(JOURNEY.STAGE),
                        QUIZ_ATTEMPT.REVIEW.isFalse(),
                        QUIZ_ATTEMPT.PASSED.isTrue())));
    STATUS_IN_STAGE = inStage.as("in_stage");
    STATUS_BEFORE = before.as("before_stage");
    STATUS_QUIZ_PASSED = quizPassed.as("quiz_passed");
  }

  private final DSLContext dsl;

  public EnrollmentRepository(DSLContext dsl) {
    this.dsl = dsl;
  }

  /**
   * Joins {@code journey} to {@code enrollment} for the member's home journey: the one on their
   * home channel's roadmap. For queries that read a member's journey beside their enrollment.
   */
  public static Condition homeJourney() {
    var home = CHANNEL.as("journey_home");
    return JOURNEY
        .MEMBER_ID
        .eq(ENROLLMENT.MEMBER_ID)
        .and(
            JOURNEY.ROADMAP_ID.eq(
                DSL.field(
                    DSL.select(home.ROADMAP_ID)
                        .from(home)
                        .where(home.ID.eq(ENROLLMENT.CHANNEL_ID)))));
  }

  /**
   * The roadmap channel {@code channelId} follows, as a sub-query that does not depend on the row:
   * read once per statement, so that each member's journey is a primary-key lookup.
   */
  public static Field<Long> roadmapOf(long channelId) {
    var followed = CHANNEL.as("followed");
    return DSL.field(
        DSL.select(followed.ROADMAP_ID).from(followed).where(followed.ID.eq(channelId)));
  }

  /**
   * Joins {@code journey} to {@code channel_member} of channel {@code channelId} for each member's
   * journey on the channel's roadmap: what its boards, team list, digest and dashboard show.
   */
  public static Condition journeyInChannel(long channelId) {
    return JOURNEY
        .MEMBER_ID
        .eq(CHANNEL_MEMBER.MEMBER_ID)
        .and(JOURNEY.ROADMAP_ID.eq(roadmapOf(channelId)));
  }

  /** Joins {@code journey} to {@code enrollment} for the journey on the roadmap given. */
  public static Condition journeyOn(Field<Long> roadmapId) {
    return JOURNEY.MEMBER_ID.eq(ENROLLMENT.MEMBER_ID).and(JOURNEY.ROADMAP_ID.eq(roadmapId));
  }

  /** The member's home journey. */
  public Optional<Enrollment> find(long memberId) {
    return dsl.select(ENROLLMENT.fields())
        .select(JOURNEY.fields())
        .from(ENROLLMENT)
        .join(JOURNEY)
        .on(homeJourney())
        .where(ENROLLMENT.MEMBER_ID.eq(memberId))
        .fetchOptional(EnrollmentRepository::enrollment);
  }

  /** The member's journey on the roadmap, when they have one. */
  public Optional<Enrollment> find(long memberId, long roadmapId) {
    return dsl.select(ENROLLMENT.fields())
        .select(JOURNEY.fields())
        .from(ENROLLMENT)
        .join(JOURNEY)
        .on(journeyOn(DSL.val(roadmapId)))
        .where(ENROLLMENT.MEMBER_ID.eq(memberId))
        .fetchOptional(EnrollmentRepository::enrollment);
  }

  /** Every journey of the member, the home one first, then by when they started. */
  public List<Enrollment> journeys(long memberId) {
    var home = CHANNEL.as("home");
    return dsl.select(ENROLLMENT.fields())
        .select(JOURNEY.fields())
        .from(ENROLLMENT)
        .join(JOURNEY)
        .on(JOURNEY.MEMBER_ID.eq(ENROLLMENT.MEMBER_ID))
        .join(home)
        .on(home.ID.eq(ENROLLMENT.CHANNEL_ID))
        .where(ENROLLMENT.MEMBER_ID.eq(memberId))
        .orderBy(
            DSL.when(JOURNEY.ROADMAP_ID.eq(home.ROADMAP_ID), 0).otherwise(1),
            JOURNEY.STARTED_AT,
            JOURNEY.ROADMAP_ID)
        .fetch(EnrollmentRepository::enrollment);
  }

  /**
   * A journey other than the home one, on a roadmap that a channel of the member follows.
   *
   * @param channelName such a channel (the first by name): where its quiz is taken
   */
  public record Elsewhere(Enrollment journey, String channelName) {}

  /**
   * The members' unfinished journeys besides the home one, on roadmaps their channels follow, for
   * the nudge's line per other journey; one statement for the whole batch.
   */
  public Map<Long, List<Elsewhere>> otherJourneys(Collection<Long> memberIds) {
    var home = CHANNEL.as("home");
    var their = CHANNEL.as("their");
    Field<String> channelName =
        DSL.field(
                DSL.select(DSL.min(their.NAME))
                    .from(CHANNEL_MEMBER)
                    .join(their)
                    .on(their.ID.eq(CHANNEL_MEMBER.CHANNEL_ID))
                    .where(
                        CHANNEL_MEMBER.MEMBER_ID.eq(JOURNEY.MEMBER_ID),
                        their.ROADMAP_ID.eq(JOURNEY.ROADMAP_ID)))
            .as("channel_name");
    Map<Long, List<Elsewhere>> found = new HashMap<>();
    dsl.select(ENROLLMENT.fields())
        .select(JOURNEY.fields())
        .select(channelName)
        .from(ENROLLMENT)
        .join(home)
        .on(home.ID.eq(ENROLLMENT.CHANNEL_ID))
        .join(JOURNEY)
        .on(JOURNEY.MEMBER_ID.eq(ENROLLMENT.MEMBER_ID), JOURNEY.ROADMAP_ID.ne(home.ROADMAP_ID))
        .where(ENROLLMENT.MEMBER_ID.in(memberIds), JOURNEY.GRADUATED_AT.isNull())
        .orderBy(JOURNEY.STARTED_AT, JOURNEY.ROADMAP_ID)
        .forEach(
            r -> {
              if (r.get(channelName) != null) {
                found
                    .computeIfAbsent(r.get(ENROLLMENT.MEMBER_ID), id -> new java.util.ArrayList<>())
                    .add(new Elsewhere(enrollment(r), r.get(channelName)));
              }
            });
    return found;
  }

  /** The members' home journeys, for composing a batch of deliveries; the unenrolled left out. */
  public Map<Long, Enrollment> findAll(Collection<Long> memberIds) {
    Map<Long, Enrollment> found = new HashMap<>();
    dsl.select(ENROLLMENT.fields())
        .select(JOURNEY.fields())
        .from(ENROLLMENT)
        .join(JOURNEY)
        .on(homeJourney())
        .where(ENROLLMENT.MEMBER_ID.in(memberIds))
        .forEach(r -> found.put(r.get(ENROLLMENT.MEMBER_ID), enrollment(r)));
    return found;
  }

  /** What each member checked off in the stage of the journey given for them. */
  public Map<Long, Set<Integer>> objectivesDone(Collection<Enrollment> journeys) {
    Map<Long, Set<Integer>> done = new HashMap<>();
    Map<Long, Enrollment> byMember = new HashMap<>();
    journeys.forEach(
        j -> {
          done.put(j.memberId(), new TreeSet<>());
          byMember.put(j.memberId(), j);
        });
    dsl.select(
            OBJECTIVE_DONE.MEMBER_ID,
            OBJECTIVE_DONE.ROADMAP_ID,
            OBJECTIVE_DONE.STAGE,
            OBJECTIVE_DONE.OBJECTIVE)
        .from(OBJECTIVE_DONE)
        .where(OBJECTIVE_DONE.MEMBER_ID.in(byMember.keySet()), OBJECTIVE_DONE.STAGE.isNotNull())
        .forEach(
            r -> {
              Enrollment j = byMember.get(r.value1());
              if (r.value2() == j.roadmapId() && r.value3() == j.stage()) {
                done.get(r.value1()).add(r.value4());
              }
            });
    return done;
  }

  /**
   * The member's home journey, their enrollment locked until the transaction ends: changes to one
   * member run one at a time, whichever journey they touch.
   */
  public Optional<Enrollment> lock(long memberId) {
    return lockEnrollment(memberId) ? find(memberId) : Optional.empty();
  }

  /** {@link #lock(long)} for the journey on the roadmap given. */
  public Optional<Enrollment> lock(long memberId, long roadmapId) {
    return lockEnrollment(memberId) ? find(memberId, roadmapId) : Optional.empty();
  }

  private boolean lockEnrollment(long memberId) {
    return dsl.select(ENROLLMENT.MEMBER_ID)
        .from(ENROLLMENT)
        .where(ENROLLMENT.MEMBER_ID.eq(memberId))
        .forUpdate()
        .fetchOptional()
        .isPresent();
  }

  /**
   * Enrolls the member, with a journey on {@code roadmapId}; false when they already were (a double
   * click, a second instance). Their last activity is left unset: enrolling starts the clock for
   * "stuck", but is no progress.
   */
  public boolean insert(long memberId, long channelId, long roadmapId, Instant now) {
    boolean enrolled =
        dsl.insertInto(ENROLLMENT)
                .set(ENROLLMENT.MEMBER_ID, memberId)
                .set(ENROLLMENT.CHANNEL_ID, channelId)
                .set(ENROLLMENT.STREAK_DAYS, 0)
                .set(ENROLLMENT.LAST_ACTIVITY_AT, Times.utc(now))
                .set(ENROLLMENT.ENROLLED_AT, Times.utc(now))
                .onConflictDoNothing()
                .execute()
            == 1;
    startJourney(memberId, roadmapId, now);
    return enrolled;
  }

  /** Starts the member's journey on the roadmap at stage 1; false when they had one. */
  public boolean startJourney(long memberId, long roadmapId, Instant now) {
    return dsl.insertInto(JOURNEY)
            .set(JOURNEY.MEMBER_ID, memberId)
            .set(JOURNEY.ROADMAP_ID, roadmapId)
            .set(JOURNEY.STAGE, 1)
            .set(JOURNEY.POINTS, 0)
            .set(JOURNEY.POINTS_REACHED_AT, Times.utc(now))
            .set(JOURNEY.STARTED_AT, Times.utc(now))
            .onConflictDoNothing()
            .execute()
        == 1;
  }

  /**
   * Starts a journey on the roadmap for every enrolled member of the channel who has none (the
   * channel now follows it); those who had one resume it.
   */
  public int startJourneys(long channelId, long roadmapId, Instant now) {
    return dsl.insertInto(
            JOURNEY,
            JOURNEY.MEMBER_ID,
            JOURNEY.ROADMAP_ID,
            JOURNEY.STAGE,
            JOURNEY.POINTS,
            JOURNEY.POINTS_REACHED_AT,
            JOURNEY.STARTED_AT)
        .select(
            DSL.select(
                    ENROLLMENT.MEMBER_ID,
                    DSL.val(roadmapId),
                    DSL.val(1),
                    DSL.val(0),
                    DSL.val(Times.utc(now)),
                    DSL.val(Times.utc(now)))
                .from(ENROLLMENT)
                .join(CHANNEL_MEMBER)
                .on(CHANNEL_MEMBER.MEMBER_ID.eq(ENROLLMENT.MEMBER_ID))
                .where(CHANNEL_MEMBER.CHANNEL_ID.eq(channelId)))
        .onConflictDoNothing()
        .execute();
  }

  public Set<Integer> objectivesDone(long memberId, long roadmapId, int stage) {
    return new TreeSet<>(
        dsl.select(OBJECTIVE_DONE.OBJECTIVE)
            .from(OBJECTIVE_DONE)
            .where(
                OBJECTIVE_DONE.MEMBER_ID.eq(memberId),
                OBJECTIVE_DONE.ROADMAP_ID.eq(roadmapId),
                OBJECTIVE_DONE.STAGE.eq(stage))
            .fetch(OBJECTIVE_DONE.OBJECTIVE));
  }

  /** {@link #objectivesDone(long, long, int)} in the journey's stage. */
  public Set<Integer> objectivesDone(Enrollment journey) {
    return objectivesDone(journey.memberId(), journey.roadmapId(), journey.stage());
  }

  /**
   * What the member has checked off on the journey up to {@code stage}: that stage's objectives,
   * and how many in the stages before it.
   */
  public Checked checked(long memberId, long roadmapId, int stage) {
    Set<Integer> inStage = new TreeSet<>();
    int before = 0;
    for (var row :
        dsl.select(OBJECTIVE_DONE.STAGE, OBJECTIVE_DONE.OBJECTIVE)
            .from(OBJECTIVE_DONE)
            .where(
                OBJECTIVE_DONE.MEMBER_ID.eq(memberId),
                OBJECTIVE_DONE.ROADMAP_ID.eq(roadmapId),
                OBJECTIVE_DONE.STAGE.le(stage))
            .fetch()) {
      if (row.value1() == stage) {
        inStage.add(row.value2());
      } else {
        before++;
      }
    }
    return new Checked(inStage, before);
  }

  /** Objectives checked off: in one stage, and in the stages before it. */
  public record Checked(Set<Integer> inStage, int before) {}

  /**
   * What a status shows, in one query instead of three: the journey, what the member has checked
   * off in its stage and before it, and whether they have passed that stage's quiz.
   */
  public Optional<StatusFacts> statusFacts(long memberId, long roadmapId) {
    return statusFacts(memberId, roadmapId, List.of());
  }

  /**
   * {@link #statusFacts(long, long)} with {@code more} read in the same statement beside them:
   * fields correlated to the enrollment row (what the coaching policy needs for its promises),
   * found in {@link StatusFacts#more}.
   */
  public Optional<StatusFacts> statusFacts(
      long memberId, long roadmapId, List<? extends Field<?>> more) {
    return dsl.select(ENROLLMENT.fields())
        .select(JOURNEY.fields())
        .select(STATUS_IN_STAGE, STATUS_BEFORE, STATUS_QUIZ_PASSED)
        .select(more)
        .from(ENROLLMENT)
        .join(JOURNEY)
        .on(journeyOn(DSL.val(roadmapId)))
        .where(ENROLLMENT.MEMBER_ID.eq(memberId))
        .fetchOptional()
        .map(
            r -> {
              Integer[] objectives = r.get(STATUS_IN_STAGE);
              Set<Integer> checked =
                  objectives == null ? new TreeSet<>() : new TreeSet<>(Arrays.asList(objectives));
              return new StatusFacts(
                  enrollment(r),
                  new Checked(checked, r.get(STATUS_BEFORE)),
                  r.get(STATUS_QUIZ_PASSED),
                  r);
            });
  }

  /**
   * See {@link #statusFacts}.
   *
   * @param more the row read, with the fields asked for beside the status's own
   */
  public record StatusFacts(
      Enrollment enrollment, Checked checked, boolean quizPassed, Record more) {}

  public void saveStreak(long memberId, StreakState streak) {
    dsl.update(ENROLLMENT)
        .set(ENROLLMENT.STREAK_DAYS, streak.days())
        .set(ENROLLMENT.STREAK_LAST_DATE, streak.lastCounted().orElse(null))
        .set(ENROLLMENT.FREEZE_WEEK, streak.freezeWeek().orElse(null))
        .where(ENROLLMENT.MEMBER_ID.eq(memberId))
        .execute();
  }

  /** How many objectives the member has checked off on the journey in stages before its stage. */
  public int objectivesDoneBefore(Enrollment journey, int stage) {
    return dsl.fetchCount(
        OBJECTIVE_DONE,
        OBJECTIVE_DONE.MEMBER_ID.eq(journey.memberId()),
        OBJECTIVE_DONE.ROADMAP_ID.eq(journey.roadmapId()),
        OBJECTIVE_DONE.STAGE.lt(stage));
  }

  /** Checks an objective off on the journey; false when it already was. */
  public boolean markDone(Enrollment journey, int stage, Objective objective, Instant now) {
    return dsl.insertInto(OBJECTIVE_DONE)
            .set(OBJECTIVE_DONE.MEMBER_ID, journey.memberId())
            .set(OBJECTIVE_DONE.ROADMAP_ID, journey.roadmapId())
            .set(OBJECTIVE_DONE.OBJECTIVE_ID, objective.id())
            .set(OBJECTIVE_DONE.STAGE, stage)
            .set(OBJECTIVE_DONE.OBJECTIVE, objective.number())
            .set(OBJECTIVE_DONE.DONE_AT, Times.utc(now))
            .onConflictDoNothing()
            .execute()
        == 1;
  }

  /** Takes an objective back; false when it was not checked off. */
  public boolean unmark(Enrollment journey, int stage, int objective) {
    return dsl.deleteFrom(OBJECTIVE_DONE)
            .where(
                OBJECTIVE_DONE.MEMBER_ID.eq(journey.memberId()),
                OBJECTIVE_DONE.ROADMAP_ID.eq(journey.roadmapId()),
                OBJECTIVE_DONE.STAGE.eq(stage),
                OBJECTIVE_DONE.OBJECTIVE.eq(objective))
            .execute()
        == 1;
  }

  public void setStage(Enrollment journey, int stage, Optional<Instant> graduatedAt) {
    dsl.update(JOURNEY)
        .set(JOURNEY.STAGE, stage)
        .set(JOURNEY.GRADUATED_AT, graduatedAt.map(Times::utc).orElse(null))
        .where(JOURNEY.MEMBER_ID.eq(journey.memberId()), JOURNEY.ROADMAP_ID.eq(journey.roadmapId()))
        .execute();
  }

  /**
   * Whether the member has been paid for finishing {@code stage} of the journey before (a lead may
   * set them back).
   */
  public boolean finishedBefore(Enrollment journey, int stage) {
    return dsl.fetchExists(
        PROGRESS_EVENT,
        PROGRESS_EVENT.MEMBER_ID.eq(journey.memberId()),
        PROGRESS_EVENT.ROADMAP_ID.eq(journey.roadmapId()),
        PROGRESS_EVENT.KIND.eq(EventKind.STAGE_FINISHED.key()),
        PROGRESS_EVENT.STAGE.eq(stage));
  }

  /**
   * After the roadmap changed to one with fewer stages: members past its end have finished it.
   * Returns how many were moved.
   */
  public int graduatePast(long roadmapId, int stageCount, Instant now) {
    return dsl.update(JOURNEY)
        .set(JOURNEY.STAGE, stageCount)
        .set(JOURNEY.GRADUATED_AT, DSL.coalesce(JOURNEY.GRADUATED_AT, DSL.val(Times.utc(now))))
        .where(JOURNEY.ROADMAP_ID.eq(roadmapId), JOURNEY.STAGE.gt(stageCount))
        .execute();
  }

  /** Makes {@code channelId} the member's home channel. */
  public void setHome(long memberId, long channelId) {
    dsl.update(ENROLLMENT)
        .set(ENROLLMENT.CHANNEL_ID, channelId)
        .where(ENROLLMENT.MEMBER_ID.eq(memberId))
        .execute();
  }

  /** The members whose home channel this is. */
  public List<Long> membersOf(long channelId) {
    return dsl.select(ENROLLMENT.MEMBER_ID)
        .from(ENROLLMENT)
        .where(ENROLLMENT.CHANNEL_ID.eq(channelId))
        .fetch(ENROLLMENT.MEMBER_ID);
  }

  /** A journey from a row that holds the enrollment's and the journey's fields. */
  public static Enrollment enrollment(Record r) {
    return new Enrollment(
        r.get(ENROLLMENT.MEMBER_ID),
        r.get(ENROLLMENT.CHANNEL_ID),
        r.get(JOURNEY.ROADMAP_ID),
        r.get(JOURNEY.STAGE),
        Optional.ofNullable(Times.instant(r.get(JOURNEY.GRADUATED_AT))),
        r.get(JOURNEY.POINTS),
        new StreakState(
            r.get(ENROLLMENT.STREAK_DAYS),
            Optional.ofNullable(r.get(ENROLLMENT.STREAK_LAST_DATE)),
            Optional.ofNullable(r.get(ENROLLMENT.FREEZE_WEEK))),
        Times.instant(r.get(ENROLLMENT.LAST_ACTIVITY_AT)),
        Optional.ofNullable(r.get(ENROLLMENT.LAST_ACTIVE_DATE)),
        Times.instant(r.get(ENROLLMENT.ENROLLED_AT)));
  }
}
