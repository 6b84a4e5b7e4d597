package io.roadmapcoach.core.coaching;

import io.roadmapcoach.core.coaching.CoachingRepository.NudgeVerdict;
import io.roadmapcoach.core.coaching.HolidayRepository.ChannelDay;
import io.roadmapcoach.core.member.Channel;
import io.roadmapcoach.core.member.Member;
import io.roadmapcoach.core.policy.CoachingPolicy;
import io.roadmapcoach.core.reply.Reply;
import io.roadmapcoach.core.reply.Text;
import io.roadmapcoach.core.settings.SettingsFeature;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the daily nudge owes the person it goes to: none on a holiday of their home channel or while
 * their status says they are away (that day then keeps their streak), a goodbye for now instead of
 * a sixth nudge when five in a row went unanswered, and a line on their study buddy.
 */
public final class NudgeCourtesies {
  /** Unanswered nudges in a row (by DM or in the daily post) after which nudges pause. */
  public static final int UNANSWERED_BEFORE_PAUSE = CoachingPolicy.UNANSWERED_BEFORE_PAUSE;

  private final CoachingRepository coaching;
  private final HolidayRepository holidays;
  private final Buddies buddies;

  public NudgeCourtesies(CoachingRepository coaching, HolidayRepository holidays, Buddies buddies) {
    this.coaching = coaching;
    this.holidays = holidays;
    this.buddies = buddies;
  }

  /**
   * Why no nudge goes to the member on {@code today}, if none does: a holiday of their home
   * channel, or an away status, which is kept so the day neither counts towards nor breaks their
   * streak.
   */
  public Optional<String> skipped(Member member, Channel home, LocalDate today, Instant now) {
    return prepare(List.of(new Subject(member.id(), home.id(), today)), now)
        .skipped(member, home, today);
  }

  /** A nudge about to be written: whose, their home channel, and the day it is for. */
  public record Subject(long memberId, long homeChannelId, LocalDate day) {}

  /**
   * What the courtesies need to know about a batch of nudges, read at once: who is away, which days
   * are holidays, who asked for a buddy.
   */
  public Prepared prepare(Collection<Subject> subjects, Instant now) {
    Set<Long> memberIds = new HashSet<>();
    List<ChannelDay> days = new ArrayList<>();
    for (Subject s : subjects) {
      memberIds.add(s.memberId());
      days.add(new ChannelDay(s.homeChannelId(), s.day()));
    }
    return new Prepared(
        coaching.awayAmong(memberIds, now),
        holidays.holidaysAmong(days),
        coaching.buddySeekersAmong(memberIds));
  }

  /** The courtesies of a batch of nudges, from what {@link #prepare} read. */
  public final class Prepared {
    private final Set<Long> away;
    private final Set<ChannelDay> holidayDays;
    private final Set<Long> buddySeekers;

    private Prepared(Set<Long> away, Set<ChannelDay> holidayDays, Set<Long> buddySeekers) {
      this.away = away;
      this.holidayDays = holidayDays;
      this.buddySeekers = buddySeekers;
    }

    /** As {@link NudgeCourtesies#skipped}, for a member of the batch. */
    public Optional<String> skipped(Member member, Channel home, LocalDate today) {
      if (holidayDays.contains(new ChannelDay(home.id(), today))) {
        return Optional.of("a holiday in #" + home.name());
      }
      if (away.contains(member.id())) {
        coaching.keepAwayDay(member.id(), today);
        return Optional.of("the member's status says they are away");
      }
      return Optional.empty();
    }

    /** As {@link NudgeCourtesies#buddyLine}; only those who asked for a buddy can have one. */
    public Optional<Text> buddyLine(Member member, LocalDate today) {
      return buddySeekers.contains(member.id())
          ? NudgeCourtesies.this.buddyLine(member, today)
          : Optional.empty();
    }
  }

  /**
   * Counts today's nudge as unanswered until the member is active; true when {@link
   * #UNANSWERED_BEFORE_PAUSE} went unanswered before it, and nudges pause with {@link #goodbye}
   * instead.
   */
  public boolean pausesInstead(Member member, LocalDate today, Instant now) {
    return coaching.countNudge(member.id(), today, UNANSWERED_BEFORE_PAUSE, now)
        == NudgeVerdict.PAUSE;
  }

  /**
   * {@link #pausesInstead} for a batch of members, each with the day of their nudge: those whose
   * nudge is the goodbye.
   */
  public Set<Long> pauseAmong(Map<Long, LocalDate> dayOf, Instant now) {
    Set<Long> pausing = new HashSet<>();
    coaching
        .countNudges(dayOf, UNANSWERED_BEFORE_PAUSE, now)
        .forEach(
            (id, verdict) -> {
              if (verdict == NudgeVerdict.PAUSE) {
                pausing.add(id);
              }
            });
    return pausing;
  }

  /**
   * Keeps {@code day} as one the member was away when their nudge was due (in the daily post): it
   * neither counts towards nor breaks their streak.
   */
  public void keepAwayDay(long memberId, LocalDate day) {
    coaching.keepAwayDay(memberId, day);
  }

  /** The last message before nudges pause. */
  public Reply goodbye() {
    return Reply.builder()
        .section(
            Text.of("💤 I'll stop nudging you for now; ")
                .code(SettingsFeature.REMIND.hint("on"))
                .plain(" brings me back."))
        .context(
            Text.of(
                "Your progress is kept, and any step you take (an objective, a quiz answer)"
                    + " brings the nudges back too."))
        .build();
  }

  /** The line on the member's study buddy, during a week they have one. */
  public Optional<Text> buddyLine(Member member, LocalDate today) {
    return buddies.nudgeLine(member, today);
  }
}
