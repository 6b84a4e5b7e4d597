package io.roadmapcoach.core.progress;

import io.roadmapcoach.core.reply.Text;
import io.roadmapcoach.core.roadmap.Objective;
import io.roadmapcoach.core.roadmap.Resource;
import io.roadmapcoach.core.roadmap.Stage;
import java.util.List;
import java.util.Set;

/**
 * How an objective's resources read: each title as a link, who publishes it, and whether it is
 * free. A roadmap file may name none, and then nothing is shown.
 */
final class ResourceLines {
  private ResourceLines() {}

  /** A stage's objectives, each followed by its resources: what {@code stage [n]} shows. */
  static Text objectivesWithResources(Stage stage, Set<Integer> done) {
    Text text = Text.empty();
    for (Objective objective : stage.objectives()) {
      int n = objective.number();
      text =
          text.plain(n == 1 ? "" : "\n")
              .plain(
                  (done.contains(n) ? StatusReplies.DONE_MARK : StatusReplies.OPEN_MARK)
                      + " "
                      + n
                      + ". "
                      + objective.text());
      for (Resource resource : objective.resources()) {
        text = text.plain("\n      📖 ").append(resource(resource));
      }
    }
    return text;
  }

  /** "Start with <title> (publisher, free).", for objective {@code n}; empty when it has none. */
  static Text startWith(Stage stage, int n) {
    List<Resource> resources = stage.resources(n);
    if (resources.isEmpty()) {
      return Text.empty();
    }
    Resource first = resources.getFirst();
    return Text.of("📖 Start with ")
        .link(first.title(), first.url().toString())
        .plain(" (" + first.publisher() + ", " + cost(first) + ").");
  }

  /** "<title> · publisher · free". */
  private static Text resource(Resource resource) {
    return Text.empty()
        .link(resource.title(), resource.url().toString())
        .plain(" · " + resource.publisher() + " · " + cost(resource));
  }

  private static String cost(Resource resource) {
    return resource.free() ? "free" : "paid";
  }
}
