package io.roadmapcoach.core.command;

import io.roadmapcoach.core.command.HelpCommand.Help;
import io.roadmapcoach.core.command.Input.Invalid;
import io.roadmapcoach.core.feature.Command;
import io.roadmapcoach.core.feature.CommandDeclaration;
import io.roadmapcoach.core.feature.Forms;
import io.roadmapcoach.core.feature.Reading;
import io.roadmapcoach.core.feature.Usage;
import io.roadmapcoach.core.feature.Words;
import io.roadmapcoach.core.reply.Echo;
import io.roadmapcoach.core.reply.Text;
import io.roadmapcoach.core.roadmap.Roadmap;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns what follows {@code /roadmap} into a {@link Command}, from the declared commands alone: the
 * longest run of words that names commands picks them, and their grammars read the rest. Every bad
 * argument becomes an {@link Invalid} whose message names the right form; when the words fit none
 * of a family of commands sharing a first word ({@code remind later}), the message lists the
 * family's forms. Nothing here touches stored data.
 */
public final class CommandParser {
  private static final Pattern WHITESPACE = Pattern.compile("(?U)\\s+");
  private static final String COMMAND = Words.SLASH_COMMAND.substring(1);

  private final Roadmap roadmap;

  /** Declarations by their words ({@code remind at}, {@code remind}), in registry order. */
  private final Map<String, List<CommandDeclaration<?>>> byPath = new LinkedHashMap<>();

  /** Declarations by their first word: a family shares one. */
  private final Map<String, List<CommandDeclaration<?>>> families = new LinkedHashMap<>();

  /** Each word a member may type first, and the command's own first word it stands for. */
  private final Map<String, String> firstWords = new LinkedHashMap<>();

  public CommandParser(Roadmap roadmap, List<CommandDeclaration<?>> declarations) {
    this.roadmap = roadmap;
    for (CommandDeclaration<?> declaration : declarations) {
      Words words = declaration.words();
      byPath.computeIfAbsent(words.text(), w -> new ArrayList<>()).add(declaration);
      families.computeIfAbsent(words.first(), w -> new ArrayList<>()).add(declaration);
      for (String first : words.firstWords()) {
        String known = firstWords.putIfAbsent(first, words.first());
        if (known != null && !known.equals(words.first())) {
          throw new IllegalStateException(
              "\"" + first + "\" names both " + known + " and " + words.first());
        }
      }
    }
  }

  /** The commands' own first words, in registry order: what "did you mean" chooses from. */
  public List<String> names() {
    return List.copyOf(families.keySet());
  }

  public Command parse(String input) {
    List<String> words = words(normalized(input == null ? "" : input));
    if (!words.isEmpty() && words.getFirst().startsWith("/")) {
      if (!words.getFirst().equalsIgnoreCase(Words.SLASH_COMMAND)) {
        return misspelt(words.getFirst(), words.subList(1, words.size()));
      }
      words = words.subList(1, words.size());
    }
    if (words.isEmpty()) {
      return new Help();
    }
    Optional<Command> split = splitCommand(words);
    if (split.isPresent()) {
      return split.get();
    }
    String typed = words.getFirst().toLowerCase(Locale.ROOT);
    String first = firstWords.get(typed);
    if (first == null) {
      return new Input.Unknown(String.join(" ", words), suggest(typed));
    }
    if (words.size() > 1) {
      String longer = first + " " + words.get(1).toLowerCase(Locale.ROOT);
      if (byPath.containsKey(longer)) {
        return read(first, byPath.get(longer), words.subList(2, words.size()), false);
      }
    }
    List<CommandDeclaration<?>> here = byPath.getOrDefault(first, List.of());
    if (here.isEmpty()) {
      // only longer commands start with this word: none is named by it alone
      return new Invalid(familyForms(first));
    }
    return read(first, here, words.subList(1, words.size()), true);
  }

  /**
   * The command the arguments make with the first declaration that reads them. When none does, its
   * own refusal answers, or, for a word none of a family's commands expects, the family's forms.
   */
  private Command read(
      String first, List<CommandDeclaration<?>> here, List<String> args, boolean firstWordOnly) {
    if (args.isEmpty()) {
      for (CommandDeclaration<?> declaration : here) {
        if (declaration.bare().isPresent()) {
          return declaration.bare().get();
        }
      }
    }
    List<Reading.Refused<?>> refusals = new ArrayList<>();
    for (CommandDeclaration<?> declaration : here) {
      switch (declaration.read(args, roadmap)) {
        case Reading.Read<?> read -> {
          return read.command();
        }
        case Reading.Refused<?> refused -> refusals.add(refused);
      }
    }
    boolean toFamily =
        firstWordOnly
            && families.get(first).size() > 1
            && refusals.stream().allMatch(Reading.Refused::toFamily);
    if (toFamily) {
      return new Invalid(familyForms(first));
    }
    return new Invalid(
        refusals.stream()
            .filter(r -> !r.toFamily())
            .findFirst()
            .orElse(refusals.getFirst())
            .message());
  }

