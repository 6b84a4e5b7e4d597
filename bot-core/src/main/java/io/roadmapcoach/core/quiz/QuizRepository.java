package io.roadmapcoach.core.quiz;

import static io.roadmapcoach.db.schema.Tables.QUESTION_BOX;
import static io.roadmapcoach.db.schema.Tables.QUIZ_ATTEMPT;
import static io.roadmapcoach.db.schema.Tables.QUIZ_QUESTION;

import io.roadmapcoach.core.journey.Enrollment;
import io.roadmapcoach.core.time.Times;
import io.roadmapcoach.db.schema.tables.records.QuizAttemptRecord;
import io.roadmapcoach.db.schema.tables.records.QuizQuestionRecord;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jooq.DSLContext;

/** Quiz attempts, their drawn questions and answers, and members' Leitner boxes. */
public final class QuizRepository {
  private final DSLContext dsl;

  public QuizRepository(DSLContext dsl) {
    this.dsl = dsl;
  }

  /** The member's open attempt on the roadmap, locked until the transaction ends. */
  public Optional<Attempt> lockOpen(long memberId, long roadmapId) {
    return dsl.selectFrom(QUIZ_ATTEMPT)
        .where(
            QUIZ_ATTEMPT.MEMBER_ID.eq(memberId),
            QUIZ_ATTEMPT.ROADMAP_ID.eq(roadmapId),
            QUIZ_ATTEMPT.STATUS.eq("open"))
        .forUpdate()
        .fetchOptional()
        .map(this::attempt);
  }

  /**
   * The attempt a pressed button names, locked until the transaction ends: only when it is the
   * presser's own. Another member's attempt, in this workspace or any other, is not found, exactly
   * like a key that never existed, so a press learns nothing about either.
   */
  public Optional<Attempt> lockOwn(UUID key, long memberId) {
    return dsl.selectFrom(QUIZ_ATTEMPT)
        .where(QUIZ_ATTEMPT.ACTION_KEY.eq(key), QUIZ_ATTEMPT.MEMBER_ID.eq(memberId))
        .forUpdate()
        .fetchOptional()
        .map(this::attempt);
  }

  /** An attempt by id, locked until the transaction ends. */
  public Optional<Attempt> lock(long attemptId) {
    return dsl.selectFrom(QUIZ_ATTEMPT)
        .where(QUIZ_ATTEMPT.ID.eq(attemptId))
        .forUpdate()
        .fetchOptional()
        .map(this::attempt);
  }

  /** A new attempt with its questions drawn; options in the order given. */
  public Attempt create(
      Enrollment journey,
      int stage,
      boolean review,
      Instant now,
      Instant expires,
      List<Drawing> drawn) {
    long id =
        dsl.insertInto(QUIZ_ATTEMPT)
            .set(QUIZ_ATTEMPT.MEMBER_ID, journey.memberId())
            .set(QUIZ_ATTEMPT.ROADMAP_ID, journey.roadmapId())
            .set(QUIZ_ATTEMPT.STAGE, stage)
            .set(QUIZ_ATTEMPT.REVIEW, review)
            .set(QUIZ_ATTEMPT.STARTED_AT, Times.utc(now))
            .set(QUIZ_ATTEMPT.EXPIRES_AT, Times.utc(expires))
            .set(QUIZ_ATTEMPT.QUESTION_COUNT, drawn.size())
            .returning(QUIZ_ATTEMPT.ID)
            .fetchSingle()
            .getId();
    var insert =
        dsl.insertInto(
            QUIZ_QUESTION,
            QUIZ_QUESTION.ATTEMPT_ID,
            QUIZ_QUESTION.POSITION,
            QUIZ_QUESTION.QUESTION_ID,
            QUIZ_QUESTION.OPTION_ORDER);
    for (int i = 0; i < drawn.size(); i++) {
      insert =
          insert.values(
              id,
              i + 1,
              drawn.get(i).questionId(),
              drawn.get(i).optionOrder().toArray(Integer[]::new));
    }
    insert.execute();
    return lock(id).orElseThrow();
  }

