package io.roadmapcoach.core.journey;

import static org.assertj.core.api.Assertions.assertThat;

import io.roadmapcoach.core.curriculum.TestRoadmaps;
import io.roadmapcoach.core.roadmap.Roadmap;
import io.roadmapcoach.core.roadmap.RoadmapLoader;
import io.roadmapcoach.core.roadmap.RoadmapSource;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where a member goes whose stage a new version removed: the stage now in its place. */
class NearestStageTest {

  private static Roadmap roadmap(String... stages) {
    return new RoadmapLoader()
        .load(
            RoadmapSource.uploaded(
                "r.yaml",
                TestRoadmaps.withStages("r", List.of(stages)).getBytes(StandardCharsets.UTF_8)));
  }

  private static int nearest(Roadmap before, Roadmap after, String gone) {
    return RoadmapLibrary.nearest(before, after, before.stageById(gone).orElseThrow());
  }

  @Test
  void aRemovedStageBetweenTwoThatStayedLeadsToTheOneAfterIt() {
    assertThat(nearest(roadmap("a", "b", "c"), roadmap("a", "c"), "b")).isEqualTo(2);
  }

  @Test
  void stagesRemovedAtTheFrontLeadToTheFirstThatStayed() {
    Roadmap before = roadmap("a", "b", "c", "d");
    Roadmap after = roadmap("c", "d");

    assertThat(nearest(before, after, "a")).isEqualTo(1);
    assertThat(nearest(before, after, "b")).isEqualTo(1); // stage c, not d
  }

  @Test
  void aStageReplacedInPlaceLeadsToItsReplacement() {
    assertThat(nearest(roadmap("a", "b", "c"), roadmap("a", "x", "c"), "b")).isEqualTo(2);
    Roadmap before = roadmap("a", "b", "c", "d", "e");
    Roadmap after = roadmap("a", "x", "y", "z", "e");
    assertThat(nearest(before, after, "b")).isEqualTo(2);
    assertThat(nearest(before, after, "d")).isEqualTo(4);
  }

  @Test
  void stagesRemovedAtTheEndLeadToTheLastThatStayed() {
    assertThat(nearest(roadmap("a", "b", "c"), roadmap("a"), "b")).isEqualTo(1);
    assertThat(nearest(roadmap("a", "b", "c"), roadmap("a", "b"), "c")).isEqualTo(2);
  }
}
