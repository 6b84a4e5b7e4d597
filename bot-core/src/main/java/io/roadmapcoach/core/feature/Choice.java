package io.roadmapcoach.core.feature;

import io.roadmapcoach.core.reply.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A grammar of fixed words, each meaning one command ({@code on} and {@code off}, {@code week} and
 * {@code all}), in any letter case; a word may have others that mean the same ({@code all-time}).
 * Anything else is refused with the command's forms, or with its family's when it has one: a word
 * that none of these is may have been meant for a sibling command.
 */
public final class Choice<C extends Command> implements Grammar<C> {
  /** One fixed word, the others that mean the same, and the command they mean. */
  public record Option<C>(String word, List<String> synonyms, C command) {
    boolean matches(String typed) {
      String lower = typed.toLowerCase(Locale.ROOT);
      return word.equals(lower) || synonyms.contains(lower);
    }
  }

  private final List<Option<C>> options;
  private final Optional<C> bare;

  private Choice(List<Option<C>> options, Optional<C> bare) {
    this.options = List.copyOf(options);
    this.bare = bare;
  }

  public static <C extends Command> Choice<C> of() {
    return new Choice<>(List.of(), Optional.empty());
  }

  /** One more word, and the words that mean the same. */
  public Choice<C> word(String word, C command, String... synonyms) {
    List<Option<C>> more = new ArrayList<>(options);
    more.add(new Option<>(word, List.of(synonyms), command));
    return new Choice<>(more, bare);
  }

  /** The command meant when no word follows. */
  public Choice<C> orNone(C command) {
    return new Choice<>(options, Optional.of(command));
  }

  /** The fixed words, in the order declared. */
  public List<Option<C>> options() {
    return options;
  }

  @Override
  public Reading<C> read(Arguments args) {
    if (args.isEmpty() && bare.isPresent()) {
      return Reading.read(bare.get());
    }
    if (args.size() == 1) {
      for (Option<C> option : options) {
        if (option.matches(args.first())) {
          return Reading.read(option.command());
        }
      }
    }
    return new Reading.Refused<>(forms(args.command()), true);
  }

  /** "Use `/roadmap digest on` or `/roadmap digest off`." */
  private Text forms(Words command) {
    return Forms.use(commands(command).stream().map(c -> Words.SLASH_COMMAND + " " + c).toList());
  }

  /** Each command this choice reads, as typed after {@code /roadmap}: {@code digest on}. */
  List<String> commands(Words command) {
    List<String> all = new ArrayList<>();
    bare.ifPresent(none -> all.add(command.text()));
    options.forEach(option -> all.add(command.text() + " " + option.word()));
    return all;
  }
}
