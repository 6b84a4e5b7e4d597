package io.roadmapcoach.discord;

import static io.roadmapcoach.discord.CommandSurface.REMIND;
import static io.roadmapcoach.discord.CommandSurface.SNOOZE;
import static io.roadmapcoach.discord.CommandSurface.arg;
import static io.roadmapcoach.discord.CommandSurface.sub;
import static io.roadmapcoach.discord.CommandSurfaceTest.string;

import io.roadmapcoach.discord.CommandSurface.Arg;
import io.roadmapcoach.discord.CommandSurface.Entry;
import io.roadmapcoach.discord.CommandSurface.Group;
import java.util.List;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;

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

  static final Group HOLIDAY =
      new Group("holiday", "Lead: this channel's days off: no nudges, no daily post");

  static List<Planned> all() {
    return List.of(
        planned(
            sub("buddy", "Your study buddy; pair up, or stop", onOff(false)),
            "buddy on",
            string("switch", "on")),
        planned(
            sub(
                REMIND,
                "evening",
                "A second nudge in the evening: on, off, or when",
                onOff(false),
                new Arg(
                    new OptionData(OptionType.STRING, "time", "24-hour clock, e.g. 19:30")
                        .setMaxLength(16),
                    "at")),
            "remind evening at 19:30",
            string("time", "19:30")),
        planned(
            sub(
                    HOLIDAY,
                    "add",
                    "Lead: a day off, or the days from one date to another",
                    date("from", "The (first) day off, e.g. 2026-12-24", true),
                    date("to", "The last day off, when more than one", false))
                .saying("holiday"),
            "holiday 2026-12-24 2026-12-26",
            string("to", "2026-12-26"),
            string("from", "2026-12-24")),
        planned(
            sub(HOLIDAY, "clear", "Lead: take a day off back", date("date", "The day", true)),
            "holiday clear 2026-12-24",
            string("date", "2026-12-24")),
        planned(
            sub(HOLIDAY, "list", "Lead: this channel's days off").saying("holidays"), "holidays"),
        planned(sub(SNOOZE, "off", "Nudge me again from today"), "snooze off"));
  }

  private static Planned planned(Entry entry, String says, OptionMapping... filledIn) {
    return new Planned(entry, List.of(filledIn), says);
  }

  private static Arg onOff(boolean required) {
    return CommandSurface.onOff(required);
  }

  private static Arg date(String name, String description, boolean required) {
    return arg(
        new OptionData(OptionType.STRING, name, description + " (YYYY-MM-DD)", required)
            .setMaxLength(32));
  }
}
