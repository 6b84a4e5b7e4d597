package io.roadmapcoach.core.command;

import io.roadmapcoach.core.action.Action;
import io.roadmapcoach.core.caller.MemberRef;
import io.roadmapcoach.core.command.Command.Invalid;
import io.roadmapcoach.core.leaderboard.Period;
import io.roadmapcoach.core.member.ReminderDays;
import io.roadmapcoach.core.member.ReminderMode;
import io.roadmapcoach.core.reply.Echo;
import io.roadmapcoach.core.reply.Text;
import io.roadmapcoach.core.roadmap.Roadmap;
import io.roadmapcoach.core.time.TimeZones;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what follows {@code /roadmap} into a {@link Command}. The one place commands are read from
 * text: adapters pass the text through, and every bad argument becomes an {@link Invalid} whose
 * message names the right form. Nothing here touches stored data.
 */
public final class CommandParser {
  public static final int MAX_SNOOZE_DAYS = Action.MAX_SNOOZE_DAYS;

  private static final Pattern WHITESPACE = Pattern.compile("(?U)\\s+");
  private static final Pattern TIME = Pattern.compile("(\\d{1,2}):(\\d{2})");
  private static final Pattern SNOOZE = Pattern.compile("(\\d{1,4})\\s*(d|day|days)?");
  private static final Map<String, DayOfWeek> DAYS =
      Map.ofEntries(
          Map.entry("mon", DayOfWeek.MONDAY),
          Map.entry("tue", DayOfWeek.TUESDAY),
          Map.entry("wed", DayOfWeek.WEDNESDAY),
          Map.entry("thu", DayOfWeek.THURSDAY),
          Map.entry("fri", DayOfWeek.FRIDAY),
          Map.entry("sat", DayOfWeek.SATURDAY),
          Map.entry("sun", DayOfWeek.SUNDAY));

  private final Roadmap roadmap;

  public CommandParser(Roadmap roadmap) {
    this.roadmap = roadmap;
  }

  public Command parse(String input) {
    List<String> words = words(input == null ? "" : input);
    if (!words.isEmpty() && words.getFirst().startsWith("/")) {
      if (!words.getFirst().equalsIgnoreCase("/roadmap")) {
        return misspelt(words.getFirst(), words.subList(1, words.size()));
      }
      words = words.subList(1, words.size());
    }
    if (words.isEmpty()) {
      return new Command.Help();
    }
    String text = String.join(" ", words);
    String name = words.getFirst().toLowerCase(Locale.ROOT);
    List<String> args = words.subList(1, words.size());
    return switch (name) {
      case "help", "?" -> new Command.Help();
      case "start", "join" -> noArguments(name, args, new Command.Start());
      case "status" -> status(args);
      case "stages" -> noArguments(name, args, new Command.Stages());
      case "stage" -> stage(args);
      case "done" -> objective(name, args);
      case "undo" -> objective(name, args);
      case "quiz" -> noArguments(name, args, new Command.Quiz());
      case "next" -> noArguments(name, args, new Command.Next());
      case "leaderboard", "board" -> leaderboard(args);
      case "remind" -> remind(args);
      case "tz" -> timeZone(name, args, false);
      case "snooze" -> snooze(args);
      case "team" -> team(args);
      case "quiz-day" -> args.isEmpty() ? new Command.Settings() : quizDay(args);
      case "channel-tz" -> args.isEmpty() ? new Command.Settings() : timeZone(name, args, true);
      case "reminders" -> args.isEmpty() ? new Command.Settings() : channelReminders(args);
      case "lead", "unlead" -> leadRole(name, args);
      case "set-stage" -> setStage(args);
      case "leave" -> noArguments(name, args, new Command.Leave());
      case "home" -> home(args);
      case "settings" -> noArguments(name, args, new Command.Settings());
      case "post" -> post(args);
      case "nudge" -> nudge(args);
      case "digest" -> digest(args);
      case "dashboard" -> noArguments(name, args, new Command.Dashboard());
      case "buddy" -> CoachingParser.buddy(args);
      case "holiday" -> CoachingParser.holiday(args);
      case "holidays" -> noArguments(name, args, new Command.Holidays());
      case "export" -> noArguments(name, args, new Command.Export());
      case "forget-me", "forgetme" -> noArguments("forget-me", args, new Command.ForgetMe());
      default -> new Command.Unknown(text, suggest(name));
    };
  }

