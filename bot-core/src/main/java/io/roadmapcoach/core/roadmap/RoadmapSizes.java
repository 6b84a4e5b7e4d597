package io.roadmapcoach.core.roadmap;

/**
 * How large a roadmap is where commands name its parts by number: its stages, and the objectives of
 * its largest stage. Discord registers {@code stage} and {@code objective} options within these.
 */
public record RoadmapSizes(int stages, int objectives) {
  /** The largest any roadmap may be: what the loader accepts at most. */
  public static final RoadmapSizes LARGEST_ACCEPTED =
      new RoadmapSizes(RoadmapLoader.MAX_STAGES, RoadmapLoader.MAX_OBJECTIVES);

  public RoadmapSizes {
    if (stages < 1 || objectives < 1) {
      throw new IllegalArgumentException("a roadmap has a stage and an objective at least");
    }
  }

  public static RoadmapSizes of(Roadmap roadmap) {
    return new RoadmapSizes(roadmap.stageCount(), Math.max(1, roadmap.mostObjectives()));
  }

  /** Large enough for both. */
  public RoadmapSizes max(RoadmapSizes other) {
    return new RoadmapSizes(Math.max(stages, other.stages), Math.max(objectives, other.objectives));
  }
}
