package io.roadmapcoach.core.settings;

import io.roadmapcoach.core.member.Member;
import io.roadmapcoach.core.member.MemberRepository;
import io.roadmapcoach.core.member.ReminderDays;
import io.roadmapcoach.core.member.ReminderMode;
import io.roadmapcoach.core.member.Scope;
import io.roadmapcoach.core.policy.Outlook;
import io.roadmapcoach.core.policy.Outlook.Where;
import io.roadmapcoach.core.policy.PromiseWords;
import io.roadmapcoach.core.policy.Promises;
import io.roadmapcoach.core.policy.Why;
import io.roadmapcoach.core.reply.Reply;
import io.roadmapcoach.core.reply.Text;
import io.roadmapcoach.core.time.Dates;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;

/**
 * A member's own preferences: time zone, daily nudge, snooze. Settings are not activity: they
 * neither keep a streak alive nor stop the day's nudge. Every answer that says when a nudge comes
 * reads the coaching policy, after the change: by DM or in which channel's post, and why none comes
 * when none does.
 */
public final class SettingsService {
  private final MemberRepository members;
  private final Promises promises;

  public SettingsService(MemberRepository members, Promises promises) {
    this.members = members;
    this.promises = promises;
  }

  public Reply timeZone(Scope scope, ZoneId zone) {
    members.setChosenZone(scope.member().id(), zone);
    LocalTime there = scope.now().atZone(zone).toLocalTime().withSecond(0).withNano(0);
    Text text =
        Text.of("🕘 Your time zone is now ")
            .bold(zone.getId())
            .plain(" (it is " + there + " there). ");
    Outlook outlook = promises.of(scope);
    if (outlook.nudge().where() == Where.CHANNEL) {
      return Reply.text(text.append(postLine(scope, outlook)));
    }
    return Reply.text(
        text.plain("Your nudge comes at " + scope.member().remindTime() + " your time.")
            .append(noneLine(outlook, scope)));
  }

  public Reply remindAt(Scope scope, LocalTime time) {
    members.setRemindTime(scope.member().id(), time);
    Outlook outlook = promises.of(scope);
    String days = days(scope.member().remindDays());
    Text text =
        outlook.nudge().where() == Where.CHANNEL
            ? Text.of("⏰ Your own nudge time is now ")
                .bold(time.toString())
                .plain(" " + scope.zone().getId() + ", " + days + ", for nudges by DM. ")
                .append(postLine(scope, outlook))
                .plain(" ")
                .code(SettingsFeature.REMIND.hint("dm"))
                .plain(" makes it a DM at your time.")
            : Text.of("⏰ Your daily nudge now comes at ")
                .bold(time.toString())
                .plain(" " + scope.zone().getId() + ", " + days + ".")
                .append(nextLine(outlook, scope));
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
    Outlook outlook = promises.of(scope);
    Member member = members.member(scope.member().id());
    if (outlook.nudge().where() == Where.CHANNEL) {
      return Reply.text(
          Text.of(
                  "🔔 Daily nudges are on: in #"
                      + scope.home().name()
                      + "'s daily post at "
                      + scope.home().postTime()
                      + ".")
              .append(nextLine(outlook, scope))
              .append(snoozeStillOn(scope, member)));
    }
    return Reply.text(
        Text.of(
                "🔔 Daily nudges are on: "
                    + member.remindTime()
                    + " "
                    + scope.zone().getId()
                    + ", ")
            .plain(days(member.remindDays()) + ".")
            .append(nextLine(outlook, scope))
            .append(snoozeStillOn(scope, member)));
  }

  /** Turning nudges on keeps a running snooze: say so, and how to end it. */
  private static Text snoozeStillOn(Scope scope, Member member) {
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
    Outlook outlook = promises.of(scope);
    Text text =
        Text.of(
            "📅 You will be nudged "
                + days(days)
                + ". Those are also the days your streak counts.");
    if (outlook.nudge().where() == Where.CHANNEL) {
      text = text.plain(" ").append(postLine(scope, outlook));
    }
    return Reply.text(text.append(noneLine(outlook, scope)));
  }

