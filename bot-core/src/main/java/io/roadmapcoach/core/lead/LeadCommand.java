package io.roadmapcoach.core.lead;

import io.roadmapcoach.core.caller.MemberRef;
import io.roadmapcoach.core.feature.Command;
import io.roadmapcoach.core.member.ReminderMode;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;

/** What leads ask of their channel: the team, lead roles, the channel's settings, nudges. */
public sealed interface LeadCommand extends Command {

  record Team(boolean csv) implements LeadCommand {}

  record QuizDay(DayOfWeek day, LocalTime time) implements LeadCommand {}

  record ChannelTimeZone(ZoneId zone) implements LeadCommand {}

  /** The channel's default reminder mode. */
  record ChannelReminders(ReminderMode mode) implements LeadCommand {}

  record Lead(MemberRef member) implements LeadCommand {}

  record Unlead(MemberRef member) implements LeadCommand {}

  record SetStage(MemberRef member, int stage) implements LeadCommand {}

  /** A lead's friendly nudge to a member of the channel, now. */
  record Nudge(MemberRef member) implements LeadCommand {}

  /** The lead's own weekly digest of this channel, on or off. */
  record Digest(boolean on) implements LeadCommand {}
}
