package io.roadmapcoach.core.feature;

import java.util.List;
import java.util.Optional;

/**
 * How a command shows as a subcommand on a platform of typed slash commands (Discord), and the
 * core's text a filled-in one stands for: its words, then each option's value in declared order.
 *
 * @param group the group it shows in; empty for a subcommand of its own
 * @param name its name on the platform
 * @param says the core's words it stands for ({@code remind at}, {@code holidays})
 */
public record Slash(
    Optional<SlashGroup> group,
    String name,
    String description,
    String says,
    List<SlashOption> options) {
  public Slash {
    options = List.copyOf(options);
  }

  /** A subcommand of its own, named by the command's (one) word. */
  public static Slash of(Words words, String description, SlashOption... options) {
    return new Slash(Optional.empty(), words.text(), description, words.text(), List.of(options));
  }

  /** A subcommand in a group, named by the command's last word: {@code at} in {@code remind}. */
  public static Slash in(
      SlashGroup group, Words words, String description, SlashOption... options) {
    return new Slash(
        Optional.of(group), words.path().getLast(), description, words.text(), List.of(options));
  }

  /** The same subcommand under a name of the platform's own ({@code for} in {@code snooze}). */
  public Slash named(String platformName) {
    return new Slash(group, platformName, description, says, options);
  }
}
