package io.roadmapcoach.core.journey;

import static io.roadmapcoach.db.schema.Tables.ENROLLMENT;
import static io.roadmapcoach.db.schema.Tables.OBJECTIVE_DONE;
import static io.roadmapcoach.db.schema.Tables.PROGRESS_EVENT;
import static io.roadmapcoach.db.schema.Tables.QUIZ_ATTEMPT;

import io.roadmapcoach.core.time.Times;
import io.roadmapcoach.db.schema.tables.records.EnrollmentRecord;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;

/** Enrollments and the objectives checked off in them. */
public final class EnrollmentRepository {
  private static final Field<Integer[]> STATUS_IN_STAGE;
  private static final Field<Integer> STATUS_BEFORE;
  private static final Field<Boolean> STATUS_QUIZ_PASSED;

  // what a status reads beside the enrollment row, as correlated sub-queries on it
  static {
    var done = OBJECTIVE_DONE;
    Field<Integer[]> inStage =
        DSL.field(
            DSL.select(DSL.arrayAgg(done.OBJECTIVE))
                .from(done)
                .where(done.MEMBER_ID.eq(ENROLLMENT.MEMBER_ID), done.STAGE.eq(ENROLLMENT.STAGE)));
    Field<Integer> before =
        DSL.field(
            DSL.selectCount()
                .from(done)
                .where(done.MEMBER_ID.eq(ENROLLMENT.MEMBER_ID), done.STAGE.lt(ENROLLMENT.STAGE)));
    Field<Boolean> quizPassed =
        DSL.field(
            DSL.exists(
                DSL.selectOne()
                    .from(QUIZ_ATTEMPT)
                    .where(
                        QUIZ_ATTEMPT.MEMBER_ID.eq(ENROLLMENT.MEMBER_ID),
                        QUIZ_ATTEMPT.STAGE.eq(ENROLLMENT.STAGE),
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

  public Optional<Enrollment> find(long memberId) {
    return dsl.selectFrom(ENROLLMENT)
        .where(ENROLLMENT.MEMBER_ID.eq(memberId))
        .fetchOptional(EnrollmentRepository::enrollment);
  }

  /** The members' enrollments, for composing a batch of deliveries; the unenrolled left out. */
  public Map<Long, Enrollment> findAll(Collection<Long> memberIds) {
    Map<Long, Enrollment> found = new HashMap<>();
    dsl.selectFrom(ENROLLMENT)
        .where(ENROLLMENT.MEMBER_ID.in(memberIds))
        .forEach(r -> found.put(r.getMemberId(), enrollment(r)));
    return found;
  }

  /** What each member checked off in the stage given for them. */
  public Map<Long, Set<Integer>> objectivesDone(Map<Long, Integer> stageOfMember) {
    Map<Long, Set<Integer>> done = new HashMap<>();
    stageOfMember.keySet().forEach(id -> done.put(id, new TreeSet<>()));
    dsl.select(OBJECTIVE_DONE.MEMBER_ID, OBJECTIVE_DONE.STAGE, OBJECTIVE_DONE.OBJECTIVE)
        .from(OBJECTIVE_DONE)
        .where(OBJECTIVE_DONE.MEMBER_ID.in(stageOfMember.keySet()))
        .forEach(
            r -> {
              if (r.value2().equals(stageOfMember.get(r.value1()))) {
                done.get(r.value1()).add(r.value3());
              }
            });
    return done;
  }

  /** The enrollment, locked until the transaction ends: changes to one member run one at a time. */
  public Optional<Enrollment> lock(long memberId) {
    return dsl.selectFrom(ENROLLMENT)
        .where(ENROLLMENT.MEMBER_ID.eq(memberId))
        .forUpdate()
        .fetchOptional(EnrollmentRepository::enrollment);
  }

  /**
   * Enrolls the member; false when they already were (a double click, a second instance). Their
   * last activity is left unset: enrolling starts the clock for "stuck", but is no progress.
   */
  public boolean insert(long memberId, long channelId, Instant now) {
    return dsl.insertInto(ENROLLMENT)
            .set(ENROLLMENT.MEMBER_ID, memberId)
            .set(ENROLLMENT.CHANNEL_ID, channelId)
            .set(ENROLLMENT.STAGE, 1)
            .set(ENROLLMENT.POINTS, 0)
            .set(ENROLLMENT.POINTS_REACHED_AT, Times.utc(now))
            .set(ENROLLMENT.STREAK_DAYS, 0)
            .set(ENROLLMENT.LAST_ACTIVITY_AT, Times.utc(now))
            .set(ENROLLMENT.ENROLLED_AT, Times.utc(now))
            .onConflictDoNothing()
            .execute()
        == 1;
  }

  public Set<Integer> objectivesDone(long memberId, int stage) {
    return new TreeSet<>(
        dsl.select(OBJECTIVE_DONE.OBJECTIVE)
            .from(OBJECTIVE_DONE)
            .where(OBJECTIVE_DONE.MEMBER_ID.eq(memberId).and(OBJECTIVE_DONE.STAGE.eq(stage)))
            .fetch(OBJECTIVE_DONE.OBJECTIVE));
  }

  /**
   * What the member has checked off up to {@code stage}: that stage's objectives, and how many in
   * the stages before it. One query for what a status shows.
   */
  public Checked checked(long memberId, int stage) {
    Set<Integer> inStage = new TreeSet<>();
    int before = 0;
    for (var row :
        dsl.select(OBJECTIVE_DONE.STAGE, OBJECTIVE_DONE.OBJECTIVE)
            .from(OBJECTIVE_DONE)
            .where(OBJECTIVE_DONE.MEMBER_ID.eq(memberId), OBJECTIVE_DONE.STAGE.le(stage))
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
   * What a status shows, in one query instead of three: the enrollment, what the member has checked
   * off in its stage and before it ({@link #checked}), and whether they have passed that stage's
   * quiz ({@code QuizRepository.hasPassed}).
   */
  public Optional<StatusFacts> statusFacts(long memberId) {
    return statusFacts(memberId, List.of());
  }

  /**
   * {@link #statusFacts(long)} with {@code more} read in the same statement beside them: fields
   * correlated to the enrollment row (what the coaching policy needs for its promises), found in
   * {@link StatusFacts#more}.
   */
  public Optional<StatusFacts> statusFacts(long memberId, List<? extends Field<?>> more) {
    return dsl.select(ENROLLMENT.fields())
        .select(STATUS_IN_STAGE, STATUS_BEFORE, STATUS_QUIZ_PASSED)
        .select(more)
        .from(ENROLLMENT)
        .where(ENROLLMENT.MEMBER_ID.eq(memberId))
        .fetchOptional()
        .map(
            r -> {
              Integer[] objectives = r.get(STATUS_IN_STAGE);
              Set<Integer> checked =
                  objectives == null ? new TreeSet<>() : new TreeSet<>(Arrays.asList(objectives));
              return new StatusFacts(
                  enrollment(r.into(ENROLLMENT)),
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

  /** How many objectives the member has checked off in stages before {@code stage}. */
  public int objectivesDoneBefore(long memberId, int stage) {
    return dsl.fetchCount(
        OBJECTIVE_DONE, OBJECTIVE_DONE.MEMBER_ID.eq(memberId).and(OBJECTIVE_DONE.STAGE.lt(stage)));
  }

  /** Checks an objective off; false when it already was. */
  public boolean markDone(long memberId, int stage, int objective, Instant now) {
    return dsl.insertInto(OBJECTIVE_DONE)
            .set(OBJECTIVE_DONE.MEMBER_ID, memberId)
            .set(OBJECTIVE_DONE.STAGE, stage)
            .set(OBJECTIVE_DONE.OBJECTIVE, objective)
            .set(OBJECTIVE_DONE.DONE_AT, Times.utc(now))
            .onConflictDoNothing()
            .execute()
        == 1;
  }

  /** Takes an objective back; false when it was not checked off. */
  public boolean unmark(long memberId, int stage, int objective) {
    return dsl.deleteFrom(OBJECTIVE_DONE)
            .where(
                OBJECTIVE_DONE.MEMBER_ID.eq(memberId),
                OBJECTIVE_DONE.STAGE.eq(stage),
                OBJECTIVE_DONE.OBJECTIVE.eq(objective))
            .execute()
        == 1;
  }

  public void setStage(long memberId, int stage, Optional<Instant> graduatedAt) {
    dsl.update(ENROLLMENT)
        .set(ENROLLMENT.STAGE, stage)
        .set(ENROLLMENT.GRADUATED_AT, graduatedAt.map(Times::utc).orElse(null))
        .where(ENROLLMENT.MEMBER_ID.eq(memberId))
        .execute();
  }

  /**
   * Whether the member has been paid for finishing {@code stage} before (a lead may set them back).
   */
  public boolean finishedBefore(long memberId, int stage) {
    return dsl.fetchExists(
        PROGRESS_EVENT,
        PROGRESS_EVENT.MEMBER_ID.eq(memberId),
        PROGRESS_EVENT.KIND.eq(EventKind.STAGE_FINISHED.key()),
        PROGRESS_EVENT.STAGE.eq(stage));
  }

  /**
   * After the roadmap file changed to one with fewer stages: members past its end have finished it.
   * Returns how many were moved.
   */
  public int graduatePast(int stageCount, Instant now) {
    return dsl.update(ENROLLMENT)
        .set(ENROLLMENT.STAGE, stageCount)
        .set(
            ENROLLMENT.GRADUATED_AT, DSL.coalesce(ENROLLMENT.GRADUATED_AT, DSL.val(Times.utc(now))))
        .where(ENROLLMENT.STAGE.gt(stageCount))
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

  public static Enrollment enrollment(EnrollmentRecord r) {
    return new Enrollment(
        r.getMemberId(),
        r.getChannelId(),
        r.getStage(),
        Optional.ofNullable(Times.instant(r.getGraduatedAt())),
        r.getPoints(),
        new StreakState(
            r.getStreakDays(),
            Optional.ofNullable(r.getStreakLastDate()),
            Optional.ofNullable(r.getFreezeWeek())),
        Times.instant(r.getLastActivityAt()),
        Optional.ofNullable(r.getLastActiveDate()),
        Times.instant(r.getEnrolledAt()));
  }
}
