package io.roadmapcoach.discord;

import io.roadmapcoach.core.action.Action;
import io.roadmapcoach.core.roadmap.Roadmap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandGroupData;

/**
 * {@code /roadmap} as Discord knows it, and the way back from a filled-in command to the text the
 * core parses. The surface is one table of {@link Entry entries}: each names a subcommand as
 * Discord shows it (on its own, or in a group), the core's words it stands for, and its typed
 * options. The text is those words followed by the option values in declared order, so {@code
 * /roadmap team lead member:@bo} reaches the core as {@code lead <@bo>}, exactly what Slack and the
 * console send; the core still checks every value, and its messages read the same as on every other
 * platform.
 *
 * <p>Discord allows 25 subcommands or groups on a command and 25 subcommands in a group, so the
 * leads' commands sit in groups ({@code team …}, {@code channel …}) and a subcommand's path follows
 * the core's words wherever Discord lets it. A new core command is one more entry.
 *
 * <p>Integer ranges come from the loaded roadmap, so Discord refuses {@code /roadmap stage 99}
 * before the bot sees it.
 */
final class CommandSurface {
  static final String COMMAND = "roadmap";

  static final String DESCRIPTION = "Your Machine Learning roadmap: progress, quizzes, reminders";

  /** How a date option asks for its value. */
  static final String DATE_FORM = "YYYY-MM-DD";

  /** The option autocompleted with time-zone ids. */
  static final String ZONE = "zone";

  /** A group of subcommands, as Discord shows it. */
  record Group(String name, String description) {}

  static final Group REMIND =
      new Group("remind", "Your daily nudge: when, which days, on or off, DM or channel");
  static final Group SNOOZE = new Group("snooze", "Pause your nudges");
  static final Group TEAM = new Group("team", "Lead: your members, their progress and their roles");
  static final Group POST =
      new Group("post", "Lead: this channel's daily post: when, which days, or none");
  static final Group CHANNEL =
      new Group("channel", "Lead: this channel's time zone, weekly quiz and nudges");
  static final Group HOLIDAY =
      new Group("holiday", "Lead: this channel's days off: no nudges, no daily post");

  /**
   * An option, and how its value is said in the core's text: after {@code word} when there is one
   * ({@code at 19:00}); a yes/no option says its word when set ({@code csv}) and nothing otherwise.
   */
  record Arg(OptionData option, String word) {
    Optional<String> said(OptionMapping given) {
      if (given.getType() == OptionType.BOOLEAN) {
        return given.getAsBoolean() ? Optional.of(word) : Optional.empty();
      }
      return value(given).map(v -> word.isEmpty() ? v : word + " " + v);
    }
  }

  /**
   * One subcommand.
   *
   * @param group the group Discord shows it in; empty for a subcommand of its own
   * @param name its name on Discord
   * @param words the core's words it stands for: {@code remind at}, {@code lead}, {@code holidays}
   */
  record Entry(
      Optional<Group> group, String name, String description, String words, List<Arg> args) {
    Entry {
      args = List.copyOf(args);
    }

    /** The same subcommand, standing for other words of the core. */
    Entry saying(String coreWords) {
      return new Entry(group, name, description, coreWords, args);
    }

    boolean is(String groupName, String subName) {
      return group.map(Group::name).equals(Optional.ofNullable(groupName)) && name.equals(subName);
    }

    /** How a member reaches it on Discord: {@code team lead}. */
    String path() {
      return group.map(g -> g.name() + " " + name).orElse(name);
    }

    List<OptionData> options() {
      return args.stream().map(Arg::option).toList();
    }

    /** How it is filled in: {@code /roadmap team set-stage member:<@member> stage:<number>}. */
    String usage() {
      StringBuilder usage = new StringBuilder("/roadmap ").append(path());
      for (OptionData option : options()) {
        String slot = option.getName() + ":<" + kind(option.getType()) + ">";
        usage.append(' ').append(option.isRequired() ? slot : "[" + slot + "]");
      }
      return usage.toString();
    }

    private static String kind(OptionType type) {
      return switch (type) {
        case INTEGER -> "number";
        case USER, MENTIONABLE -> "@member";
        case CHANNEL -> "#channel";
        case BOOLEAN -> "true|false";
        default -> "text";
      };
    }
  }

  private final List<Entry> entries;

  CommandSurface(Roadmap roadmap) {
    this(entries(roadmap));
  }

