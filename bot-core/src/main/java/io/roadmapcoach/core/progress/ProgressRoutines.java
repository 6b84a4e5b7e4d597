package io.roadmapcoach.core.progress;

import io.roadmapcoach.core.schedule.Routine;
import io.roadmapcoach.core.tx.Transactions;
import java.util.List;
import org.jooq.DSLContext;

/** What progress runs on its own: the nudge sweep, every minute. */
public final class ProgressRoutines {
  private final NudgeSweep sweep;

  public ProgressRoutines(DSLContext dsl, Transactions transactions) {
    this.sweep = new NudgeSweep(dsl, transactions);
  }

  public List<Routine> routines() {
    return List.of(sweep.routine());
  }
}