  /**
   * "Use `/roadmap remind at 09:30`, `/roadmap remind on`, ... or `/roadmap remind dm|channel`."
   */
  private Text familyForms(String first) {
    List<String> forms = new ArrayList<>();
    for (CommandDeclaration<?> declaration : families.get(first)) {
      for (Usage usage : declaration.usages()) {
        Forms.shown(usage.form(), declaration.examples().getFirst())
            .forEach(shown -> forms.add(Words.SLASH_COMMAND + " " + shown));
      }
    }
    return Forms.use(forms);
  }

  /** The words typed: any run of whitespace (spaces, tabs, no-break spaces) separates two. */
  private static List<String> words(String input) {
    return WHITESPACE.splitAsStream(input).filter(word -> !word.isEmpty()).toList();
  }

  /**
   * What was typed, in the one form every grammar reads: Unicode NFKC (full-width {@code ０９:００} is
   * {@code 09:00}, a ligature its letters), every decimal digit of any script as its ASCII digit,
   * control characters as spaces, and format characters (bidi overrides, zero-width spaces) gone.
   * Letter case is left to the grammars: a platform's mention ({@code <@U024BE7LH>}) keeps its
   * case, and every word a grammar matches it matches in any case.
   */
  static String normalized(String input) {
    String composed = Normalizer.normalize(input, Normalizer.Form.NFKC);
    StringBuilder out = new StringBuilder(composed.length());
    composed
        .codePoints()
        .forEach(
            c -> {
              int type = Character.getType(c);
              if (type == Character.FORMAT || type == Character.SURROGATE) {
                return;
              }
              if (type == Character.CONTROL && !Character.isWhitespace(c)) {
                out.append(' ');
              } else if (type == Character.DECIMAL_DIGIT_NUMBER) {
                out.append((char) ('0' + Character.digit(c, 10)));
              } else {
                out.appendCodePoint(c);
              }
            });
    return out.toString();
  }

  /**
   * A command of one hyphenated word typed as two ({@code forget me}, {@code set stage @ben 3},
   * {@code quiz day fri 10:00}): answered with the command meant, not run, since the words may have
   * meant something else. Empty when the first two words are a command's own path.
   */
  private Optional<Command> splitCommand(List<String> words) {
    if (words.size() < 2) {
      return Optional.empty();
    }
    String first = words.get(0).toLowerCase(Locale.ROOT);
    String known = firstWords.get(first);
    if (known != null && byPath.containsKey(known + " " + words.get(1).toLowerCase(Locale.ROOT))) {
      return Optional.empty();
    }
    String glued = compact(first + words.get(1));
    return families.keySet().stream()
        .filter(name -> !name.equals(known) && compact(name).equals(glued))
        .findFirst()
        .map(
            name ->
                new Input.Misspelt(
                    Words.SLASH_COMMAND + " " + String.join(" ", words),
                    Optional.of(
                        Words.SLASH_COMMAND
                            + " "
                            + String.join(" ", prepend(name, words.subList(2, words.size()))))));
  }

  /**
   * A command word without its joints: {@code forget-me} and {@code forget_me} are {@code
   * forgetme}.
   */
  private static String compact(String word) {
    return word.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
  }

  /**
   * A first word that starts with a slash but is not {@code /roadmap}: the name glued to its
   * subcommand ({@code /roadmapstatus}), misspelt ({@code /roadmp status}), or left out ({@code
   * /status}). Answered with the command it most likely means, when one is close.
   */
  private Command misspelt(String first, List<String> rest) {
    String typed = first + (rest.isEmpty() ? "" : " " + String.join(" ", rest));
    String glued = first.substring(1).toLowerCase(Locale.ROOT);
    Optional<List<String>> meant =
        glued.length() > Echo.LIMIT ? Optional.empty() : meantWords(glued, rest);
    return new Input.Misspelt(
        typed, meant.map(words -> Words.SLASH_COMMAND + " " + String.join(" ", words)));
  }

  /** The words after {@code /roadmap} that a slash word and what follows it most likely mean. */
  private Optional<List<String>> meantWords(String glued, List<String> rest) {
    if (families.containsKey(glued)) {
      return Optional.of(prepend(glued, rest)); // "/status"
    }
    Optional<List<String>> best = Optional.empty();
    int bestCost = Integer.MAX_VALUE;
    // every way to read the word as a near "roadmap" followed by a (near) subcommand
    for (int cut = 1; cut <= glued.length(); cut++) {
      int cost = distance(glued.substring(0, cut), COMMAND);
      if (cost > 2) {
        continue;
      }
      String tail = glued.substring(cut);
      Optional<List<String>> words;
      if (tail.isEmpty()) {
        words = Optional.of(rest.isEmpty() ? List.of(Words.HELP.first()) : correctFirst(rest));
      } else if (families.containsKey(tail)) {
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
  private List<String> correctFirst(List<String> words) {
    String first = words.getFirst().toLowerCase(Locale.ROOT);
    if (families.containsKey(first)) {
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

  /** The closest subcommand name, when one is close enough to be a typo. */
  Optional<String> suggest(String typed) {
    if (typed.length() > Echo.LIMIT) {
      return Optional.empty(); // no subcommand is that long, and distances cost length squared
    }
    return families.keySet().stream()
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
