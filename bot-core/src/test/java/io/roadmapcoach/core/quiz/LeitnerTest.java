package io.roadmapcoach.core.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LeitnerTest {

  private static Question question(String id) {
    return new Question(id, 1, id + "?", List.of("a", "b", "c", "d"), 0, "because");
  }

  private static List<Question> questions(String... ids) {
    return Arrays.stream(ids).map(LeitnerTest::question).toList();
  }

  private static List<String> ids(List<Question> drawn) {
    return drawn.stream().map(Question::id).toList();
  }

  @Test
  void aFirstAnswerLandsInBoxTwoWhenRightAndBoxOneWhenWrong() {
    assertThat(Leitner.next(OptionalInt.empty(), true)).isEqualTo(2);
    assertThat(Leitner.next(OptionalInt.empty(), false)).isEqualTo(1);
  }

  @Test
  void aRightAnswerPromotesOneBoxUpToTheLast() {
    assertThat(Leitner.next(OptionalInt.of(1), true)).isEqualTo(2);
    assertThat(Leitner.next(OptionalInt.of(4), true)).isEqualTo(5);
    assertThat(Leitner.next(OptionalInt.of(5), true)).isEqualTo(Leitner.LAST_BOX);
  }

  @Test
  void aWrongAnswerDemotesToTheFirstBoxFromAnywhere() {
    for (int box = 1; box <= 5; box++) {
      assertThat(Leitner.next(OptionalInt.of(box), false)).isEqualTo(Leitner.FIRST_BOX);
    }
  }

  @Test
  void drawingTakesMissedQuestionsFirstThenNeverSeenThenTheRestFromTheLowestBox() {
    List<Question> bank =
        questions("seen-5", "seen-2", "new-1", "missed-1", "new-2", "seen-3", "missed-2");
    Map<String, Integer> boxes =
        Map.of("seen-5", 5, "seen-2", 2, "missed-1", 1, "seen-3", 3, "missed-2", 1);

    for (long seed = 0; seed < 20; seed++) {
      List<String> drawn = ids(Leitner.draw(bank, boxes, 6, new Random(seed)));
      assertThat(drawn.subList(0, 2)).containsExactlyInAnyOrder("missed-1", "missed-2");
      assertThat(drawn.subList(2, 4)).containsExactlyInAnyOrder("new-1", "new-2");
      assertThat(drawn.subList(4, 6)).containsExactly("seen-2", "seen-3");
    }
  }

  @Test
  void moreMissedQuestionsThanAQuizHoldsFillItWithMissedOnesOnly() {
    List<Question> bank = IntStream.rangeClosed(1, 12).mapToObj(i -> question("q" + i)).toList();
    Map<String, Integer> boxes = new HashMap<>();
    for (int i = 1; i <= 7; i++) {
      boxes.put("q" + i, 1);
    }

    List<String> drawn = ids(Leitner.draw(bank, boxes, 5, new Random(3)));

    assertThat(drawn).hasSize(5).allMatch(id -> boxes.get(id) == 1);
  }

  @Test
  void drawingTakesAtMostTheAskedNumberAndNoQuestionTwice() {
    List<Question> bank = IntStream.rangeClosed(1, 12).mapToObj(i -> question("q" + i)).toList();

    List<String> drawn = ids(Leitner.draw(bank, Map.of(), 5, new Random(7)));

    assertThat(drawn).hasSize(5).doesNotHaveDuplicates();
    assertThat(ids(Leitner.draw(bank.subList(0, 3), Map.of(), 5, new Random(7)))).hasSize(3);
  }

  @Test
  void questionsInOneBoxComeInRandomOrder() {
    List<Question> bank = IntStream.rangeClosed(1, 12).mapToObj(i -> question("q" + i)).toList();
    Map<List<String>, Integer> seen = new HashMap<>();
    for (long seed = 0; seed < 10; seed++) {
      seen.merge(ids(Leitner.draw(bank, Map.of(), 5, new Random(seed))), 1, Integer::sum);
    }
    assertThat(seen).hasSizeGreaterThan(1);
  }

  @Test
  void shuffledOptionsAreAPermutationOfTheOptions() {
    Question q = question("q");
    for (long seed = 0; seed < 10; seed++) {
      assertThat(Leitner.shuffledOptions(q, new Random(seed)))
          .containsExactlyInAnyOrder(0, 1, 2, 3);
    }
  }
}
