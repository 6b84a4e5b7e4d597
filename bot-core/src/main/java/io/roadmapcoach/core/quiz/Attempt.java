package io.roadmapcoach.core.quiz;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A quiz attempt with its drawn questions.
 *
 * @param key the random key its buttons carry (see {@code Action.Answer})
 * @param review a graduate's review of missed questions: no pass, no points
 * @param questions the drawn questions, in order
 */
public record Attempt(
    long id,
    UUID key,
    long memberId,
    long roadmapId,
    int stage,
    boolean review,
    Status status,
    Instant startedAt,
    Instant expiresAt,
    List<Drawn> questions) {

  public enum Status {
    OPEN,
    FINISHED,
    EXPIRED
  }

  /**
   * One drawn question.
   *
   * @param optionOrder bank option indexes in the order shown
   * @param chosen the bank option index chosen, once answered
   */
  public record Drawn(
      int position,
      String questionId,
      List<Integer> optionOrder,
      Optional<Integer> chosen,
      Optional<Boolean> correct) {

    public boolean answered() {
      return chosen.isPresent();
    }
  }

  public Optional<Drawn> firstUnanswered() {
    return questions.stream().filter(q -> !q.answered()).findFirst();
  }

  public int score() {
    return (int) questions.stream().filter(q -> q.correct().orElse(false)).count();
  }

  public boolean expiredAt(Instant now) {
    return !now.isBefore(expiresAt);
  }
}
