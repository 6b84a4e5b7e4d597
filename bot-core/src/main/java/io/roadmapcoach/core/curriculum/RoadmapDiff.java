package io.roadmapcoach.core.curriculum;

import io.roadmapcoach.core.roadmap.Objective;
import io.roadmapcoach.core.roadmap.Roadmap;
import io.roadmapcoach.core.roadmap.Stage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a new version of a roadmap changes, objectives matched by id: added, removed, and renamed
 * (the same id with other words). Stages are matched by id too.
 */
public record RoadmapDiff(List<Change> changes) {

  public RoadmapDiff {
    changes = List.copyOf(changes);
  }

  /** One change, as a preview lists it. */
  public sealed interface Change {
    String line();
  }

  public record StageAdded(Stage stage) implements Change {
    @Override
    public String line() {
      return "stage added: " + stage.number() + ". " + stage.title();
    }
  }

  public record StageRemoved(Stage stage) implements Change {
    @Override
    public String line() {
      return "stage removed: " + stage.title() + " (was stage " + stage.number() + ")";
    }
  }

  public record Added(Stage stage, Objective objective) implements Change {
    @Override
    public String line() {
      return "added to stage " + stage.number() + ": `" + objective.id() + "` " + objective.text();
    }
  }

  public record Removed(Stage stage, Objective objective) implements Change {
    @Override
    public String line() {
      return "removed from stage "
          + stage.number()
          + ": `"
          + objective.id()
          + "` "
          + objective.text();
    }
  }

  public record Renamed(Stage stage, Objective before, Objective after) implements Change {
    @Override
    public String line() {
      return "renamed in stage "
          + stage.number()
          + ": `"
          + after.id()
          + "` "
          + before.text()
          + " → "
          + after.text();
    }
  }

  public boolean isEmpty() {
    return changes.isEmpty();
  }

  public static RoadmapDiff between(Roadmap before, Roadmap after) {
    List<Change> changes = new ArrayList<>();
    for (Stage stage : after.stages()) {
      if (before.stageById(stage.id()).isEmpty()) {
        changes.add(new StageAdded(stage));
      }
    }
    for (Stage stage : before.stages()) {
      if (after.stageById(stage.id()).isEmpty()) {
        changes.add(new StageRemoved(stage));
      }
    }
    Map<String, Located> was = objectives(before);
    Map<String, Located> now = objectives(after);
    now.forEach(
        (id, at) -> {
          Located old = was.get(id);
          if (old == null) {
            changes.add(new Added(at.stage(), at.objective()));
          } else if (!old.objective().text().equals(at.objective().text())) {
            changes.add(new Renamed(at.stage(), old.objective(), at.objective()));
          }
        });
    was.forEach(
        (id, at) -> {
          if (!now.containsKey(id)) {
            changes.add(new Removed(at.stage(), at.objective()));
          }
        });
    return new RoadmapDiff(changes);
  }

  private record Located(Stage stage, Objective objective) {}

  private static Map<String, Located> objectives(Roadmap roadmap) {
    Map<String, Located> all = new LinkedHashMap<>();
    for (Stage stage : roadmap.stages()) {
      for (Objective objective : stage.objectives()) {
        all.put(objective.id(), new Located(stage, objective));
      }
    }
    return all;
  }
}
