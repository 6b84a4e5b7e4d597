package io.roadmapcoach.discord;

import io.roadmapcoach.core.command.Commands;
import io.roadmapcoach.core.feature.Slash;
import io.roadmapcoach.core.feature.SlashOption;
import io.roadmapcoach.core.roadmap.RoadmapSizes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandGroupData;

/**
 * {@code /roadmap} as Discord knows it, and the way back from a filled-in command to the text the
 * core parses. The surface is translated from the subcommands the core's features declare ({@link
 * Slash}): each names a subcommand as Discord shows it (on its own, or in a group), the core's
 * words it stands for, and its typed options. The text is those words followed by the option values
 * in declared order, so {@code /roadmap team lead member:@bo} reaches the core as {@code lead
 * <@bo>}, exactly what Slack and the console send; the core still checks every value, and its
 * messages read the same as on every other platform. A new core command needs nothing here.
 *
 * <p>Integer ranges that depend on the roadmap are resolved from the largest of the server's
 * roadmaps (see {@link CommandRegistrar}), so Discord refuses {@code /roadmap stage 99} before the
 * bot sees it; the core still checks a number against the channel's own roadmap.
 */
final class CommandSurface {
  static final String COMMAND = "roadmap";

  static final String DESCRIPTION = "Your team's learning roadmap: progress, quizzes, reminders";

  /** How a date option asks for its value. */
  static final String DATE_FORM = SlashOption.DATE_FORM;

  /** The name of the option autocompleted with time-zone ids. */
  static final String ZONE = SlashOption.ZONE;

  /** A group of subcommands, as Discord shows it. */
  record Group(String name, String description) {}

  /**
   * An option, and how its value is said in the core's text: after {@code word} when there is one
   * ({@code at 19:00}); a yes/no option says its word when set ({@code csv}) and nothing otherwise.
   *
   * @param zones whether time-zone ids are suggested as the member types
   */
  record Arg(OptionData option, String word, boolean zones) {
    Optional<String> said(OptionMapping given) {
      if (given.getType() == OptionType.ATTACHMENT) {
        return Optional.empty(); // a file goes with the command, not into its text
      }
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
        case ATTACHMENT -> "file";
        default -> "text";
      };
    }
  }

  private final Commands declared;
  private final RoadmapSizes deployment;
  private final List<Entry> entries;

  /** The subcommands the core's features declare, in their order. */
  CommandSurface(Commands declared) {
    this.declared = declared;
    this.deployment = RoadmapSizes.of(declared.roadmap());
    this.entries = entries(deployment);
  }

  private List<Entry> entries(RoadmapSizes sizes) {
    return declared.slashes().stream().map(s -> entry(s, sizes)).toList();
  }

  /** How large the deployment's roadmap is: the ranges of a server that brought none larger. */
  RoadmapSizes deploymentSizes() {
    return deployment;
  }

  List<Entry> entries() {
    return entries;
  }

  Optional<Entry> find(String group, String name) {
    return entries.stream().filter(e -> e.is(group, name)).findFirst();
  }

  /** The command to register for the deployment's roadmap (usable in servers only). */
  SlashCommandData command() {
    return command(entries);
  }

  /**
   * The command to register where the roadmaps are up to these sizes: {@code stage} and {@code
   * objective} take every number that names a stage or objective of one of them.
   */
  SlashCommandData command(RoadmapSizes sizes) {
    return command(sizes.equals(deployment) ? entries : entries(sizes));
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
        net.dv8tion.jda.api.interactions.commands.build.Commands.slash(COMMAND, DESCRIPTION)
            .setContexts(InteractionContextType.GUILD);
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
      case ATTACHMENT -> Optional.empty();
      default -> Optional.of(given.getAsString().strip()).filter(s -> !s.isEmpty());
    };
  }

  /**
   * Whether the command's work may take a while (a whole channel's file, a member's), so that it is
   * deferred at once: as its declaration says.
   */
  boolean slow(String text) {
    return declared.manner(text).slow();
  }

  /**
   * Whether the answer will most likely be shown to the channel: a deferral has to choose before
   * the core answers. As the command's declaration says (leaderboards are).
   */
  boolean likelyPublic(String text) {
    return declared.manner(text).likelyPublic();
  }

  /** Whether an option of this name suggests time-zone ids as the member types. */
  boolean suggestsZones(String optionName) {
    return entries.stream()
        .flatMap(e -> e.args().stream())
        .anyMatch(a -> a.zones() && a.option().getName().equals(optionName));
  }

  // ---- a declared subcommand, as Discord knows it ----

  private static Entry entry(Slash slash, RoadmapSizes roadmap) {
    return new Entry(
        slash.group().map(g -> new Group(g.name(), g.description())),
        slash.name(),
        slash.description(),
        slash.says(),
        slash.options().stream().map(o -> arg(o, roadmap)).toList());
  }

  private static Arg arg(SlashOption declared, RoadmapSizes roadmap) {
    OptionData option =
        new OptionData(
            type(declared.type()),
            declared.name(),
            declared.description(roadmap),
            declared.required(),
            declared.zones());
    declared
        .range()
        .map(range -> range.bounds(roadmap))
        .ifPresent(bounds -> option.setRequiredRange(bounds.min(), bounds.max()));
    declared.maxLength().ifPresent(option::setMaxLength);
    declared.choices().forEach(choice -> option.addChoice(choice.label(), choice.value()));
    if (declared.textChannelsOnly()) {
      option.setChannelTypes(ChannelType.TEXT);
    }
    return new Arg(option, declared.said(), declared.zones());
  }

  private static OptionType type(SlashOption.Type type) {
    return switch (type) {
      case TEXT -> OptionType.STRING;
      case INTEGER -> OptionType.INTEGER;
      case BOOLEAN -> OptionType.BOOLEAN;
      case MEMBER -> OptionType.USER;
      case CHANNEL -> OptionType.CHANNEL;
      case ATTACHMENT -> OptionType.ATTACHMENT;
    };
  }
}
