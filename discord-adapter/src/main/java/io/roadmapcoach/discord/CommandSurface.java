package io.roadmapcoach.discord;

import io.roadmapcoach.core.action.Action;
import io.roadmapcoach.core.roadmap.Roadmap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandGroupData;

/**
 * {@code /roadmap} as Discord knows it: one subcommand (or group) per core command, with typed
 * options, and the way back from a filled-in command to the text the core parses. The names are the
 * core's words ({@code done}, {@code quiz-day}, {@code remind at}), so the text is the subcommand
 * path followed by the option values in declared order; the core still checks every value, and its
 * messages read the same as on every other platform.
 *
 * <p>Integer ranges come from the loaded roadmap, so Discord refuses {@code /roadmap stage 99}
 * before the bot sees it.
 */
final class CommandSurface {
  static final String COMMAND = "roadmap";

  /** The option autocompleted with time-zone ids. */
  static final String ZONE = "zone";

  /** A subcommand: {@code group} is empty for a top-level one. */
  record Sub(Optional<String> group, String name, String description, List<OptionData> options) {
    String path() {
      return group.map(g -> g + " " + name).orElse(name);
    }
  }

  private final List<Sub> subs;

  CommandSurface(Roadmap roadmap) {
    this.subs = List.copyOf(build(roadmap));
  }

  List<Sub> subs() {
    return subs;
  }

  Optional<Sub> find(String group, String name) {
    Optional<String> g = Optional.ofNullable(group);
    return subs.stream().filter(s -> s.group().equals(g) && s.name().equals(name)).findFirst();
  }

  /** The command to register (per guild, or globally: usable in servers only). */
  SlashCommandData command() {
    SlashCommandData command =
        Commands.slash(COMMAND, "Your Machine Learning roadmap: progress, quizzes, reminders")
            .setContexts(InteractionContextType.GUILD);
    Map<String, SubcommandGroupData> groups = new LinkedHashMap<>();
    List<SubcommandData> top = new ArrayList<>();
    for (Sub sub : subs) {
      SubcommandData data =
          new SubcommandData(sub.name(), sub.description()).addOptions(sub.options());
      if (sub.group().isPresent()) {
        groups
            .computeIfAbsent(
                sub.group().get(), g -> new SubcommandGroupData(g, GROUP_DESCRIPTIONS.get(g)))
            .addSubcommands(data);
      } else {
        top.add(data);
      }
    }
    return command.addSubcommands(top).addSubcommandGroups(groups.values());
  }

  /**
   * The text after {@code /roadmap} for a filled-in subcommand: its path, then each option's value
   * in declared order ({@code <@id>} for a member, the number, the word). A subcommand this version
   * does not know (a stale registration) passes its words through and the core answers with help.
   */
  String text(String group, String name, Function<String, OptionMapping> option) {
    List<String> words = new ArrayList<>();
    if (group != null) {
      words.add(group);
    }
    if (name != null) {
      words.add(name);
    }
    Optional<Sub> sub = find(group, name);
    if (sub.isPresent()) {
      for (OptionData declared : sub.get().options()) {
        OptionMapping given = option.apply(declared.getName());
        if (given != null) {
          value(declared.getName(), given).ifPresent(words::add);
        }
      }
    }
    return String.join(" ", words);
  }

  /** Same, for options as a list (a subcommand this version does not know). */
  String text(String group, String name, List<OptionMapping> options) {
    if (find(group, name).isPresent()) {
      return text(
          group,
          name,
          wanted ->
              options.stream().filter(o -> o.getName().equals(wanted)).findFirst().orElse(null));
    }
    List<String> words = new ArrayList<>();
    if (group != null) {
      words.add(group);
    }
    if (name != null) {
      words.add(name);
    }
    options.forEach(o -> value(o.getName(), o).ifPresent(words::add));
    return String.join(" ", words);
  }

  private static Optional<String> value(String optionName, OptionMapping given) {
    return switch (given.getType()) {
      case USER, MENTIONABLE -> Optional.of("<@" + given.getAsString() + ">");
      case INTEGER -> Optional.of(Long.toString(given.getAsLong()));
      case BOOLEAN -> given.getAsBoolean() ? Optional.of(optionName) : Optional.empty();
      default -> Optional.of(given.getAsString().strip()).filter(s -> !s.isEmpty());
    };
  }

  /** Commands whose work may take a while (a whole channel's file): deferred at once. */
  static boolean slow(String group, String name, Function<String, OptionMapping> option) {
    OptionMapping csv = option.apply("csv");
    return group == null && "team".equals(name) && csv != null && csv.getAsBoolean();
  }

  /**
   * Whether the answer will most likely be shown to the channel: a deferral has to choose before
   * the core answers. Leaderboards are; everything else is for the caller.
   */
  static boolean likelyPublic(String group, String name, Function<String, OptionMapping> option) {
    return group == null && "leaderboard".equals(name) && option.apply("me") == null;
  }

  // ---- the surface ----

  private static final Map<String, String> GROUP_DESCRIPTIONS =
      Map.of(
          "remind", "Your daily nudge: when, which days, on or off, DM or channel",
          "reminders", "Lead: how this channel's members get their nudges by default");

