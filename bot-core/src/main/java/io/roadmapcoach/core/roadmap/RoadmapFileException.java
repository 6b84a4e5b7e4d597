package io.roadmapcoach.core.roadmap;

/**
 * A roadmap or quiz bank file that cannot be used. The message names the file, the place in it and
 * the problem, so whoever edits the file can fix it without reading code.
 */
public final class RoadmapFileException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public RoadmapFileException(String file, String place, String problem) {
    super(file + (place.isEmpty() ? "" : ", " + place) + ": " + problem);
  }

  public RoadmapFileException(String file, String place, String problem, Throwable cause) {
    super(file + (place.isEmpty() ? "" : ", " + place) + ": " + problem, cause);
  }
}
