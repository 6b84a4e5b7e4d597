package io.roadmapcoach.core.caller;

import java.util.Objects;

/**
 * Where a command was said: in a channel of the workspace, or in the member's direct conversation
 * with the bot. The core maps a direct message to the member's home channel inside the command's
 * own transaction, so adapters never look home channels up themselves.
 */
public sealed interface Origin {

  /** A channel of the workspace, as the platform names it. */
  record InChannel(String id, String name) implements Origin {
    public InChannel {
      if (id == null || id.isBlank()) {
        throw new IllegalArgumentException("a channel id is required");
      }
      name = name == null || name.isBlank() ? id : name;
    }
  }

  /** The member's direct conversation with the bot. */
  record DirectMessage() implements Origin {}

  static Origin channel(String id, String name) {
    return new InChannel(Objects.requireNonNull(id), name);
  }

  static Origin directMessage() {
    return new DirectMessage();
  }
}
