package io.roadmapcoach.core.member;

import java.util.Locale;

/** Where reminders go: a direct message to each member, or one daily post in the channel. */
public enum ReminderMode {
  DM,
  CHANNEL;

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static ReminderMode ofKey(String key) {
    return valueOf(key.toUpperCase(Locale.ROOT));
  }
}