  private static List<Sub> build(Roadmap roadmap) {
    int stages = roadmap.stageCount();
    int objectives = Math.max(1, roadmap.mostObjectives());
    List<Sub> subs = new ArrayList<>();
    subs.add(sub("help", "Every command, in one list"));
    subs.add(sub("start", "Join the roadmap in this channel"));
    subs.add(
        sub(
            "status",
            "Your stage, objectives, points and streak (or a member's)",
            new OptionData(OptionType.USER, "member", "Whose status; yours when left out")));
    subs.add(sub("stages", "Every stage, and where you are"));
    subs.add(
        sub(
            "stage",
            "One stage's objectives (yours when no number)",
            new OptionData(OptionType.INTEGER, "number", "Stage number, 1 to " + stages)
                .setRequiredRange(1, stages)));
    subs.add(
        sub(
            "done",
            "Check an objective of your stage off",
            objective("The objective's number in your stage", objectives)));
    subs.add(
        sub(
            "undo",
            "Take an objective back",
            objective("The objective's number in your stage", objectives)));
    subs.add(sub("quiz", "Take (or resume) the quiz on your stage"));
    subs.add(sub("next", "Move on once every objective is done and the quiz passed"));
    subs.add(
        sub(
            "leaderboard",
            "The channel's top members, or leave and rejoin the boards",
            new OptionData(OptionType.STRING, "period", "Which board")
                .addChoice("This week", "week")
                .addChoice("All time", "all"),
            new OptionData(OptionType.STRING, "me", "Hide yourself from the boards, or show again")
                .addChoice("Hide me", "hide")
                .addChoice("Show me", "show")));
    subs.add(
        grouped(
            "remind",
            "at",
            "When your daily nudge comes (your local time)",
            new OptionData(OptionType.STRING, "time", "24-hour clock, e.g. 09:30", true)
                .setMaxLength(16)));
    subs.add(grouped("remind", "on", "Turn your daily nudge on"));
    subs.add(grouped("remind", "off", "Turn your daily nudge off"));
    subs.add(
        grouped(
            "remind",
            "days",
            "Which days you are nudged",
            new OptionData(OptionType.STRING, "which", "Weekdays or every day", true)
                .addChoice("Weekdays (Monday to Friday)", "weekdays")
                .addChoice("Every day", "daily")));
    subs.add(grouped("remind", "dm", "Get your nudges by direct message"));
    subs.add(grouped("remind", "channel", "Get your nudges in this channel's daily post"));
    subs.add(sub("tz", "Set your time zone, e.g. Europe/Berlin", zone("Your time zone")));
    subs.add(
        sub(
            "snooze",
            "Pause your nudges for some days, or end a snooze",
            new OptionData(
                    OptionType.INTEGER, "days", "How many days, 1 to " + Action.MAX_SNOOZE_DAYS)
                .setRequiredRange(1, Action.MAX_SNOOZE_DAYS),
            new OptionData(OptionType.BOOLEAN, "off", "End your snooze now")));
    subs.add(
        sub(
            "team",
            "Lead: everyone's progress, stuck members first",
            new OptionData(OptionType.BOOLEAN, "csv", "Everyone, as a CSV file")));
    subs.add(
        sub(
            "quiz-day",
            "Lead: when the weekly quiz goes out",
            weekday(),
            new OptionData(
                    OptionType.STRING,
                    "time",
                    "24-hour clock, the channel's time zone, e.g. 15:00",
                    true)
                .setMaxLength(16)));
    subs.add(sub("channel-tz", "Lead: the channel's time zone", zone("The channel's time zone")));
    subs.add(grouped("reminders", "dm", "Lead: members get a direct message each"));
    subs.add(grouped("reminders", "channel", "Lead: one daily post in this channel"));
    subs.add(sub("lead", "Lead: make a member a lead of this channel", member("The new lead")));
    subs.add(
        sub("unlead", "Lead: take a member's lead role away", member("The lead to step down")));
    subs.add(
        sub(
            "set-stage",
            "Lead: put a member on a stage (they are told)",
            member("The member to move"),
            new OptionData(OptionType.INTEGER, "stage", "Stage number, 1 to " + stages, true)
                .setRequiredRange(1, stages)));
    return subs;
  }

  private static Sub sub(String name, String description, OptionData... options) {
    return new Sub(Optional.empty(), name, description, List.of(options));
  }

  private static Sub grouped(String group, String name, String description, OptionData... options) {
    return new Sub(Optional.of(group), name, description, List.of(options));
  }

  private static OptionData objective(String description, int most) {
    return new OptionData(OptionType.INTEGER, "objective", description + ", 1 to " + most, true)
        .setRequiredRange(1, most);
  }

  private static OptionData zone(String description) {
    return new OptionData(OptionType.STRING, ZONE, description + ", an Area/City name", true, true)
        .setMaxLength(64);
  }

  private static OptionData member(String description) {
    return new OptionData(OptionType.USER, "member", description, true);
  }

  private static OptionData weekday() {
    OptionData day = new OptionData(OptionType.STRING, "day", "Day of the week", true);
    for (String name :
        List.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")) {
      day.addChoice(name, name.substring(0, 3).toLowerCase(java.util.Locale.ROOT));
    }
    return day;
  }
}
