package io.roadmapcoach.core.reply;

/** Who sees a reply. */
public enum Visibility {
  /** Only the member who asked (Slack ephemeral, Discord ephemeral). */
  CALLER,
  /** Everyone in the channel. */
  CHANNEL
}
