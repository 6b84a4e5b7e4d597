package io.roadmapcoach.app;

import io.roadmapcoach.core.Core;
import io.roadmapcoach.core.quiz.QuizBank;
import io.roadmapcoach.core.roadmap.Roadmap;
import io.roadmapcoach.core.roadmap.RoadmapSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.jooq.DSLContext;

/**
 * The roadmap this deployment runs (built-in, or ROADMAP_FILE's) with its questions and its file's
 * text: the core stores the text so that {@code roadmap download} hands it out and a changed file
 * counts as a new version.
 */
record DeploymentRoadmap(Roadmap roadmap, QuizBank bank, String fileName, String text) {

  /** Reads the roadmap file's text once more, after it loaded. */
  static DeploymentRoadmap of(RoadmapSource source, Roadmap roadmap, QuizBank bank)
      throws IOException {
    try (InputStream in = source.open(source.roadmapName())) {
      return new DeploymentRoadmap(
          roadmap,
          bank,
          source.roadmapName(),
          new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  /** A core built on this roadmap. */
  Core.Builder coreBuilder(DSLContext dsl) {
    return Core.builder(dsl, roadmap, bank).roadmapFile(fileName, text);
  }
}
