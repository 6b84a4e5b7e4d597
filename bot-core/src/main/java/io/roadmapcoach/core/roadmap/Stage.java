package io.roadmapcoach.core.roadmap;

import java.util.List;
import java.util.Optional;

/**
 * One stage of a roadmap.
 *
 * @param number 1-based position in the roadmap
 * @param id stable id, unique in the roadmap (see {@link Ids})
 * @param title what the stage is called
 * @param summary one line on what it is about
 * @param objectives what a member does in it, numbered from 1 in this order
 */
public record Stage(
    int number, String id, String title, String summary, List<Objective> objectives) {

  public Stage {
    objectives = List.copyOf(objectives);
  }

  public int objectiveCount() {
    return objectives.size();
  }

  /** The text of objective {@code n} (1-based). */
  public String objective(int n) {
    return objectiveAt(n).text();
  }

  /** Objective {@code n} (1-based) with its resources. */
  public Objective objectiveAt(int n) {
    return objectives.get(n - 1);
  }

  /** The objective whose id is {@code id}, when this stage has it. */
  public Optional<Objective> objectiveById(String id) {
    return objectives.stream().filter(o -> o.id().equals(id)).findFirst();
  }

  /** Where to learn objective {@code n} (1-based), best first; may be empty. */
  public List<Resource> resources(int n) {
    return objectiveAt(n).resources();
  }

  public boolean hasObjective(int n) {
    return n >= 1 && n <= objectives.size();
  }
}