  public Reply remindVia(Scope scope, ReminderMode mode) {
    members.setRemindVia(scope.member().id(), mode);
    Outlook outlook = promises.of(scope);
    return Reply.text(
        mode == ReminderMode.DM
            ? Text.of("📬 Your nudges come as a direct message, whatever the channel's default.")
                .append(nextLine(outlook, scope))
            : Text.of(
                    "📣 Your nudges come in #"
                        + scope.home().name()
                        + "'s daily post, with the rest of the group: "
                        + scope.home().postTime()
                        + ".")
                .append(nextLine(outlook, scope)));
  }

  public Reply snooze(Scope scope, int days) {
    LocalDate today = scope.today();
    LocalDate last = today.plusDays(days - 1L);
    members.snooze(scope.member().id(), today, last);
    Text resume =
        resumeLine(scope, "They resume ", "After that you are back in the daily post of #");
    return Reply.text(
        Text.of("😴 Nudges paused through " + Dates.day(last) + ". ")
            .append(resume)
            .plain(" Snoozed days do not break your streak."));
  }

  /**
   * Ends a snooze: the days left of it count for the streak again, and nudges come from the next
   * reminder day on (today's too, while its time has not come and the member has not been active).
   */
  public Reply endSnooze(Scope scope) {
    Member member = scope.member();
    if (!member.hasSnoozeLeft(scope.today())) {
      return Reply.text(
          Text.of("You are not snoozed, so there is nothing to end. ")
              .append(resumeLine(scope, "Your next nudge: ", "You are in the daily post of #")));
    }
    members.endSnooze(member.id());
    return Reply.text(
        Text.of("⏰ Snooze ended. ")
            .append(resumeLine(scope, "Nudges resume ", "You are back in the daily post of #")));
  }

  /**
   * When nudges come again, as the policy says they will: "Nudges resume Mon 30 Nov at 09:00." The
   * day named is one a nudge really comes on: a reminder day, past the snooze.
   *
   * @param lead what comes before the day
   * @param inChannelPost what comes before the channel's name, for members nudged in its post
   */
  private Text resumeLine(Scope scope, String lead, String inChannelPost) {
    Outlook outlook = promises.of(scope);
    Outlook.Nudge next = outlook.nudge();
    if (next.why().equals(Optional.of(Why.OFF))) {
      return Text.of("Daily nudges are off, though: ")
          .code(SettingsFeature.REMIND.hint("on"))
          .plain(" turns them on.");
    }
    if (next.at().isEmpty()) {
      return Text.of(
          "No nudge comes for now: " + PromiseWords.why(next.why().get(), scope.home()) + ".");
    }
    if (next.where() == Where.CHANNEL) {
      // the channel's post has its own days and time
      return Text.of(inChannelPost + scope.home().name() + ".");
    }
    return Text.of(lead + PromiseWords.day(next.at().get(), outlook.zone(), scope.now()) + ".");
  }

  /** " Next: Tue 3 Mar at 09:00.", or why no nudge comes. */
  private static Text nextLine(Outlook outlook, Scope scope) {
    Outlook.Nudge next = outlook.nudge();
    if (next.at().isEmpty()) {
      return noneLine(outlook, scope);
    }
    String when = PromiseWords.day(next.at().get(), outlook.zone(), scope.now());
    return Text.of(
        next.where() == Where.CHANNEL
            ? " The next post naming you: " + when + " your time."
            : " Next: " + when + ".");
  }

  /** Why no nudge comes, when none does (empty otherwise). */
  private static Text noneLine(Outlook outlook, Scope scope) {
    Outlook.Nudge next = outlook.nudge();
    if (next.at().isPresent() || next.why().equals(Optional.of(Why.OFF))) {
      return Text.empty();
    }
    return Text.of(
        " No nudge comes for now, though: "
            + PromiseWords.why(next.why().get(), scope.home())
            + ".");
  }

  /** Where a member nudged in the channel's post is nudged, and when it posts. */
  private static Text postLine(Scope scope, Outlook outlook) {
    return Text.of(
        "Your nudge comes in #"
            + scope.home().name()
            + "'s daily post: "
            + scope.home().postTime()
            + ".");
  }

  static String days(ReminderDays days) {
    return days == ReminderDays.WEEKDAYS ? "Monday to Friday" : "every day";
  }
}
