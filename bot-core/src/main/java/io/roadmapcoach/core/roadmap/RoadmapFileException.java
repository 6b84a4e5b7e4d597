package io.roadmapcoach.core.roadmap;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A roadmap or quiz bank file that cannot be used. The message names the file, the line, the field
 * and the problem, one line per problem, so whoever edits the file can fix it without reading code.
 */
public final class RoadmapFileException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<Problem> problems;

  /** The problems found in {@code source}'s files; {@code more} when some were not kept. */
  public RoadmapFileException(RoadmapSource source, List<Problem> problems, boolean more) {
    super(message(source, problems, more));
    this.problems = List.copyOf(problems);
  }

  /** Each problem, its file named as the roadmap names it. */
  public List<Problem> problems() {
    return problems;
  }

  private static String message(RoadmapSource source, List<Problem> problems, boolean more) {
    String lines =
        problems.stream()
            .map(p -> p.in(source.describe(p.file())))
            .collect(Collectors.joining("\n"));
    return more ? lines + "\n" + Problems.MORE : lines;
  }
}
