package io.roadmapcoach.core.roadmap;

import io.roadmapcoach.core.caller.Platform;

/**
 * The roadmaps a workspace has, as a platform needs to know them outside of commands: how large the
 * largest are (Discord registers its number options within that), and word when a roadmap is
 * applied there, so that the registration follows.
 */
public interface WorkspaceRoadmaps {
  /**
   * The largest stage count and objectives per stage over the roadmaps the workspace can put on a
   * channel (the deployment's and its own); the deployment's for a workspace the coach has not met.
   */
  RoadmapSizes largest(Platform platform, String workspaceExternalId);

  /**
   * Told, after the change committed, whenever a roadmap was added to or changed in a workspace.
   */
  void whenChanged(Listener listener);

  @FunctionalInterface
  interface Listener {
    void changed(Platform platform, String workspaceExternalId, RoadmapSizes largest);
  }
}
