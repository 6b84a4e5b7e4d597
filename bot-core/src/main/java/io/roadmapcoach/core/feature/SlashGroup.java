package io.roadmapcoach.core.feature;

/**
 * A group of subcommands as a platform of typed slash commands shows it ({@code /roadmap remind at}
 * on Discord, which allows 25 subcommands or groups on a command).
 */
public record SlashGroup(String name, String description) {

  /** A group named by the first word of the commands in it: {@code remind}. */
  public static SlashGroup of(Words words, String description) {
    return new SlashGroup(words.first(), description);
  }
}
