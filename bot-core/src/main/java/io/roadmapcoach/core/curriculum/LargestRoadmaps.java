package io.roadmapcoach.core.curriculum;

import io.roadmapcoach.core.caller.Platform;
import io.roadmapcoach.core.journey.RoadmapLibrary;
import io.roadmapcoach.core.member.Scope;
import io.roadmapcoach.core.roadmap.RoadmapSizes;
import io.roadmapcoach.core.roadmap.WorkspaceRoadmaps;
import io.roadmapcoach.core.tx.Transactions;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link WorkspaceRoadmaps} over the library: the sizes are read in a transaction of their own, and
 * the listeners hear of an applied roadmap once its command committed (never of one rolled back).
 */
public final class LargestRoadmaps implements WorkspaceRoadmaps {
  private static final Logger log = LoggerFactory.getLogger(LargestRoadmaps.class);

  private final RoadmapLibrary library;
  private final Transactions transactions;
  private final List<Listener> listeners = new CopyOnWriteArrayList<>();

  public LargestRoadmaps(RoadmapLibrary library, Transactions transactions) {
    this.library = library;
    this.transactions = transactions;
  }

  @Override
  public RoadmapSizes largest(Platform platform, String workspaceExternalId) {
    return transactions.inTransaction(() -> library.largest(platform, workspaceExternalId));
  }

  @Override
  public void whenChanged(Listener listener) {
    listeners.add(listener);
  }

  /** The command in {@code scope} adds or changes a roadmap of its workspace. */
  void changedBy(Scope scope) {
    Platform platform = scope.caller().platform();
    String workspace = scope.caller().workspaceId();
    scope.afterCommit().add(() -> tell(platform, workspace));
  }

  private void tell(Platform platform, String workspace) {
    if (listeners.isEmpty()) {
      return;
    }
    try {
      RoadmapSizes largest = largest(platform, workspace);
      listeners.forEach(listener -> listener.changed(platform, workspace, largest));
    } catch (RuntimeException e) {
      // the roadmap is applied either way; the platform keeps its earlier ranges until next start
      log.warn("Could not tell the platform of workspace {}'s new roadmap sizes", workspace, e);
    }
  }
}
