package io.roadmapcoach.core.quiz;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;

/**
 * Leitner boxes: a right answer moves a question up a box, a wrong one back to the first. So box 1
 * holds exactly the questions a member got wrong the last time they met them (a right answer never
 * leaves a question there). Drawing takes those missed questions first, then questions never seen,
 * then the rest from the lowest box up, at random within each group: a member who failed a quiz
 * meets what they missed in the very next one, and new material before what they already know.
 */
public final class Leitner {
  public static final int FIRST_BOX = 1;
  public static final int LAST_BOX = 5;

  private Leitner() {}

  /** The box after an answer; a first answer lands in box 2 when right, box 1 when wrong. */
  public static int next(OptionalInt box, boolean correct) {
    if (!correct) {
      return FIRST_BOX;
    }
    return Math.min(LAST_BOX, box.orElse(FIRST_BOX) + 1);
  }

  /**
   * Draws up to {@code count} of {@code candidates}: missed ones (box 1) first, then never-seen
   * ones, then boxes 2 to 5 in order, shuffled within each group.
   *
   * @param boxes the member's box for each candidate they have answered; absent means never seen
   */
  public static List<Question> draw(
      List<Question> candidates, Map<String, Integer> boxes, int count, RandomGenerator random) {
    List<Keyed> keyed =
        candidates.stream()
            .map(q -> new Keyed(q, drawGroup(boxes.get(q.id())), random.nextDouble()))
            .toList();
    return keyed.stream()
        .sorted(Comparator.comparingInt(Keyed::group).thenComparingDouble(Keyed::tieBreak))
        .limit(count)
        .map(Keyed::question)
        .toList();
  }

  /** Which group a question is drawn in, lowest first: 0 missed, 1 never seen, then its box. */
  private static int drawGroup(Integer box) {
    if (box == null) {
      return 1;
    }
    return box == FIRST_BOX ? 0 : box;
  }

  /** A random order of a question's options. */
  public static List<Integer> shuffledOptions(Question question, RandomGenerator random) {
    int[] order = IntStream.range(0, question.options().size()).toArray();
    for (int i = order.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
    return IntStream.of(order).boxed().toList();
  }

  private record Keyed(Question question, int group, double tieBreak) {}
}
