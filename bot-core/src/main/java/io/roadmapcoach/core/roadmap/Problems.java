package io.roadmapcoach.core.roadmap;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The problems found in a roadmap's files, at most {@link #LIMIT}: enough to fix a file in one go,
 * few enough to read in a chat reply. Once full, readers stop looking (see {@link #full()}).
 */
public final class Problems {
  public static final int LIMIT = 20;

  /** Said after the problems when more were found than {@link #LIMIT}. */
  public static final String MORE =
      "(the listing stops at " + LIMIT + " problems: fix these and check again)";

  private final List<Problem> found = new ArrayList<>();
  private final List<String> files = new ArrayList<>();
  private boolean more;

  /** Notes a problem; beyond {@link #LIMIT} it is only counted as "more". */
  public void add(Problem problem) {
    if (found.size() >= LIMIT) {
      more = true;
      return;
    }
    if (!files.contains(problem.file())) {
      files.add(problem.file());
    }
    found.add(problem);
  }

  public void add(String file, int line, String field, String message) {
    add(new Problem(file, line, field, message));
  }

  /**
   * Adds a problem unless {@code ok}; returns {@code ok}, so that a check can guard what follows.
   */
  public boolean require(boolean ok, String file, int line, String field, String message) {
    if (!ok) {
      add(file, line, field, message);
    }
    return ok;
  }

  public boolean isEmpty() {
    return found.isEmpty();
  }

  /** Whether {@link #LIMIT} problems are in: reading on would only find what nobody is shown. */
  public boolean full() {
    return found.size() >= LIMIT;
  }

  /**
   * Whether the listing stopped at {@link #LIMIT}: more problems were found than kept, or reading
   * stopped looking once it had enough.
   */
  public boolean more() {
    return more || full();
  }

  public int size() {
    return found.size();
  }

  /** The problems, file by file in the order the files were first named, each file by line. */
  public List<Problem> list() {
    return found.stream()
        .sorted(
            Comparator.comparingInt((Problem p) -> files.indexOf(p.file()))
                .thenComparingInt(Problem::line))
        .toList();
  }
}
