package io.roadmapcoach.discord;

import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Buttons in direct messages carry the guild they belong to. A press in a DM comes without a guild,
 * yet the member's progress lives in one (a member can follow the roadmap in several servers), so a
 * button sent by DM has its id prefixed with the guild id: {@code g123456789012345678|rc:d:3:2}.
 * The core's own id follows untouched and is handed back verbatim; the prefix is the adapter's
 * routing, bound to the message itself, so it survives restarts and works on any instance whichever
 * shard holds the guild.
 */
final class DmButtons {
  private static final Pattern ROUTED = Pattern.compile("g([0-9]{1,20})\\|(.+)", Pattern.DOTALL);

  /** A pressed DM button: the guild it was sent for and the core's action id. */
  record Routed(String guildId, String actionId) {}

  private DmButtons() {}

  static String wrap(String guildId, String actionId) {
    return "g" + guildId + "|" + actionId;
  }

  /** Wraps every button id of a message for the guild {@code guildId}. */
  static UnaryOperator<String> forGuild(String guildId) {
    return id -> wrap(guildId, id);
  }

  static Optional<Routed> unwrap(String componentId) {
    if (componentId == null) {
      return Optional.empty();
    }
    Matcher m = ROUTED.matcher(componentId);
    return m.matches() ? Optional.of(new Routed(m.group(1), m.group(2))) : Optional.empty();
  }

  /** The core's id of a component id, with any DM routing removed. */
  static String actionId(String componentId) {
    return unwrap(componentId).map(Routed::actionId).orElse(componentId);
  }
}