  /** The words typed: any run of whitespace (spaces, tabs, no-break spaces) separates two. */
  private static List<String> words(String input) {
    return WHITESPACE.splitAsStream(input).filter(word -> !word.isEmpty()).toList();
  }

  /**
   * A first word that starts with a slash but is not {@code /roadmap}: the name glued to its
   * subcommand ({@code /roadmapstatus}), misspelt ({@code /roadmp status}), or left out ({@code
   * /status}). Answered with the command it most likely means, when one is close.
   */
  private static Command misspelt(String first, List<String> rest) {
    String typed = first + (rest.isEmpty() ? "" : " " + String.join(" ", rest));
    String glued = first.substring(1).toLowerCase(Locale.ROOT);
    Optional<List<String>> meant =
        glued.length() > Echo.LIMIT ? Optional.empty() : meantWords(glued, rest);
    return new Command.Misspelt(typed, meant.map(words -> "/roadmap " + String.join(" ", words)));
  }

  /** The words after {@code /roadmap} that a slash word and what follows it most likely mean. */
  private static Optional<List<String>> meantWords(String glued, List<String> rest) {
    if (Usage.names().contains(glued)) {
      return Optional.of(prepend(glued, rest)); // "/status"
    }
    Optional<List<String>> best = Optional.empty();
    int bestCost = Integer.MAX_VALUE;
    // every way to read the word as a near "roadmap" followed by a (near) subcommand
    for (int cut = 1; cut <= glued.length(); cut++) {
      int cost = distance(glued.substring(0, cut), "roadmap");
      if (cost > 2) {
        continue;
      }
      String tail = glued.substring(cut);
      Optional<List<String>> words;
      if (tail.isEmpty()) {
        words = Optional.of(rest.isEmpty() ? List.of("help") : correctFirst(rest));
      } else if (Usage.names().contains(tail)) {
        words = Optional.of(prepend(tail, rest));
      } else {
        Optional<String> near = suggest(tail);
        cost += near.map(name -> distance(tail, name)).orElse(0);
        words = near.map(name -> prepend(name, rest));
      }
      if (words.isPresent() && cost < bestCost) {
        best = words;
        bestCost = cost;
      }
    }
    return best;
  }

  /** The words with a misspelt subcommand in front replaced by the one it is closest to. */
  private static List<String> correctFirst(List<String> words) {
    String first = words.getFirst().toLowerCase(Locale.ROOT);
    if (Usage.names().contains(first)) {
      return words;
    }
    return suggest(first).map(name -> prepend(name, words.subList(1, words.size()))).orElse(words);
  }

  private static List<String> prepend(String first, List<String> rest) {
    List<String> all = new ArrayList<>(rest.size() + 1);
    all.add(first);
    all.addAll(rest);
    return all;
  }

  private static Command noArguments(String name, List<String> args, Command command) {
    if (args.isEmpty()) {
      return command;
    }
    return invalid(Text.empty().code("/roadmap " + name).plain(" takes nothing after it."));
  }

  private Command status(List<String> args) {
    if (args.isEmpty()) {
      return new Command.Status(Optional.empty());
    }
    Optional<MemberRef> member =
        args.size() == 1 ? MemberRef.parse(args.getFirst()) : Optional.empty();
    if (member.isEmpty()) {
      return wrongForm("status", "to see someone else's, name them: ", "/roadmap status @ana");
    }
    return new Command.Status(member);
  }

  private Command stage(List<String> args) {
    if (args.isEmpty()) {
      return new Command.ShowStage(OptionalInt.empty());
    }
    OptionalInt number = args.size() == 1 ? integer(args.getFirst()) : OptionalInt.empty();
    if (number.isEmpty() || !roadmap.hasStage(number.getAsInt())) {
      return invalid(
          Text.of(
                  "There is no stage "
                      + Echo.of(String.join(" ", args))
                      + ": stages run from 1 to ")
              .plain(roadmap.stageCount() + ". Try ")
              .code("/roadmap stage " + Math.min(7, roadmap.stageCount()))
              .plain("."));
    }
    return new Command.ShowStage(number);
  }

  private static Command objective(String name, List<String> args) {
    if (args.size() != 1) {
      return wrongForm(name, "name one objective by its number: ", "/roadmap " + name + " 2");
    }
    return name.equals("done")
        ? new Command.Done(args.getFirst())
        : new Command.Undo(args.getFirst());
  }

