package io.roadmapcoach.core.roadmap;

/**
 * One thing wrong with a roadmap file, said so that whoever edits the file finds it without reading
 * code: the file, the line, the field (as a path such as {@code stages[3]
 * ("EDA").objectives[2].id}) and what is wrong.
 *
 * @param file the file as the roadmap names it ({@code roadmap.yaml}, {@code quiz-bank.yaml})
 * @param line 1-based line in that file; 0 when the problem belongs to no line (an empty file)
 * @param field where in the file's structure; empty when the problem is the whole file's
 * @param message what is wrong, and where it helps, the right form
 */
public record Problem(String file, int line, String field, String message) {

  /** The place without the file: {@code line 42, stages[3].objectives[2].id}. */
  public String where() {
    String at = line > 0 ? "line " + line : "";
    if (field.isEmpty()) {
      return at;
    }
    return at.isEmpty() ? field : at + ", " + field;
  }

  /** The problem within its file: {@code line 42, stages[3].id: the stage needs an id}. */
  public String withinFile() {
    String where = where();
    return where.isEmpty() ? message : where + ": " + message;
  }

  /**
   * The problem with its file named as {@code fileName} says (a full path, say): {@code
   * /srv/roadmap.yaml, line 42, stages[3].id: the stage needs an id}.
   */
  public String in(String fileName) {
    String where = where();
    return fileName + (where.isEmpty() ? "" : ", " + where) + ": " + message;
  }

  @Override
  public String toString() {
    return in(file);
  }
}
