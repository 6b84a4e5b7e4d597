package io.roadmapcoach.discord;

import static io.roadmapcoach.discord.CommandSurface.REMIND;
import static io.roadmapcoach.discord.CommandSurface.SNOOZE;
import static io.roadmapcoach.discord.CommandSurface.TEAM;
import static io.roadmapcoach.discord.CommandSurface.arg;
import static io.roadmapcoach.discord.CommandSurface.choice;
import static io.roadmapcoach.discord.CommandSurface.member;
import static io.roadmapcoach.discord.CommandSurface.sub;
import static io.roadmapcoach.discord.CommandSurface.time;
import static io.roadmapcoach.discord.CommandSurface.whichDays;
import static io.roadmapcoach.discord.CommandSurfaceTest.option;
import static io.roadmapcoach.discord.CommandSurfaceTest.string;
import static io.roadmapcoach.discord.CommandSurfaceTest.user;

import io.roadmapcoach.discord.CommandSurface.Arg;
import io.roadmapcoach.discord.CommandSurface.Entry;
import io.roadmapcoach.discord.CommandSurface.Group;
import java.util.List;
import net.dv8tion.jda.api.entities.channel.ChannelType;
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

  static final Group POST =
      new Group("post", "Lead: this channel's daily post: when, which days, or none");
  static final Group HOLIDAY =
      new Group("holiday", "Lead: this channel's days off: no nudges, no daily post");

  static List<Planned> all() {
    return List.of(
        planned(sub("leave", "Leave the roadmap in this channel"), "leave"),
        planned(
            sub(
                "home",
                "Choose the channel your direct messages and their buttons act in",
                arg(
                    new OptionData(OptionType.CHANNEL, "channel", "Your home channel", true)
                        .setChannelTypes(ChannelType.TEXT))),
            "home <#300000000000000003>",
            option("channel", 7, "300000000000000003")),
        planned(sub("settings", "Your settings, all in one place"), "settings"),
        planned(
            sub(
                POST,
                "at",
                "Lead: when the daily post goes out",
                time("24-hour clock, the channel's time zone, e.g. 09:00")),
            "post at 09:00",
            string("time", "09:00")),
        planned(
            sub(POST, "days", "Lead: which days it goes out", whichDays("Weekdays or every day")),
            "post days weekdays",
            string("which", "weekdays")),
        planned(sub(POST, "off", "Lead: no daily post in this channel"), "post off"),
        planned(
            sub(TEAM, "nudge", "Lead: nudge a member now", member("Who to nudge")).saying("nudge"),
            "nudge <@42>",
            user("member", "42")),
        planned(
            sub(TEAM, "digest", "Lead: your weekly digest of the team", onOff(true))
                .saying("digest"),
            "digest off",
            string("switch", "off")),
        planned(
            sub(TEAM, "dashboard", "Lead: the channel at a glance").saying("dashboard"),
            "dashboard"),
        planned(sub(TEAM, "chart", "Lead: everyone's progress as a chart"), "team chart"),
        planned(sub("export", "Everything the bot keeps about you, as a file"), "export"),
        planned(sub("forget-me", "Delete everything the bot keeps about you"), "forget-me"),
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
    return choice("switch", "On or off", required, "On", "on", "Off", "off");
  }

  private static Arg date(String name, String description, boolean required) {
    return arg(
        new OptionData(OptionType.STRING, name, description + " (YYYY-MM-DD)", required)
            .setMaxLength(32));
  }
}
