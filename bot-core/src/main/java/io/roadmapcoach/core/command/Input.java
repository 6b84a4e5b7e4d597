package io.roadmapcoach.core.command;

import io.roadmapcoach.core.action.Action;
import io.roadmapcoach.core.feature.Command;
import io.roadmapcoach.core.reply.Text;
import java.util.Optional;

/**
 * What comes to the coach that no feature declares: text that names no command, a misspelt {@code
 * /roadmap}, arguments not of their command's form, and a pressed button (which its feature
 * declares by the {@link Action} it carries).
 */
public sealed interface Input extends Command {

  /** A button pressed: the action its id carried. */
  record Pressed(Action action) implements Input {}

  /** Text that names no command; answered with the closest command, when close, and help's name. */
  record Unknown(String input, Optional<String> suggestion) implements Input {}

  /**
   * A first word that starts with a slash but is not {@code /roadmap} ({@code /roadmapstatus},
   * {@code /roadmp status}); {@code meant} is the whole command it most likely means, when one is
   * close.
   */
  record Misspelt(String typed, Optional<String> meant) implements Input {}

  /** A known command with arguments that are not of its form; the message says the right form. */
  record Invalid(Text message) implements Input {}
}
