package io.roadmapcoach.core.curriculum;

import static org.assertj.core.api.Assertions.assertThat;

import io.roadmapcoach.core.quiz.RoadmapCheck;
import io.roadmapcoach.core.roadmap.Roadmap;
import io.roadmapcoach.core.roadmap.RoadmapSource;
import io.roadmapcoach.core.roadmap.Strictness;
import io.roadmapcoach.core.testing.ExtremeReplies;
import io.roadmapcoach.db.testing.PostgresExtension;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The largest roadmap the loader accepts, as the platforms' contract tests render it: it is at
 * every limit at once, passes the strict check, and goes through upload, Apply and a new version.
 */
@ExtendWith(PostgresExtension.class)
class LargestRoadmapTest {

  @Test
  void theLargestRoadmapIsAtEveryLimitAndPassesTheStrictCheck() {
    for (int version : List.of(1, 2)) {
      byte[] file = TestRoadmaps.largest(version).getBytes(StandardCharsets.UTF_8);
      assertThat(file.length)
          .isLessThan(TestRoadmaps.MOST_BYTES)
          .isGreaterThan(TestRoadmaps.MOST_BYTES - 4 * 1024);
      RoadmapCheck.Result result =
          new RoadmapCheck(Strictness.STRICT).check(RoadmapSource.uploaded("largest.yaml", file));
      assertThat(result).isInstanceOf(RoadmapCheck.Valid.class);
      RoadmapCheck.Valid valid = (RoadmapCheck.Valid) result;
      Roadmap roadmap = valid.roadmap();
      assertThat(roadmap.stageCount()).isEqualTo(TestRoadmaps.MOST_STAGES);
      assertThat(roadmap.mostObjectives()).isEqualTo(TestRoadmaps.MOST_OBJECTIVES);
      assertThat(roadmap.stages().stream().mapToInt(s -> valid.bank().stage(s.number()).size()))
          .containsOnly(TestRoadmaps.MOST_QUESTIONS / TestRoadmaps.MOST_STAGES);
    }
  }

  @Test
  void theLargestRoadmapGoesThroughUploadApplyAndANewVersion() {
    List<ExtremeReplies.Named> replies = ExtremeReplies.largestRoadmap();

    assertThat(replies)
        .filteredOn(n -> n.what().equals("largest: applied"))
        .singleElement()
        .satisfies(n -> assertThat(n.reply().plainText()).contains("now follows it"));
    assertThat(replies)
        .filteredOn(n -> n.what().equals("largest: new version's preview"))
        .singleElement()
        .satisfies(
            n -> assertThat(n.reply().plainText()).contains("version 2 of largest", "Changes:"));
    assertThat(replies)
        .filteredOn(n -> n.what().equals("largest: new version applied"))
        .singleElement()
        .satisfies(n -> assertThat(n.reply().plainText()).contains("is now version 2"));
    assertThat(replies.stream().filter(n -> n.what().startsWith("largest: delivery"))).hasSize(2);
    assertThat(replies)
        .filteredOn(n -> n.what().equals("largest: stages"))
        .singleElement()
        .satisfies(n -> assertThat(n.reply().plainText()).contains("Stage 50 🧠"));
    assertThat(replies)
        .filteredOn(n -> n.what().equals("largest: roadmap download"))
        .singleElement()
        .satisfies(n -> assertThat(n.reply().attachment()).isPresent());
  }
}
