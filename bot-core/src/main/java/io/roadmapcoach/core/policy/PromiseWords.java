package io.roadmapcoach.core.policy;

import io.roadmapcoach.core.member.Channel;
import io.roadmapcoach.core.policy.Outlook.Where;
import io.roadmapcoach.core.time.Dates;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * How the policy's promises read, the same in every reply: times in the member's own zone ("Tue 3
 * Mar 09:00"), and each reason for nothing in a few words. Command hints are the replies' own.
 */
public final class PromiseWords {
  private PromiseWords() {}

  /** "Tue 3 Mar 09:00", in {@code zone}. */
  public static String when(Instant at, ZoneId zone) {
    return Dates.dayAndTime(LocalDateTime.ofInstant(at, zone));
  }

  /** "today at 09:00" or "Tue 3 Mar at 09:00", seen from {@code now}, in {@code zone}. */
  public static String day(Instant at, ZoneId zone, Instant now) {
    LocalDateTime local = LocalDateTime.ofInstant(at, zone);
    LocalDate today = now.atZone(zone).toLocalDate();
    String day = local.toLocalDate().equals(today) ? "today" : Dates.day(local.toLocalDate());
    return day + " at " + local.toLocalTime();
  }

  /** Why nothing comes, in a few words that follow "none: ". */
  public static String why(Why why, Channel home) {
    return switch (why) {
      case NOT_ENROLLED -> "you have not started the roadmap";
      case LEFT -> "you are in no channel's group now";
      case UNREACHABLE -> "I could not reach you by direct message; write to me and I try again";
      case OFF -> "reminders are off";
      case PAUSED -> "paused after five nudges in a row went unanswered";
      case PAUSES_FIRST -> "your nudges pause before then (five in a row unanswered)";
      case AWAY -> "your status says you are away";
      case POST_OFF -> "#" + home.name() + "'s daily post is turned off";
      case GRADUATED_IN_POST -> "the daily post names members still on the roadmap";
      case NONE_AHEAD -> "none in the coming weeks";
      case EVENING_OFF -> "off";
      case NOT_TODAY -> "today does not count (not a reminder day, snoozed, or a holiday)";
      case ACTIVE_TODAY -> "you made progress today";
      case NO_STREAK -> "no streak to lose yet";
      case NOT_AT_RISK -> "your streak is safe tonight";
      case DONE_TODAY -> "tonight's time has passed";
      case NOT_SEEKING -> "you have not asked for a buddy";
      case SNOOZED_THEN -> "you are snoozed that day";
      case NO_QUIZ -> "#" + home.name() + "'s roadmap has no quiz";
    };
  }

  /**
   * The next nudge, as a status field's value: "Tue 3 Mar 09:00", its last before a pause said, or
   * why none comes.
   */
  public static String nudge(Outlook outlook, Channel home) {
    Outlook.Nudge n = outlook.nudge();
    if (n.at().isEmpty()) {
      return "none: " + why(n.why().orElseThrow(), home);
    }
    String when = when(n.at().get(), outlook.zone());
    if (!n.last()) {
      return when;
    }
    return n.where() == Where.DM
        ? when + ", the last before a pause (five in a row went unanswered)"
        : when + ": instead of naming you, a goodbye by DM, and a pause (five went unanswered)";
  }

  /** The next weekly quiz invitation, as a status field's value. */
  public static String quiz(Outlook outlook, Channel home) {
    Outlook.Quiz q = outlook.quiz();
    if (q.at().isEmpty()) {
      return "none: " + why(q.why().orElseThrow(), home);
    }
    String when = when(q.at().get(), outlook.zone());
    if (q.where() == Where.CHANNEL) {
      return when + ", called in #" + home.name();
    }
    return q.held()
        ? when + ", by DM with your reminder (held back while you were away)"
        : when + ", by DM";
  }

  /** Tonight's evening warning, as a status field's value. */
  public static String evening(Outlook outlook, Channel home) {
    Outlook.Evening e = outlook.evening();
    return e.at().isPresent()
        ? "tonight at "
            + LocalDateTime.ofInstant(e.at().get(), outlook.zone()).toLocalTime()
            + ", unless you make progress first"
        : "not tonight: " + why(e.why().orElseThrow(), home);
  }

  /** The next buddy pairing, as a status field's value. */
  public static String pairing(Outlook outlook, Channel home) {
    Outlook.Pairing p = outlook.pairing();
    String when = when(p.round(), outlook.zone());
    return p.included() ? when : when + ", without you: " + why(p.why().orElseThrow(), home);
  }
}
