package io.roadmapcoach.core.settings;

import io.roadmapcoach.core.feature.Command;
import io.roadmapcoach.core.member.ReminderDays;
import io.roadmapcoach.core.member.ReminderMode;
import java.time.LocalTime;
import java.time.ZoneId;

/** A member's own settings: the daily nudge, their time zone, a snooze. */
public sealed interface SettingsCommand extends Command {

  record RemindAt(LocalTime time) implements SettingsCommand {}

  record RemindSwitch(boolean on) implements SettingsCommand {}

  record RemindDays(ReminderDays days) implements SettingsCommand {}

  /** The member's own choice of DM or channel, over the channel's default. */
  record RemindVia(ReminderMode mode) implements SettingsCommand {}

  record SetTimeZone(ZoneId zone) implements SettingsCommand {}

  record Snooze(int days) implements SettingsCommand {}

  /** Ends a running snooze. */
  record SnoozeOff() implements SettingsCommand {}
}