  private static Command leaderboard(List<String> args) {
    if (args.isEmpty()) {
      return new Command.Leaderboard(Period.WEEK);
    }
    if (args.size() == 1) {
      switch (args.getFirst().toLowerCase(Locale.ROOT)) {
        case "week":
          return new Command.Leaderboard(Period.WEEK);
        case "all", "all-time", "alltime":
          return new Command.Leaderboard(Period.ALL_TIME);
        case "hide":
          return new Command.LeaderboardVisibility(true);
        case "show":
          return new Command.LeaderboardVisibility(false);
        default:
          break;
      }
    }
    return invalid(
        Text.of("Use ")
            .code("/roadmap leaderboard week")
            .plain(", ")
            .code("/roadmap leaderboard all")
            .plain(", or ")
            .code("/roadmap leaderboard hide")
            .plain(" / ")
            .code("show")
            .plain("."));
  }

  private static Command remind(List<String> args) {
    String what = args.isEmpty() ? "" : args.getFirst().toLowerCase(Locale.ROOT);
    List<String> rest = args.isEmpty() ? List.of() : args.subList(1, args.size());
    return switch (what) {
      case "at" -> remindAt(rest);
      case "on" -> rest.isEmpty() ? new Command.RemindSwitch(true) : remindHelp();
      case "off" -> rest.isEmpty() ? new Command.RemindSwitch(false) : remindHelp();
      case "days" -> remindDays(rest);
      case "dm" -> rest.isEmpty() ? new Command.RemindVia(ReminderMode.DM) : remindHelp();
      case "channel" -> rest.isEmpty() ? new Command.RemindVia(ReminderMode.CHANNEL) : remindHelp();
      case "evening" -> CoachingParser.remindEvening(rest);
      default -> remindHelp();
    };
  }

  private static Command remindAt(List<String> args) {
    if (args.size() != 1) {
      return invalid(Text.of("Give a time: ").code("/roadmap remind at 09:30").plain("."));
    }
    return time(args.getFirst())
        .<Command>map(Command.RemindAt::new)
        .orElseGet(
            () ->
                invalid(
                    Text.of(Echo.of(args.getFirst()) + " is not a time; try ")
                        .code("/roadmap remind at 09:30")
                        .plain(" (24-hour clock, your local time).")));
  }

  private static Command remindDays(List<String> args) {
    if (args.size() == 1) {
      switch (args.getFirst().toLowerCase(Locale.ROOT)) {
        case "weekdays":
          return new Command.RemindDays(ReminderDays.WEEKDAYS);
        case "daily", "everyday", "all":
          return new Command.RemindDays(ReminderDays.DAILY);
        default:
          break;
      }
    }
    return invalid(
        Text.of("Use ")
            .code("/roadmap remind days weekdays")
            .plain(" (Monday to Friday) or ")
            .code("/roadmap remind days daily")
            .plain("."));
  }

  private static Command remindHelp() {
    return invalid(
        Text.of("Use ")
            .code("/roadmap remind at 09:30")
            .plain(", ")
            .code("remind on")
            .plain(", ")
            .code("remind off")
            .plain(", ")
            .code("remind days weekdays|daily")
            .plain(", ")
            .code("remind dm|channel")
            .plain(" or ")
            .code("remind evening on|off|at 19:00")
            .plain("."));
  }

  private static Command timeZone(String name, List<String> args, boolean forChannel) {
    String example = "/roadmap " + name + " Europe/Berlin";
    if (args.size() != 1) {
      return invalid(Text.of("Name one time zone: ").code(example).plain("."));
    }
    String typed = args.getFirst();
    return TimeZones.parse(typed)
        .<Command>map(
            zone -> forChannel ? new Command.ChannelTimeZone(zone) : new Command.SetTimeZone(zone))
        .orElseGet(
            () -> {
              Text message = Text.of(Echo.of(typed) + " is not a time zone I know. ");
              Optional<String> close = TimeZones.suggest(typed);
              message =
                  close.isPresent()
                      ? message
                          .plain("Did you mean ")
                          .code("/roadmap " + name + " " + close.get())
                          .plain("?")
                      : message.plain("Use an Area/City name, e.g. ").code(example).plain(".");
              return invalid(message);
            });
  }