  /** A question drawn for a new attempt, with its options in the order to show them. */
  public record Drawing(String questionId, List<Integer> optionOrder) {}

  /** Records an answer; false when the question was already answered. */
  public boolean answer(long attemptId, int position, int option, boolean correct, Instant now) {
    return dsl.update(QUIZ_QUESTION)
            .set(QUIZ_QUESTION.CHOSEN, option)
            .set(QUIZ_QUESTION.CORRECT, correct)
            .set(QUIZ_QUESTION.ANSWERED_AT, Times.utc(now))
            .where(
                QUIZ_QUESTION.ATTEMPT_ID.eq(attemptId),
                QUIZ_QUESTION.POSITION.eq(position),
                QUIZ_QUESTION.CHOSEN.isNull())
            .execute()
        == 1;
  }

  public void finish(long attemptId, int score, boolean passed, Instant now) {
    dsl.update(QUIZ_ATTEMPT)
        .set(QUIZ_ATTEMPT.STATUS, "finished")
        .set(QUIZ_ATTEMPT.SCORE, score)
        .set(QUIZ_ATTEMPT.PASSED, passed)
        .set(QUIZ_ATTEMPT.FINISHED_AT, Times.utc(now))
        .where(QUIZ_ATTEMPT.ID.eq(attemptId))
        .execute();
  }

  public void expire(long attemptId) {
    dsl.update(QUIZ_ATTEMPT)
        .set(QUIZ_ATTEMPT.STATUS, "expired")
        .where(QUIZ_ATTEMPT.ID.eq(attemptId), QUIZ_ATTEMPT.STATUS.eq("open"))
        .execute();
  }

  /** Whether the member passed the stage's quiz on the journey. */
  public boolean hasPassed(Enrollment journey, int stage) {
    return hasPassed(journey.memberId(), journey.roadmapId(), stage);
  }

  public boolean hasPassed(long memberId, long roadmapId, int stage) {
    return dsl.fetchExists(
        QUIZ_ATTEMPT,
        QUIZ_ATTEMPT.MEMBER_ID.eq(memberId),
        QUIZ_ATTEMPT.ROADMAP_ID.eq(roadmapId),
        QUIZ_ATTEMPT.STAGE.eq(stage),
        QUIZ_ATTEMPT.REVIEW.isFalse(),
        QUIZ_ATTEMPT.PASSED.isTrue());
  }

  /** The score of the member's last finished quiz, as "4/5". */
  public Optional<String> lastScore(long memberId) {
    return dsl.select(QUIZ_ATTEMPT.SCORE, QUIZ_ATTEMPT.QUESTION_COUNT)
        .from(QUIZ_ATTEMPT)
        .where(QUIZ_ATTEMPT.MEMBER_ID.eq(memberId), QUIZ_ATTEMPT.STATUS.eq("finished"))
        .orderBy(QUIZ_ATTEMPT.FINISHED_AT.desc())
        .limit(1)
        .fetchOptional(r -> r.value1() + "/" + r.value2());
  }

  /** The member's Leitner box for each of the questions that have one. */
  public Map<String, Integer> boxes(Enrollment journey, Collection<String> questionIds) {
    return dsl.select(QUESTION_BOX.QUESTION_ID, QUESTION_BOX.BOX)
        .from(QUESTION_BOX)
        .where(
            QUESTION_BOX.MEMBER_ID.eq(journey.memberId()),
            QUESTION_BOX.ROADMAP_ID.eq(journey.roadmapId()),
            QUESTION_BOX.QUESTION_ID.in(questionIds))
        .fetchMap(QUESTION_BOX.QUESTION_ID, QUESTION_BOX.BOX);
  }

