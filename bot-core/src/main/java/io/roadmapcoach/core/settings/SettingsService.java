package io.roadmapcoach.core.settings;

import io.roadmapcoach.core.member.Member;
import io.roadmapcoach.core.member.MemberRepository;
import io.roadmapcoach.core.member.NextNudge;
import io.roadmapcoach.core.member.ReminderDays;
import io.roadmapcoach.core.member.ReminderMode;
import io.roadmapcoach.core.member.Scope;
import io.roadmapcoach.core.reply.Reply;
import io.roadmapcoach.core.reply.Text;
import io.roadmapcoach.core.time.Dates;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;

/**
 * A member's own preferences: time zone, daily nudge, snooze. Settings are not activity: they
 * neither keep a streak alive nor stop the day's nudge.
 */
public final class SettingsService {
  private final MemberRepository members;

  public SettingsService(MemberRepository members) {
    this.members = members;
  }

  public Reply timeZone(Scope scope, ZoneId zone) {
    members.setChosenZone(scope.member().id(), zone);
    LocalTime there = scope.now().atZone(zone).toLocalTime().withSecond(0).withNano(0);
    return Reply.text(
        Text.of("🕘 Your time zone is now ")
            .bold(zone.getId())
            .plain(
                " (it is "
                    + there
                    + " there). Your nudge comes at "
                    + scope.member().remindTime()
                    + " your time."));
  }

  public Reply remindAt(Scope scope, LocalTime time) {
    members.setRemindTime(scope.member().id(), time);
    Text text =
        Text.of("⏰ Your daily nudge now comes at ")
            .bold(time.toString())
            .plain(" " + scope.zone().getId() + ", " + days(scope.member().remindDays()) + ".");
    boolean zoneGuessed =
        scope.member().chosenZone().isEmpty() && scope.member().platformZone().isEmpty();
    if (zoneGuessed) {
      text =
          text.plain(" Not your zone? Set it with ")
              .code(SettingsFeature.TZ.hint("Europe/Berlin"))
              .plain(".");
    }
    return Reply.text(text);
  }

  public Reply remindSwitch(Scope scope, boolean on) {
    members.setRemindEnabled(scope.member().id(), on);
    if (!on) {
      return Reply.text(
          Text.of("🔕 Daily nudges are off. ")
              .code(SettingsFeature.REMIND.hint("on"))
              .plain(" turns them back on."));
    }
    return Reply.text(
        Text.of(
                "🔔 Daily nudges are on: "
                    + scope.member().remindTime()
                    + " "
                    + scope.zone().getId()
                    + ", ")
            .plain(days(scope.member().remindDays()) + ".")
            .append(snoozeStillOn(scope)));
  }

  /** Turning nudges on keeps a running snooze: say so, and how to end it. */
  private static Text snoozeStillOn(Scope scope) {
    Member member = scope.member();
    if (!member.hasSnoozeLeft(scope.today())) {
      return Text.empty();
    }
    return Text.of(
            " You are snoozed through " + Dates.day(member.snoozedUntil().orElseThrow()) + "; ")
        .code(SettingsFeature.SNOOZE.hint("off"))
        .plain(" ends it.");
  }

  public Reply remindDays(Scope scope, ReminderDays days) {
    members.setRemindDays(scope.member().id(), days);
    return Reply.text(
        Text.of(
            "📅 You will be nudged "
                + days(days)
                + ". Those are also the days your streak counts."));
  }

  public Reply remindVia(Scope scope, ReminderMode mode) {
    members.setRemindVia(scope.member().id(), mode);
    return Reply.text(
        mode == ReminderMode.DM
            ? Text.of("📬 Your nudges come as a direct message, whatever the channel's default.")
            : Text.of(
                "📣 Your nudges come in #"
                    + scope.home().name()
                    + "'s daily post, with the rest of the group: "
                    + scope.home().postTime()
                    + "."));
  }

  public Reply snooze(Scope scope, int days) {
    LocalDate today = scope.today();
    LocalDate last = today.plusDays(days - 1L);
    members.snooze(scope.member().id(), today, last);
    Member snoozed = members.member(scope.member().id());
    // snoozed from today on, so whether they were active today changes nothing
    Text resume =
        resumeLine(
            scope,
            snoozed,
            false,
            "They resume ",
            "After that you are back in the daily post of #");
    return Reply.text(
        Text.of("😴 Nudges paused through " + Dates.day(last) + ". ")
            .append(resume)
            .plain(" Snoozed days do not break your streak."));
  }

  /**
   * Ends a snooze: the days left of it count for the streak again, and nudges come from the next
   * reminder day on (today's too, while its time has not come and the member has not been active).
   */
  public Reply endSnooze(Scope scope, boolean activeToday) {
    Member member = scope.member();
    if (!member.hasSnoozeLeft(scope.today())) {
      return Reply.text(
          Text.of("You are not snoozed, so there is nothing to end. ")
              .append(
                  resumeLine(
                      scope,
                      member,
                      activeToday,
                      "Your next nudge: ",
                      "You are in the daily post of #")));
    }
    members.endSnooze(member.id());
    Member awake = members.member(member.id());
    return Reply.text(
        Text.of("⏰ Snooze ended. ")
            .append(
                resumeLine(
                    scope,
                    awake,
                    activeToday,
                    "Nudges resume ",
                    "You are back in the daily post of #")));
  }

  /**
   * When nudges come again, as the member will see them: "Nudges resume Mon 30 Nov at 09:00." The
   * day named is one a nudge really comes on: a reminder day, past the snooze.
   *
   * @param lead what comes before the day
   * @param inChannelPost what comes before the channel's name, for members nudged in its post
   */
  private static Text resumeLine(
      Scope scope, Member member, boolean activeToday, String lead, String inChannelPost) {
    if (!member.remindEnabled()) {
      return Text.of("Daily nudges are off, though: ")
          .code(SettingsFeature.REMIND.hint("on"))
          .plain(" turns them on.");
    }
    Optional<LocalDateTime> next =
        NextNudge.of(member, member.zone(scope.home()), scope.now(), activeToday);
    if (next.isEmpty()) {
      return Text.of("No nudge is due in the coming weeks.");
    }
    ReminderMode via = member.remindVia().orElse(scope.home().reminderMode());
    if (via == ReminderMode.CHANNEL) {
      // the channel's post has its own days and time
      return Text.of(inChannelPost + scope.home().name() + ".");
    }
    LocalDate day = next.get().toLocalDate();
    String when = day.equals(scope.today()) ? "today" : Dates.day(day);
    return Text.of(lead + when + " at " + member.remindTime() + ".");
  }

  static String days(ReminderDays days) {
    return days == ReminderDays.WEEKDAYS ? "Monday to Friday" : "every day";
  }
}