  private static Command snooze(List<String> args) {
    if (args.size() == 1 && args.getFirst().equalsIgnoreCase("off")) {
      return new Command.SnoozeOff();
    }
    Matcher m = SNOOZE.matcher(String.join(" ", args).toLowerCase(Locale.ROOT));
    if (m.matches()) {
      int days = Integer.parseInt(m.group(1));
      if (days >= 1 && days <= MAX_SNOOZE_DAYS) {
        return new Command.Snooze(days);
      }
    }
    return invalid(
        Text.of("Snooze for 1 to " + MAX_SNOOZE_DAYS + " days, e.g. ")
            .code("/roadmap snooze 3d")
            .plain(", or end a snooze with ")
            .code("/roadmap snooze off")
            .plain("."));
  }

  private static Command team(List<String> args) {
    if (args.isEmpty()) {
      return new Command.Team(false);
    }
    if (args.size() == 1 && args.getFirst().equalsIgnoreCase("csv")) {
      return new Command.Team(true);
    }
    if (args.size() == 1 && args.getFirst().equalsIgnoreCase("chart")) {
      return new Command.TeamChart();
    }
    return invalid(
        Text.of("Use ")
            .code("/roadmap team")
            .plain(", ")
            .code("/roadmap team csv")
            .plain(" or ")
            .code("/roadmap team chart")
            .plain("."));
  }

  private static Command quizDay(List<String> args) {
    Optional<DayOfWeek> day = args.isEmpty() ? Optional.empty() : dayOfWeek(args.getFirst());
    Optional<LocalTime> time = args.size() == 2 ? time(args.get(1)) : Optional.empty();
    if (day.isPresent() && time.isPresent()) {
      return new Command.QuizDay(day.get(), time.get());
    }
    return invalid(
        Text.of("Give a day and a time: ")
            .code("/roadmap quiz-day fri 15:00")
            .plain(" (mon to sun, 24-hour clock, the channel's time zone)."));
  }

  private static Command channelReminders(List<String> args) {
    if (args.size() == 1) {
      switch (args.getFirst().toLowerCase(Locale.ROOT)) {
        case "dm":
          return new Command.ChannelReminders(ReminderMode.DM);
        case "channel":
          return new Command.ChannelReminders(ReminderMode.CHANNEL);
        default:
          break;
      }
    }
    return invalid(
        Text.of("Use ")
            .code("/roadmap reminders dm")
            .plain(" (a direct message each) or ")
            .code("/roadmap reminders channel")
            .plain(" (one daily post here)."));
  }

  private static Command leadRole(String name, List<String> args) {
    Optional<MemberRef> member =
        args.size() == 1 ? MemberRef.parse(args.getFirst()) : Optional.empty();
    if (member.isEmpty()) {
      return wrongForm(name, "name the member: ", "/roadmap " + name + " @ana");
    }
    return name.equals("lead") ? new Command.Lead(member.get()) : new Command.Unlead(member.get());
  }

  private Command setStage(List<String> args) {
    Optional<MemberRef> member = args.size() == 2 ? MemberRef.parse(args.get(0)) : Optional.empty();
    if (member.isEmpty()) {
      return wrongForm("set-stage", "name the member and the stage: ", "/roadmap set-stage @ana 3");
    }
    OptionalInt stage = integer(args.get(1));
    if (stage.isEmpty() || !roadmap.hasStage(stage.getAsInt())) {
      return invalid(
          Text.of(
              "There is no stage "
                  + Echo.of(args.get(1))
                  + ": stages run from 1 to "
                  + roadmap.stageCount()
                  + "."));
    }
    return new Command.SetStage(member.get(), stage.getAsInt());
  }

  private static final Pattern CHANNEL_MENTION = Pattern.compile("<#([A-Za-z0-9]+)(?:\\|[^>]*)?>");
  private static final Pattern CHANNEL_NAME = Pattern.compile("#?([\\p{L}\\p{N}_.\\-]{1,80})");

  private static Command home(List<String> args) {
    if (args.isEmpty()) {
      return new Command.Home(Optional.empty());
    }
    if (args.size() == 1) {
      Matcher mention = CHANNEL_MENTION.matcher(args.getFirst());
      if (mention.matches()) {
        return new Command.Home(Optional.of(mention.group(1)));
      }
      Matcher name = CHANNEL_NAME.matcher(args.getFirst());
      if (name.matches()) {
        return new Command.Home(Optional.of(name.group(1)));
      }
    }
    return wrongForm("home", "name one of your channels: ", "/roadmap home #study-group");
  }

