package io.roadmapcoach.core.command;

import io.roadmapcoach.core.action.Action;
import io.roadmapcoach.core.feature.ButtonDeclaration;
import io.roadmapcoach.core.feature.Command;
import io.roadmapcoach.core.feature.CommandDeclaration;
import io.roadmapcoach.core.feature.Feature;
import io.roadmapcoach.core.feature.Manner;
import io.roadmapcoach.core.feature.Slash;
import io.roadmapcoach.core.feature.Usage;
import io.roadmapcoach.core.reply.Reply;
import io.roadmapcoach.core.roadmap.Roadmap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every command and button the features declare, help first and then in the order the features are
 * listed: the one source of the parser, help, the lead check and the platforms' command surfaces. A
 * command's record class finds its declaration, a button's action class its handler.
 */
public final class Commands {
  private final Roadmap roadmap;
  private final List<CommandDeclaration<?>> declarations;
  private final Map<Class<?>, CommandDeclaration<?>> byType = new HashMap<>();
  private final Map<Class<?>, ButtonDeclaration<?>> buttons = new HashMap<>();
  private final CommandParser parser;

  private Commands(Roadmap roadmap, List<Feature> features) {
    this.roadmap = roadmap;
    List<Feature> all = new ArrayList<>();
    all.add(new HelpFeature(this::help));
    all.addAll(features);
    List<CommandDeclaration<?>> declared = new ArrayList<>();
    for (Feature feature : all) {
      for (CommandDeclaration<?> declaration : feature.commands()) {
        if (byType.putIfAbsent(declaration.type(), declaration) != null) {
          throw new IllegalStateException(declaration.type() + " is declared twice");
        }
        declared.add(declaration);
      }
      for (ButtonDeclaration<?> button : feature.buttons()) {
        if (buttons.putIfAbsent(button.type(), button) != null) {
          throw new IllegalStateException(button.type() + " is answered twice");
        }
      }
    }
    this.declarations = List.copyOf(declared);
    requireUniqueSlashes(declarations);
    this.parser = new CommandParser(roadmap, declarations);
  }

  /** Help, then the features' commands and buttons in the order given. */
  public static Commands of(Roadmap roadmap, List<Feature> features) {
    return new Commands(roadmap, features);
  }

  public Roadmap roadmap() {
    return roadmap;
  }

  public List<CommandDeclaration<?>> declarations() {
    return declarations;
  }

  public CommandParser parser() {
    return parser;
  }

  public Command parse(String text) {
    return parser.parse(text);
  }

  /** The commands' own first words: {@code help}, {@code start}, ..., {@code remind}, ... */
  public List<String> names() {
    return parser.names();
  }

  /** Every line of help, in registry order. */
  public List<Usage> usages() {
    return declarations.stream().flatMap(d -> d.usages().stream()).toList();
  }

  public Optional<CommandDeclaration<?>> declaration(Command command) {
    return Optional.ofNullable(byType.get(command.getClass()));
  }

  public Optional<ButtonDeclaration<?>> button(Action action) {
    return Optional.ofNullable(buttons.get(action.getClass()));
  }

  /** Every subcommand a platform of typed slash commands registers, in registry order. */
  public List<Slash> slashes() {
    return declarations.stream().flatMap(d -> d.slashes().stream()).toList();
  }

  /** How a platform should acknowledge this text, before the core has answered it. */
  public Manner manner(String text) {
    Command command = parse(text);
    return declaration(command).map(d -> d.manner(command)).orElse(Manner.QUICK_AND_PRIVATE);
  }

  /**
   * Whether this text is a command that takes a file: a platform without a file option on its typed
   * command (Slack) asks for the file first, then sends the same text with it.
   */
  public boolean takesFile(String text) {
    return declaration(parse(text)).map(CommandDeclaration::takesFile).orElse(false);
  }

  /** Every command with its line: members' first, then the leads'. */
  public Reply help() {
    return HelpReplies.help(roadmap, declarations);
  }

  /** Two subcommands of one name in one place would fail Discord's registration whole. */
  private static void requireUniqueSlashes(List<CommandDeclaration<?>> declarations) {
    Set<String> seen = new HashSet<>();
    for (CommandDeclaration<?> declaration : declarations) {
      for (Slash slash : declaration.slashes()) {
        String path = slash.group().map(g -> g.name() + " ").orElse("") + slash.name();
        if (!seen.add(path)) {
          throw new IllegalStateException("Two subcommands are named " + path);
        }
      }
    }
  }
}
