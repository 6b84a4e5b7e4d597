package io.roadmapcoach.core.curriculum;

import io.roadmapcoach.core.feature.Command;

/** What the {@code roadmap} commands say. */
public sealed interface CurriculumCommand extends Command {
  /** {@code roadmap}: the channel's roadmap and the workspace's. */
  record Show() implements CurriculumCommand {}

  /** {@code roadmap use <id>}: asks to put the channel on another roadmap. */
  record Use(String id) implements CurriculumCommand {}

  /** {@code roadmap upload}, with a file: checks it and previews it. */
  record Upload() implements CurriculumCommand {}

  /** {@code roadmap download}: the channel's roadmap as a file. */
  record Download() implements CurriculumCommand {}
}
