package io.roadmapcoach.core.feature;

import java.util.List;

/**
 * A feature's contribution to the coach: the commands it declares and the buttons it answers. The
 * features are listed once, where the core is assembled; the coach, its help and parser, and the
 * platforms' command surfaces are derived from what they contribute.
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
}
