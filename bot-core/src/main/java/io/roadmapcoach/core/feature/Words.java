package io.roadmapcoach.core.feature;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The words that name a command after {@code /roadmap}: its path ({@code remind at}) and other
 * words members may type for the first ({@code board} for {@code leaderboard}). Each path is spelt
 * once, in the feature that declares the command; replies that point at a command build the hint
 * from the same constant ({@link #hint()}), so renaming a command cannot leave a stale hint.
 */
public record Words(List<String> path, List<String> aliases) {
  /** What members type first. */
  public static final String SLASH_COMMAND = "/roadmap";

  /**
   * Help is the coach's own command, answered in {@code command}; its words sit here, below every
   * feature, because every feature may point a member at it.
   */
  public static final Words HELP = Words.of("help").or("?");

  public Words {
    path = List.copyOf(path);
    aliases = List.copyOf(aliases);
    if (path.isEmpty()) {
      throw new IllegalArgumentException("A command has at least one word");
    }
    for (String word : path) {
      Objects.requireNonNull(word);
      if (word.isBlank() || word.contains(" ") || !word.equals(word.toLowerCase(Locale.ROOT))) {
        throw new IllegalArgumentException("Not a command word: \"" + word + "\"");
      }
    }
  }

  public static Words of(String first) {
    return new Words(List.of(first), List.of());
  }

  /** A longer path under these words: {@code REMIND.then("at")}. */
  public Words then(String next) {
    List<String> longer = new ArrayList<>(path);
    longer.add(next);
    return new Words(longer, aliases);
  }

  /** Other words members may type for the first word ({@code join} for {@code start}). */
  public Words or(String... others) {
    List<String> all = new ArrayList<>(aliases);
    all.addAll(List.of(others));
    return new Words(path, all);
  }

  public String first() {
    return path.getFirst();
  }

  /** The first word and its aliases: what a member may type first for this command. */
  public List<String> firstWords() {
    List<String> all = new ArrayList<>();
    all.add(first());
    all.addAll(aliases);
    return all;
  }

  /** The words as typed after {@code /roadmap}: {@code remind at}. */
  public String text() {
    return String.join(" ", path);
  }

  /** The command as a member types it: {@code /roadmap remind at}. */
  public String hint() {
    return SLASH_COMMAND + " " + text();
  }

  /** The command with its arguments: {@code hint("09:30")} is {@code /roadmap remind at 09:30}. */
  public String hint(Object arguments) {
    String given = String.valueOf(arguments);
    return given.isEmpty() ? hint() : hint() + " " + given;
  }

  @Override
  public String toString() {
    return text();
  }
}