  /** A surface of other entries (a test's, with the commands still to come). */
  CommandSurface(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  List<Entry> entries() {
    return entries;
  }

  Optional<Entry> find(String group, String name) {
    return entries.stream().filter(e -> e.is(group, name)).findFirst();
  }

  /** The command to register (per guild, or globally: usable in servers only). */
  SlashCommandData command() {
    return command(entries);
  }

  /** {@code /roadmap} with these entries, in their order; a group where its first entry is. */
  static SlashCommandData command(List<Entry> entries) {
    Map<String, List<Entry>> topLevel =
        entries.stream()
            .collect(
                Collectors.groupingBy(
                    e -> e.group().map(g -> "group " + g.name()).orElse("sub " + e.name()),
                    LinkedHashMap::new,
                    Collectors.toList()));
    SlashCommandData command =
        Commands.slash(COMMAND, DESCRIPTION).setContexts(InteractionContextType.GUILD);
    for (List<Entry> same : topLevel.values()) {
      List<SubcommandData> subs = same.stream().map(CommandSurface::subcommand).toList();
      Optional<Group> group = same.getFirst().group();
      if (group.isPresent()) {
        command.addSubcommandGroups(
            new SubcommandGroupData(group.get().name(), group.get().description())
                .addSubcommands(subs));
      } else {
        command.addSubcommands(subs);
      }
    }
    return command;
  }

  private static SubcommandData subcommand(Entry entry) {
    return new SubcommandData(entry.name(), entry.description()).addOptions(entry.options());
  }

  /**
   * The text after {@code /roadmap} for a filled-in subcommand: the core's words, then each
   * option's value in declared order ({@code <@id>} for a member, the number, the word). A
   * subcommand this version does not know (a stale registration) passes its path and values through
   * and the core answers as it would to the same text typed.
   */
  String text(String group, String name, List<OptionMapping> options) {
    List<String> words = new ArrayList<>();
    Optional<Entry> entry = find(group, name);
    if (entry.isPresent()) {
      words.add(entry.get().words());
      for (Arg arg : entry.get().args()) {
        options.stream()
            .filter(o -> o.getName().equals(arg.option().getName()))
            .findFirst()
            .flatMap(arg::said)
            .ifPresent(words::add);
      }
    } else {
      Optional.ofNullable(group).ifPresent(words::add);
      Optional.ofNullable(name).ifPresent(words::add);
      options.forEach(o -> passedThrough(o).ifPresent(words::add));
    }
    return String.join(" ", words);
  }

  /**
   * The usage of a filled-in subcommand when one of its number options came without a value that
   * reads as a number (Discord checks them, but an outdated client or a hand-made interaction need
   * not): the member is told how to fill it in rather than the core being guessed at.
   */
  Optional<String> usageWhenUnreadable(String group, String name, List<OptionMapping> options) {
    boolean unreadable =
        options.stream().anyMatch(o -> o.getType() == OptionType.INTEGER && number(o).isEmpty());
    return unreadable ? find(group, name).map(Entry::usage) : Optional.empty();
  }

  /** A number option's value; empty when it has none or it is not a whole number. */
  private static Optional<Long> number(OptionMapping given) {
    try {
      return Optional.of(given.getAsLong());
    } catch (RuntimeException missingOrNotANumber) {
      // JDA's ParsingException (no value), NumberFormatException (not a number)
      return Optional.empty();
    }
  }

  /** An option of a subcommand this version does not know: a yes/no says its name when set. */
  private static Optional<String> passedThrough(OptionMapping given) {
    if (given.getType() == OptionType.BOOLEAN) {
      return given.getAsBoolean() ? Optional.of(given.getName()) : Optional.empty();
    }
    return value(given);
  }

  private static Optional<String> value(OptionMapping given) {
    return switch (given.getType()) {
      case USER, MENTIONABLE -> Optional.of("<@" + given.getAsString() + ">");
      case CHANNEL -> Optional.of("<#" + given.getAsString() + ">");
      case INTEGER -> number(given).map(n -> Long.toString(n));
      default -> Optional.of(given.getAsString().strip()).filter(s -> !s.isEmpty());
    };
  }

  /**
   * Commands whose work may take a while (a whole channel's file, a member's): deferred at once.
   */
  static boolean slow(String text) {
    return text.equals("team csv") || text.equals("export");
  }

  /**
   * Whether the answer will most likely be shown to the channel: a deferral has to choose before
   * the core answers. Leaderboards are; everything else is for the caller.
   */
  static boolean likelyPublic(String text) {
    List<String> words = Arrays.asList(text.split(" "));
    return words.getFirst().equals("leaderboard")
        && !words.contains("hide")
        && !words.contains("show");
  }

  // ---- the surface: one entry per subcommand the core knows ----

  private static List<Entry> entries(Roadmap roadmap) {
    int stages = roadmap.stageCount();
    int objectives = Math.max(1, roadmap.mostObjectives());
    return List.of(
        sub("help", "Every command, in one list"),
        sub("start", "Join the roadmap in this channel"),
        sub(
            "status",
            "Your stage, objectives, points and streak (or a member's)",
            arg(new OptionData(OptionType.USER, "member", "Whose status; yours when left out"))),
        sub("stages", "Every stage, and where you are"),
        sub(
            "stage",
            "One stage's objectives (yours when no number)",
            arg(
                new OptionData(OptionType.INTEGER, "number", "Stage number, 1 to " + stages)
                    .setRequiredRange(1, stages))),
        sub(
            "done",
            "Check an objective of your stage off",
            objective("The objective's number in your stage", objectives)),
        sub(
            "undo",
            "Take an objective back",
            objective("The objective's number in your stage", objectives)),
        sub("quiz", "Take (or resume) the quiz on your stage"),
        sub("next", "Move on once every objective is done and the quiz passed"),
        sub(
            "leaderboard",
            "The channel's top members, or leave and rejoin the boards",
            choice("period", "Which board", false, "This week", "week", "All time", "all"),
            choice(
                "me",
                "Hide yourself from the boards, or show again",
                false,
                "Hide me",
                "hide",
                "Show me",
                "show")),
        sub(
            REMIND,
            "at",
            "When your daily nudge comes (your local time)",
            time("24-hour clock, e.g. 09:30")),
        sub(REMIND, "on", "Turn your daily nudge on"),
        sub(REMIND, "off", "Turn your daily nudge off"),
        sub(REMIND, "days", "Which days you are nudged", whichDays("Weekdays or every day")),
        sub(REMIND, "dm", "Get your nudges by direct message"),
        sub(REMIND, "channel", "Get your nudges in this channel's daily post"),
        sub("tz", "Set your time zone, e.g. Europe/Berlin", zone("Your time zone")),
        sub(
                SNOOZE,
                "for",
                "Pause your nudges for some days",
                arg(
                    new OptionData(
                            OptionType.INTEGER,
                            "days",
                            "How many days, 1 to " + Action.MAX_SNOOZE_DAYS,
                            true)
                        .setRequiredRange(1, Action.MAX_SNOOZE_DAYS)))
            .saying("snooze"),
        sub(SNOOZE, "off", "Nudge me again from today"),
        sub(
                TEAM,
                "progress",
                "Lead: everyone's progress, stuck members first",
                flag("csv", "Everyone, as a CSV file"))
            .saying("team"),
        sub(TEAM, "lead", "Lead: make a member a lead of this channel", member("The new lead"))
            .saying("lead"),
        sub(TEAM, "unlead", "Lead: take a member's lead role away", member("The lead to step down"))
            .saying("unlead"),
        sub(
                TEAM,
                "set-stage",
                "Lead: put a member on a stage (they are told)",
                member("The member to move"),
                arg(
                    new OptionData(
                            OptionType.INTEGER, "stage", "Stage number, 1 to " + stages, true)
                        .setRequiredRange(1, stages)))
            .saying("set-stage"),
        sub(CHANNEL, "tz", "Lead: the channel's time zone", zone("The channel's time zone"))
            .saying("channel-tz"),
        sub(
                CHANNEL,
                "quiz-day",
                "Lead: when the weekly quiz goes out",
                weekday(),
                time("24-hour clock, the channel's time zone, e.g. 15:00"))
            .saying("quiz-day"),
        sub(
                CHANNEL,
                "reminders",
                "Lead: how members get their nudges unless they choose",
                choice(
                    "mode",
                    "A direct message each, or one daily post here",
                    true,
                    "A direct message to each member",
                    "dm",
                    "One daily post in this channel",
                    "channel"))
            .saying("reminders"),
        sub("leave", "Leave the roadmap in this channel (your progress is kept)"),
        sub(
            "home",
            "Choose the channel your direct messages and their buttons act in",
            arg(
                new OptionData(OptionType.CHANNEL, "channel", "Your home channel", false)
                    .setChannelTypes(ChannelType.TEXT))),
        sub("settings", "This channel's time zone, quiz, daily post and leads"),
        sub("export", "Everything the bot keeps about you, as a file"),
        sub("forget-me", "Delete everything the bot keeps about you (asks first)"),
        sub(
            POST,
            "at",
            "Lead: when the daily post goes out",
            time("24-hour clock, the channel's time zone, e.g. 09:00")),
        sub(POST, "days", "Lead: which days it goes out", whichDays("Weekdays or every day")),
        sub(POST, "off", "Lead: no daily post in this channel"),
        sub(POST, "on", "Lead: the daily post again"),
        sub(TEAM, "nudge", "Lead: nudge a member now", member("Who to nudge")).saying("nudge"),
        sub(TEAM, "digest", "Lead: your weekly digest of the team", onOff(true)).saying("digest"),
        sub(TEAM, "dashboard", "Lead: the channel at a glance, on the web").saying("dashboard"),
        sub(TEAM, "chart", "Lead: everyone's progress as a chart"),
        sub("buddy", "Your study buddy; pair up, or stop", onOff(false)),
        sub(
            REMIND,
            "evening",
            "A second nudge in the evening: on, off, or when",
            onOff(false),
            new Arg(
                new OptionData(OptionType.STRING, "time", "24-hour clock, e.g. 19:30")
                    .setMaxLength(16),
                "at")),
        sub(
                HOLIDAY,
                "add",
                "Lead: a day off, or the days from one date to another",
                date("from", "The (first) day off, e.g. 2026-12-24", true),
                date("to", "The last day off, when more than one", false))
            .saying("holiday"),
        sub(HOLIDAY, "clear", "Lead: take a day off back", date("date", "The day", true)),
        sub(HOLIDAY, "list", "Lead: this channel's days off").saying("holidays"));
  }

  static Arg onOff(boolean required) {
    return choice("switch", "On or off", required, "On", "on", "Off", "off");
  }

  // ---- building blocks of entries ----

  /** A subcommand of its own, standing for the core word of its name. */
  static Entry sub(String name, String description, Arg... args) {
    return new Entry(Optional.empty(), name, description, name, List.of(args));
  }

  /** A subcommand in a group, standing for the core's words {@code group name}. */
  static Entry sub(Group group, String name, String description, Arg... args) {
    return new Entry(
        Optional.of(group), name, description, group.name() + " " + name, List.of(args));
  }

  /** An option whose value is said as it is. */
  static Arg arg(OptionData option) {
    return new Arg(option, "");
  }

  /** A yes/no option that says its name when set. */
  static Arg flag(String name, String description) {
    return new Arg(new OptionData(OptionType.BOOLEAN, name, description), name);
  }

  /** A choice of fixed words: label, value, label, value... */
  static Arg choice(String name, String description, boolean required, String... labelsAndValues) {
    OptionData option = new OptionData(OptionType.STRING, name, description, required);
    for (int i = 0; i + 1 < labelsAndValues.length; i += 2) {
      option.addChoice(labelsAndValues[i], labelsAndValues[i + 1]);
    }
    return arg(option);
  }

  static Arg time(String description) {
    return arg(new OptionData(OptionType.STRING, "time", description, true).setMaxLength(16));
  }

  static Arg whichDays(String description) {
    return choice(
        "which",
        description,
        true,
        "Weekdays (Monday to Friday)",
        "weekdays",
        "Every day",
        "daily");
  }

  /** A calendar date, as the core reads it. */
  static Arg date(String name, String description, boolean required) {
    return arg(
        new OptionData(OptionType.STRING, name, description + " (" + DATE_FORM + ")", required)
            .setMaxLength(32));
  }

  static Arg member(String description) {
    return arg(new OptionData(OptionType.USER, "member", description, true));
  }

  private static Arg objective(String description, int most) {
    return arg(
        new OptionData(OptionType.INTEGER, "objective", description + ", 1 to " + most, true)
            .setRequiredRange(1, most));
  }

  private static Arg zone(String description) {
    return arg(
        new OptionData(OptionType.STRING, ZONE, description + ", an Area/City name", true, true)
            .setMaxLength(64));
  }

  private static Arg weekday() {
    OptionData day = new OptionData(OptionType.STRING, "day", "Day of the week", true);
    for (String name :
        List.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")) {
      day.addChoice(name, name.substring(0, 3).toLowerCase(Locale.ROOT));
    }
    return arg(day);
  }
}
