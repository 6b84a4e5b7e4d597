package io.roadmapcoach.core.delivery;

import io.roadmapcoach.core.schedule.Routine;
import java.util.List;
import org.jooq.DSLContext;

/** What delivery runs on its own: the hourly housekeeping of finished rows and spent claims. */
public final class DeliveryRoutines {
  private final Housekeeping housekeeping;

  public DeliveryRoutines(DSLContext dsl) {
    this.housekeeping = new Housekeeping(dsl);
  }

  public List<Routine> routines() {
    return List.of(housekeeping.routine());
  }
}