  private static Command post(List<String> args) {
    String what = args.isEmpty() ? "" : args.getFirst().toLowerCase(Locale.ROOT);
    List<String> rest = args.isEmpty() ? List.of() : args.subList(1, args.size());
    return switch (what) {
      case "" -> new Command.Settings();
      case "on" -> rest.isEmpty() ? new Command.PostSwitch(true) : postHelp();
      case "off" -> rest.isEmpty() ? new Command.PostSwitch(false) : postHelp();
      case "at" ->
          rest.size() == 1
              ? time(rest.getFirst())
                  .<Command>map(Command.PostAt::new)
                  .orElseGet(
                      () ->
                          invalid(
                              Text.of(rest.getFirst() + " is not a time; try ")
                                  .code("/roadmap post at 09:00")
                                  .plain(" (24-hour clock, the channel's time zone).")))
              : invalid(Text.of("Give a time: ").code("/roadmap post at 09:00").plain("."));
      case "days" -> postDays(rest);
      default -> postHelp();
    };
  }

  private static Command postDays(List<String> args) {
    if (args.size() == 1) {
      switch (args.getFirst().toLowerCase(Locale.ROOT)) {
        case "weekdays":
          return new Command.PostDays(ReminderDays.WEEKDAYS);
        case "daily", "everyday", "all":
          return new Command.PostDays(ReminderDays.DAILY);
        default:
          break;
      }
    }
    return invalid(
        Text.of("Use ")
            .code("/roadmap post days weekdays")
            .plain(" (Monday to Friday) or ")
            .code("/roadmap post days daily")
            .plain("."));
  }

  private static Command postHelp() {
    return invalid(
        Text.of("Use ")
            .code("/roadmap post at 09:00")
            .plain(", ")
            .code("post days weekdays|daily")
            .plain(" or ")
            .code("post off|on")
            .plain("; ")
            .code("/roadmap settings")
            .plain(" shows the current post."));
  }

  private static Command nudge(List<String> args) {
    Optional<MemberRef> member =
        args.size() == 1 ? MemberRef.parse(args.getFirst()) : Optional.empty();
    if (member.isEmpty()) {
      return wrongForm("nudge", "name the member: ", "/roadmap nudge @ana");
    }
    return new Command.Nudge(member.get());
  }

  private static Command digest(List<String> args) {
    if (args.size() == 1 && args.getFirst().equalsIgnoreCase("on")) {
      return new Command.Digest(true);
    }
    if (args.size() == 1 && args.getFirst().equalsIgnoreCase("off")) {
      return new Command.Digest(false);
    }
    return invalid(
        Text.of("Use ")
            .code("/roadmap digest on")
            .plain(" or ")
            .code("/roadmap digest off")
            .plain(" (your weekly digest of this channel, by direct message)."));
  }

  static Optional<LocalTime> time(String text) {
    Matcher m = TIME.matcher(text.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    int hour = Integer.parseInt(m.group(1));
    int minute = Integer.parseInt(m.group(2));
    if (hour > 23 || minute > 59) {
      return Optional.empty();
    }
    return Optional.of(LocalTime.of(hour, minute));
  }

  private static Optional<DayOfWeek> dayOfWeek(String text) {
    String key = text.toLowerCase(Locale.ROOT);
    if (key.length() < 3) {
      return Optional.empty();
    }
    DayOfWeek day = DAYS.get(key.substring(0, 3));
    if (day == null || !day.name().toLowerCase(Locale.ROOT).startsWith(key)) {
      return Optional.empty();
    }
    return Optional.of(day);
  }

  static OptionalInt integer(String text) {
    try {
      return OptionalInt.of(Integer.parseInt(text.strip()));
    } catch (NumberFormatException e) {
      return OptionalInt.empty();
    }
  }

  private static Command wrongForm(String name, String hint, String example) {
    return invalid(
        Text.of("That is not how ")
            .code("/roadmap " + name)
            .plain(" goes; " + hint)
            .code(example)
            .plain("."));
  }

  private static Invalid invalid(Text message) {
    return new Invalid(message);
  }

  /** The closest subcommand name, when one is close enough to be a typo. */
  static Optional<String> suggest(String typed) {
    if (typed.length() > Echo.LIMIT) {
      return Optional.empty(); // no subcommand is that long, and distances cost length squared
    }
    return Usage.names().stream()
        .map(name -> Map.entry(name, distance(typed, name)))
        .filter(e -> e.getValue() <= Math.max(1, Math.min(2, e.getKey().length() / 3)))
        .min(Comparator.comparingInt(Map.Entry<String, Integer>::getValue))
        .map(Map.Entry::getKey);
  }

  /** Levenshtein distance, with a swap of two neighbours counted as one edit. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