  /** Questions the member got wrong last time they met them (box 1 after a miss). */
  public List<String> missed(Enrollment journey) {
    return dsl.select(QUESTION_BOX.QUESTION_ID)
        .from(QUESTION_BOX)
        .where(
            QUESTION_BOX.MEMBER_ID.eq(journey.memberId()),
            QUESTION_BOX.ROADMAP_ID.eq(journey.roadmapId()),
            QUESTION_BOX.BOX.eq(Leitner.FIRST_BOX),
            QUESTION_BOX.TIMES_WRONG.gt(0))
        .orderBy(QUESTION_BOX.LAST_ANSWERED_AT)
        .fetch(QUESTION_BOX.QUESTION_ID);
  }

  /**
   * Moves the question to its next box after an answer.
   *
   * @return the box it was in before, empty when this was its first answer
   */
  public OptionalInt moveBox(
      long memberId, long roadmapId, String questionId, boolean correct, Instant now) {
    Integer before =
        dsl.select(QUESTION_BOX.BOX)
            .from(QUESTION_BOX)
            .where(
                QUESTION_BOX.MEMBER_ID.eq(memberId),
                QUESTION_BOX.ROADMAP_ID.eq(roadmapId),
                QUESTION_BOX.QUESTION_ID.eq(questionId))
            .forUpdate()
            .fetchOne(QUESTION_BOX.BOX);
    int after =
        Leitner.next(before == null ? OptionalInt.empty() : OptionalInt.of(before), correct);
    dsl.insertInto(QUESTION_BOX)
        .set(QUESTION_BOX.MEMBER_ID, memberId)
        .set(QUESTION_BOX.ROADMAP_ID, roadmapId)
        .set(QUESTION_BOX.QUESTION_ID, questionId)
        .set(QUESTION_BOX.BOX, after)
        .set(QUESTION_BOX.TIMES_ANSWERED, 1)
        .set(QUESTION_BOX.TIMES_WRONG, correct ? 0 : 1)
        .set(QUESTION_BOX.LAST_ANSWERED_AT, Times.utc(now))
        .onConflict(QUESTION_BOX.MEMBER_ID, QUESTION_BOX.ROADMAP_ID, QUESTION_BOX.QUESTION_ID)
        .doUpdate()
        .set(QUESTION_BOX.BOX, after)
        .set(QUESTION_BOX.TIMES_ANSWERED, QUESTION_BOX.TIMES_ANSWERED.plus(1))
        .set(QUESTION_BOX.TIMES_WRONG, QUESTION_BOX.TIMES_WRONG.plus(correct ? 0 : 1))
        .set(QUESTION_BOX.LAST_ANSWERED_AT, Times.utc(now))
        .execute();
    return before == null ? OptionalInt.empty() : OptionalInt.of(before);
  }

  private Attempt attempt(QuizAttemptRecord r) {
    List<Attempt.Drawn> questions =
        dsl.selectFrom(QUIZ_QUESTION)
            .where(QUIZ_QUESTION.ATTEMPT_ID.eq(r.getId()))
            .orderBy(QUIZ_QUESTION.POSITION)
            .fetch(QuizRepository::drawn);
    return new Attempt(
        r.getId(),
        r.getActionKey(),
        r.getMemberId(),
        r.getRoadmapId(),
        r.getStage(),
        r.getReview(),
        Attempt.Status.valueOf(r.getStatus().toUpperCase(Locale.ROOT)),
        Times.instant(r.getStartedAt()),
        Times.instant(r.getExpiresAt()),
        questions);
  }

  private static Attempt.Drawn drawn(QuizQuestionRecord q) {
    return new Attempt.Drawn(
        q.getPosition(),
        q.getQuestionId(),
        Arrays.asList(q.getOptionOrder()),
        Optional.ofNullable(q.getChosen()),
        Optional.ofNullable(q.getCorrect()));
  }

  static Map<String, Integer> index(List<String> ids) {
    return ids.stream().collect(Collectors.toMap(id -> id, ids::indexOf));
  }
}
