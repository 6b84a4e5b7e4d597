package io.roadmapcoach.core.coaching;

import static org.assertj.core.api.Assertions.assertThat;

import io.roadmapcoach.core.coaching.Pairing.Candidate;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The pairing rules on their own: predictable for a week and a set of members. */
class PairingTest {
  private static final LocalDate WEEK = LocalDate.parse("2026-03-09");

  private static Candidate at(long id, int stage) {
    return new Candidate(id, stage, 9 * 60, Set.of());
  }

  @Test
  void theSameWeekAndMembersPairTheSameWayWhateverTheOrderTheyCameIn() {
    List<Candidate> members = new ArrayList<>();
    for (long id = 1; id <= 9; id++) {
      members.add(at(id, 1));
    }
    List<List<Long>> first = Pairing.pair(members, WEEK);
    Collections.reverse(members);

    assertThat(Pairing.pair(members, WEEK)).isEqualTo(first);
    assertThat(first).hasSize(4);
    assertThat(first.stream().mapToInt(List::size).sorted().toArray()).containsExactly(2, 2, 2, 3);
  }

  @Test
  void leftoversOfOddStagesPairWithTheNearestStage() {
    List<List<Long>> groups =
        Pairing.pair(List.of(at(1, 1), at(2, 1), at(3, 1), at(4, 2), at(5, 9), at(6, 9)), WEEK);

    assertThat(groups).hasSize(3);
    assertThat(groups).anyMatch(g -> g.size() == 2 && g.containsAll(List.of(5L, 6L)));
    assertThat(groups.stream().filter(g -> g.contains(4L)).findFirst().orElseThrow())
        .hasSize(2)
        .containsAnyOf(1L, 2L, 3L);
  }

  @Test
  void oneMemberAloneHasNoBuddy() {
    assertThat(Pairing.pair(List.of(at(1, 1)), WEEK)).isEmpty();
    assertThat(Pairing.pair(List.of(), WEEK)).isEmpty();
  }

  @Test
  void remindersAcrossMidnightUtcAreCloseTogether() {
    Candidate lateNight = new Candidate(1, 1, 23 * 60 + 30, Set.of());
    Candidate afterMidnight = new Candidate(2, 1, 30, Set.of());

    assertThat(Pairing.minutesApart(lateNight, afterMidnight)).isEqualTo(60);
  }
}
