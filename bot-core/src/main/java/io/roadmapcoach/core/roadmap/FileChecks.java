package io.roadmapcoach.core.roadmap;

/** Checks over a data file that stop at the first problem, naming the file and the place. */
public record FileChecks(String file) {

  public void require(boolean ok, String place, String problem) {
    if (!ok) {
      throw new RoadmapFileException(file, place, problem);
    }
  }
}
