package io.roadmapcoach.core.leaderboard;

import io.roadmapcoach.core.privacy.PrivacyService;

/**
 * Not used: a class of {@code leaderboard} that reaches sideways into {@code privacy}, for the
 * ArchitectureTest to show that the layered rule reports it. It lives with the tests only.
 */
public final class SidewaysProbe {
  private SidewaysProbe() {}

  static Class<?> reachesIntoPrivacy() {
    return PrivacyService.class;
  }
}
