package io.roadmapcoach.core.quiz;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;

/**
 * Leitner boxes: a right answer moves a question up a box, a wrong one back to the first. Drawing
 * prefers questions never seen, then the lowest boxes (those missed before), at random within a
 * box, so members meet new material and revisit what they got wrong.
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
   * Draws up to {@code count} of {@code candidates}: never-seen first, then by box, shuffled within
   * each.
   */
  public static List<Question> draw(
      List<Question> candidates, Map<String, Integer> boxes, int count, RandomGenerator random) {
    List<Keyed> keyed =
        candidates.stream()
            .map(q -> new Keyed(q, boxes.getOrDefault(q.id(), 0), random.nextDouble()))
            .toList();
    return keyed.stream()
        .sorted(Comparator.comparingInt(Keyed::box).thenComparingDouble(Keyed::tieBreak))
        .limit(count)
        .map(Keyed::question)
        .toList();
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

  private record Keyed(Question question, int box, double tieBreak) {}
}
