package io.roadmapcoach.discord;

import io.roadmapcoach.discord.CommandSurface.Entry;
import java.util.List;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;

/**
 * The commands the design plans (DESIGN.md, "Command surface") that the core does not parse yet, as
 * they will sit on Discord. Only a test registers them, with today's, against Discord's limits.
 * Once the core parses one, move its entry (and any helper it uses) into {@link CommandSurface}'s
 * table; {@code CommandSurfaceTest} says when.
 */
final class PlannedCommands {
  private PlannedCommands() {}

  /**
   * A planned subcommand, filled in as a member would, and the core's text it must become.
   *
   * @param says the text after {@code /roadmap}, as Slack and the console take it
   */
  record Planned(Entry entry, List<OptionMapping> filledIn, String says) {}

  static List<Planned> all() {
    // every planned command is parsed by the core now
    return List.of();
  }

  private static Planned planned(Entry entry, String says, OptionMapping... filledIn) {
    return new Planned(entry, List.of(filledIn), says);
  }
}
