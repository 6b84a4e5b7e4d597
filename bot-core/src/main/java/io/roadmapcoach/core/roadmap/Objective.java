package io.roadmapcoach.core.roadmap;

import java.util.List;

/**
 * One objective of a stage.
 *
 * @param number 1-based position in its stage
 * @param id stable id, unique in the roadmap (see {@link Ids}); what a new version of the roadmap
 *     matches it by
 * @param text what a member does
 * @param resources where to learn it, best first; empty when the roadmap file names none
 */
public record Objective(int number, String id, String text, List<Resource> resources) {

  public Objective {
    resources = List.copyOf(resources);
  }
}
