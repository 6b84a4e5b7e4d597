package io.roadmapcoach.core.command;

import java.util.List;
import java.util.Optional;

/**
 * The command surface in one table: each subcommand's form and what it does. Help lists it, the
 * parser suggests from it and names the right form from it when arguments are wrong.
 */
public final class Usage {

  /**
   * @param name the subcommand word
   * @param form how it is typed after {@code /roadmap}
   * @param does one line on what it does
   * @param leadOnly whether only a channel's leads may run it
   */
  public record Entry(String name, String form, String does, boolean leadOnly) {}

  public static final List<Entry> ENTRIES =
      List.of(
          member("help", "help", "this list"),
          member("start", "start", "join the roadmap in this channel"),
          member("status", "status [@member]", "your stage, objectives, points and streak"),
          member("stages", "stages", "every stage, and where you are"),
          member("stage", "stage [n]", "one stage's objectives (yours when no number)"),
          member("done", "done <n>", "check objective n of your stage off"),
          member("undo", "undo <n>", "take objective n back"),
          member("quiz", "quiz", "take (or resume) the quiz on your stage"),
          member("next", "next", "move on once every objective is done and the quiz passed"),
          member("leaderboard", "leaderboard [week|all]", "the channel's top members"),
          member("leaderboard", "leaderboard hide|show", "leave or rejoin the leaderboards"),
          member("remind", "remind at HH:MM", "when your daily nudge comes (your local time)"),
          member("remind", "remind on|off", "turn your daily nudge on or off"),
          member("remind", "remind days weekdays|daily", "which days you are nudged"),
          member("remind", "remind dm|channel", "nudges by direct message or in the channel post"),
          member(
              "remind",
              "remind evening on|off|at HH:MM",
              "a warning at 19:00 when your streak would break tonight"),
          member("tz", "tz <Area/City>", "set your time zone, e.g. Europe/Berlin"),
          member("snooze", "snooze <n>d", "pause nudges for n days (1 to 30)"),
          member("snooze", "snooze off", "end a snooze: nudges come again"),
          member("leave", "leave", "leave this channel's group (your progress is kept)"),
          member("home", "home [#channel]", "the channel your direct messages with me act in"),
          member("settings", "settings", "this channel's time zone, quiz, daily post and leads"),
          member("buddy", "buddy [on|off]", "your study buddy; on pairs you up every Monday"),
          member("export", "export", "everything I keep about you, as a JSON file"),
          member("forget-me", "forget-me", "erase everything I keep about you (asks first)"),
          lead("team", "team [csv]", "everyone's progress, stuck members first"),
          lead("team", "team chart", "the stage funnel and the last 12 weeks, as a picture"),
          lead("dashboard", "dashboard", "a link to the leads' dashboard (works once, 15 min)"),
          lead("quiz-day", "quiz-day <mon..sun> HH:MM", "when the weekly quiz goes out"),
          lead("channel-tz", "channel-tz <Area/City>", "the channel's time zone"),
          lead("reminders", "reminders dm|channel", "the channel's default for nudges"),
          lead("lead", "lead @member", "make a member a lead of this channel"),
          lead("unlead", "unlead @member", "take a member's lead role away"),
          lead("set-stage", "set-stage @member <n>", "put a member on stage n (they are told)"),
          lead("post", "post at HH:MM", "when the channel's daily post goes out"),
          lead("post", "post days weekdays|daily", "which days the daily post goes out"),
          lead("post", "post off|on", "stop or restart the channel's daily post"),
          lead("nudge", "nudge @member", "a friendly nudge to a member, now (once a day)"),
          lead("digest", "digest on|off", "your weekly digest of this channel, by DM"),
          lead(
              "holiday",
              "holiday <date> [<date>]",
              "days off (YYYY-MM-DD, up to 31): no nudges, no post, streaks kept"),
          lead("holidays", "holidays", "this channel's days off"),
          lead("holiday", "holiday clear <date>", "take a day off back"));

  private Usage() {}

  private static Entry member(String name, String form, String does) {
    return new Entry(name, form, does, false);
  }

  private static Entry lead(String name, String form, String does) {
    return new Entry(name, form, does, true);
  }

  /** The typed form of a subcommand: {@code /roadmap done <n>}. */
  public static String form(String name) {
    return "/roadmap "
        + ENTRIES.stream()
            .filter(e -> e.name().equals(name))
            .map(Entry::form)
            .findFirst()
            .orElse(name);
  }

  public static Optional<Entry> entry(String name) {
    return ENTRIES.stream().filter(e -> e.name().equals(name)).findFirst();
  }

  public static List<String> names() {
    return ENTRIES.stream().map(Entry::name).distinct().toList();
  }
}
