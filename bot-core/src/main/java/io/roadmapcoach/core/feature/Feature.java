package io.roadmapcoach.core.feature;

import io.roadmapcoach.core.delivery.Composer;
import io.roadmapcoach.core.delivery.DeliveryKind;
import io.roadmapcoach.core.schedule.Routine;
import java.util.List;
import java.util.Map;

/**
 * A feature's contribution to the coach: the commands it declares, the buttons it answers, the
 * scheduled routines it runs and the deliveries it words. The features are listed once, where the
 * core is assembled; the coach, its help and parser, the platforms' command surfaces, the list of
 * routines Quartz and the console's clock run, and the delivery worker's routing are derived from
 * what they contribute.
 */
public interface Feature {

  /** The feature's commands, in the order help and the platforms list them. */
  default List<CommandDeclaration<?>> commands() {
    return List.of();
  }

  /** The buttons the feature's replies carry, and what pressing them does. */
  default List<ButtonDeclaration<?>> buttons() {
    return List.of();
  }

  /** The feature's scheduled work, each a named routine with its cadence. */
  default List<Routine> routines() {
    return List.of();
  }

  /** Who words each kind of delivery the feature enqueues, when it is sent. */
  default Map<DeliveryKind, Composer> composers() {
    return Map.of();
  }
}
