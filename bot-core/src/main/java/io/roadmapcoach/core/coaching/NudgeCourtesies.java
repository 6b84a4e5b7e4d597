package io.roadmapcoach.core.coaching;

import io.roadmapcoach.core.coaching.CoachingRepository.NudgeVerdict;
import io.roadmapcoach.core.member.Channel;
import io.roadmapcoach.core.member.Member;
import io.roadmapcoach.core.reply.Reply;
import io.roadmapcoach.core.reply.Text;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * What the daily nudge owes the person it goes to: none on a holiday of their home channel or while
 * their status says they are away (that day then keeps their streak), a goodbye for now instead of
 * a sixth nudge when five in a row went unanswered, and a line on their study buddy.
 */
public final class NudgeCourtesies {
  /** Unanswered direct-message nudges in a row after which nudges pause. */
  public static final int UNANSWERED_BEFORE_PAUSE = 5;

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
    if (holidays.isHoliday(home.id(), today)) {
      return Optional.of("a holiday in #" + home.name());
    }
    if (coaching.isAway(member.id(), now)) {
      coaching.keepAwayDay(member.id(), today);
      return Optional.of("the member's status says they are away");
    }
    return Optional.empty();
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

  /** The last message before nudges pause. */
  public Reply goodbye() {
    return Reply.builder()
        .section(
            Text.of("💤 I'll stop nudging you for now; ")
                .code("/roadmap remind on")
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
