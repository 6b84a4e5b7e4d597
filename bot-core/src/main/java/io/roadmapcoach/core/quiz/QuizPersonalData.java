package io.roadmapcoach.core.quiz;

import static io.roadmapcoach.db.schema.Tables.QUESTION_BOX;
import static io.roadmapcoach.db.schema.Tables.QUIZ_ATTEMPT;
import static io.roadmapcoach.db.schema.Tables.QUIZ_QUESTION;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.roadmapcoach.core.member.ExportRows;
import io.roadmapcoach.core.member.PersonalData;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * The member's quiz attempts, each question with the words they saw (the question, the options in
 * their order, their answer and the right one), so the file reads without the bank; and their
 * Leitner boxes. All of it goes with the member's row (foreign keys).
 */
public final class QuizPersonalData implements PersonalData {
  private final DSLContext dsl;
  private final QuizBank bank;

  public QuizPersonalData(DSLContext dsl, QuizBank bank) {
    this.dsl = dsl;
    this.bank = bank;
  }

  @Override
  public Map<String, String> sectionsByTable() {
    return Map.of(
        "quiz_attempt", "quiz_attempts",
        "quiz_question", "quiz_attempts",
        "question_box", "question_boxes");
  }

  @Override
  public void export(Subject who, ObjectNode file) {
    long id = who.memberId();
    file.set("quiz_attempts", attempts(quizAttempts(id), quizQuestions(id)));
    file.set("question_boxes", ExportRows.rows(questionBoxes(id)));
  }

  @Override
  public Map<Counted, Integer> counts(Subject who) {
    return Map.of(
        Counted.QUIZ_ANSWERS,
        dsl.fetchCount(
            QUIZ_QUESTION.join(QUIZ_ATTEMPT).on(QUIZ_ATTEMPT.ID.eq(QUIZ_QUESTION.ATTEMPT_ID)),
            QUIZ_ATTEMPT.MEMBER_ID.eq(who.memberId()).and(QUIZ_QUESTION.ANSWERED_AT.isNotNull())));
  }

  private ArrayNode attempts(List<Record> attempts, List<Record> questions) {
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    for (Record attempt : attempts) {
      Long id = attempt.get("id", Long.class);
      ObjectNode a = ExportRows.row(attempt);
      a.remove("id");
      ArrayNode asked = a.putArray("questions");
      questions.stream()
          .filter(q -> id.equals(q.get("attempt_id", Long.class)))
          .forEach(q -> asked.add(question(q)));
      out.add(a);
    }
    return out;
  }

  /** A drawn question with the words the member saw: the question, the options, their answer. */
  private ObjectNode question(Record q) {
    ObjectNode out = ExportRows.row(q);
    out.remove("attempt_id");
    out.remove("option_order");
    Optional<Question> known = bank.question(q.get("question_id", String.class));
    Integer[] order = q.get("option_order", Integer[].class);
    Integer chosen = q.get("chosen", Integer.class);
    known.ifPresent(
        question -> {
          out.put("question", question.text());
          ArrayNode options = out.putArray("options");
          if (order != null) {
            for (Integer o : order) {
              if (o != null && o >= 0 && o < question.options().size()) {
                options.add(question.options().get(o));
              }
            }
          }
          if (chosen != null && chosen >= 0 && chosen < question.options().size()) {
            out.put("your_answer", question.options().get(chosen));
          }
          out.put("right_answer", question.correctText());
        });
    out.remove("chosen");
    return out;
  }

  private List<Record> quizAttempts(long memberId) {
    return dsl.select(
            QUIZ_ATTEMPT.ID,
            QUIZ_ATTEMPT.STAGE,
            QUIZ_ATTEMPT.REVIEW,
            QUIZ_ATTEMPT.STATUS,
            QUIZ_ATTEMPT.STARTED_AT,
            QUIZ_ATTEMPT.EXPIRES_AT,
            QUIZ_ATTEMPT.FINISHED_AT,
            QUIZ_ATTEMPT.QUESTION_COUNT,
            QUIZ_ATTEMPT.SCORE,
            QUIZ_ATTEMPT.PASSED)
        .from(QUIZ_ATTEMPT)
        .where(QUIZ_ATTEMPT.MEMBER_ID.eq(memberId))
        .orderBy(QUIZ_ATTEMPT.STARTED_AT, QUIZ_ATTEMPT.ID)
        .fetch()
        .map(r -> (Record) r);
  }

  private List<Record> quizQuestions(long memberId) {
    return dsl.select(
            QUIZ_QUESTION.ATTEMPT_ID,
            QUIZ_QUESTION.POSITION,
            QUIZ_QUESTION.QUESTION_ID,
            QUIZ_QUESTION.OPTION_ORDER,
            QUIZ_QUESTION.CHOSEN,
            QUIZ_QUESTION.CORRECT,
            QUIZ_QUESTION.ANSWERED_AT)
        .from(QUIZ_QUESTION)
        .join(QUIZ_ATTEMPT)
        .on(QUIZ_ATTEMPT.ID.eq(QUIZ_QUESTION.ATTEMPT_ID))
        .where(QUIZ_ATTEMPT.MEMBER_ID.eq(memberId))
        .orderBy(QUIZ_QUESTION.ATTEMPT_ID, QUIZ_QUESTION.POSITION)
        .fetch()
        .map(r -> (Record) r);
  }

  private List<Record> questionBoxes(long memberId) {
    return dsl.select(
            QUESTION_BOX.QUESTION_ID,
            QUESTION_BOX.BOX,
            QUESTION_BOX.TIMES_ANSWERED,
            QUESTION_BOX.TIMES_WRONG,
            QUESTION_BOX.LAST_ANSWERED_AT)
        .from(QUESTION_BOX)
        .where(QUESTION_BOX.MEMBER_ID.eq(memberId))
        .orderBy(QUESTION_BOX.QUESTION_ID)
        .fetch()
        .map(r -> (Record) r);
  }
}
