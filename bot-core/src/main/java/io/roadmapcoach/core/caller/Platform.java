package io.roadmapcoach.core.caller;

import java.util.Locale;

/** Where a member chats with the coach. Stored by its lower-case name. */
public enum Platform {
  CONSOLE,
  SLACK,
  DISCORD;

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Platform ofKey(String key) {
    return valueOf(key.toUpperCase(Locale.ROOT));
  }
}
