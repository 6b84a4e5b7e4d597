package io.roadmapcoach.core.command;

import io.roadmapcoach.core.action.Action;
import io.roadmapcoach.core.caller.MemberRef;
import io.roadmapcoach.core.leaderboard.Period;
import io.roadmapcoach.core.member.ReminderDays;
import io.roadmapcoach.core.member.ReminderMode;
import io.roadmapcoach.core.reply.Text;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Everything a member can ask of the coach, typed or pressed. {@link CommandParser} makes them from
 * text, a pressed button is a {@link Pressed} action; {@link Coach} handles each.
 */
public sealed interface Command {

  /** A button pressed: the action its id carried. */
  record Pressed(Action action) implements Command {}

  /** Commands only a channel's leads may run. */
  sealed interface LeadCommand extends Command {}

  record Help() implements Command {}

  /** Text that names no command; answered with the closest command, when close, and help's name. */
  record Unknown(String input, Optional<String> suggestion) implements Command {}

  /**
   * A first word that starts with a slash but is not {@code /roadmap} ({@code /roadmapstatus},
   * {@code /roadmp status}); {@code meant} is the whole command it most likely means, when one is
   * close.
   */
  record Misspelt(String typed, Optional<String> meant) implements Command {}

  /** A known command with arguments that are not of its form; the message says the right form. */
  record Invalid(Text message) implements Command {}

  record Start() implements Command {}

  record Status(Optional<MemberRef> member) implements Command {}

  record Stages() implements Command {}

  /** One stage's details; the member's own when no number is given. */
  record ShowStage(OptionalInt number) implements Command {}

  /** Check an objective of the current stage off; the argument is checked against the stage. */
  record Done(String objective) implements Command {}

  record Undo(String objective) implements Command {}

  record Quiz() implements Command {}

  record Next() implements Command {}

  record Leaderboard(Period period) implements Command {}

  record LeaderboardVisibility(boolean hidden) implements Command {}

  record RemindAt(LocalTime time) implements Command {}

  record RemindSwitch(boolean on) implements Command {}

  record RemindDays(ReminderDays days) implements Command {}

  /** The member's own choice of DM or channel, over the channel's default. */
  record RemindVia(ReminderMode mode) implements Command {}

  record SetTimeZone(ZoneId zone) implements Command {}

  record Snooze(int days) implements Command {}

  /** Ends a running snooze. */
  record SnoozeOff() implements Command {}

  record Team(boolean csv) implements LeadCommand {}

  record QuizDay(DayOfWeek day, LocalTime time) implements LeadCommand {}

  record ChannelTimeZone(ZoneId zone) implements LeadCommand {}

  /** The channel's default reminder mode. */
  record ChannelReminders(ReminderMode mode) implements LeadCommand {}

  record Lead(MemberRef member) implements LeadCommand {}

  record Unlead(MemberRef member) implements LeadCommand {}

  record SetStage(MemberRef member, int stage) implements LeadCommand {}

  /** Leave this channel's cohort; progress is kept. */
  record Leave() implements Command {}

  /**
   * Make a channel the home one (commands from a direct message act there); show it when empty.
   *
   * @param channel the platform's id or the name of the channel, as typed or mentioned
   */
  record Home(Optional<String> channel) implements Command {}

  /** The channel's settings, for anyone to read. */
  record Settings() implements Command {}

  /** The time of the channel's daily post, in the channel's time zone. */
  record PostAt(LocalTime time) implements LeadCommand {}

  record PostDays(ReminderDays days) implements LeadCommand {}

  record PostSwitch(boolean on) implements LeadCommand {}

  /** A lead's friendly nudge to a member of the channel, now. */
  record Nudge(MemberRef member) implements LeadCommand {}

  /** A single-use link to the leads' dashboard. */
  record Dashboard() implements LeadCommand {}

  /** The channel's funnel and last weeks as a picture. */
  record TeamChart() implements LeadCommand {}

  /** The lead's own weekly digest of this channel, on or off. */
  record Digest(boolean on) implements LeadCommand {}

  /** The member's study buddy when empty; pair me up every Monday, or stop. */
  record Buddy(Optional<Boolean> on) implements Command {}

  /**
   * The evening warning before a streak breaks: shown when both are empty; a time turns it on.
   *
   * @param at the member's local time
   */
  record RemindEvening(Optional<Boolean> on, Optional<LocalTime> at) implements Command {}

  /** Days off for the channel, {@code from} to {@code to} inclusive (the same day for one). */
  record Holiday(LocalDate from, LocalDate to) implements LeadCommand {}

  /** The channel's days off from today on. */
  record Holidays() implements LeadCommand {}

  /** A day off taken back. */
  record HolidayClear(LocalDate day) implements LeadCommand {}

  /** Everything kept about the member, as a file for them. */
  record Export() implements Command {}

  /** Erase everything kept about the member: asks first, with a button only they may press. */
  record ForgetMe() implements Command {}
}
