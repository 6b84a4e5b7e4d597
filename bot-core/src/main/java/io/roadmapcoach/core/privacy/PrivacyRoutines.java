package io.roadmapcoach.core.privacy;

import io.roadmapcoach.core.schedule.Routine;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What privacy runs on its own, hourly: the erasure of workspaces removed longer than the retention
 * period ago, and of spent OAuth states.
 */
public final class PrivacyRoutines {
  private final WorkspaceRetention retention;

  public PrivacyRoutines(WorkspaceRetention retention) {
    this.retention = retention;
  }

  public List<Routine> routines() {
    return List.of(new Routine("retention", Duration.ofHours(1), (from, to) -> eraseExpired(to)));
  }

  /** Erasing enqueues nothing. */
  private int eraseExpired(Instant now) {
    retention.eraseDue(now);
    return 0;
  }
}
