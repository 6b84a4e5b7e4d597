package io.roadmapcoach.core.member;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * What the coaching policy reads on a member's row beside their reminder settings: whether they can
 * be reached by DM, their away status, the nudges that went unanswered, the evening warning, the
 * study buddy, and a weekly quiz invitation held back for them.
 *
 * @param deliverable false once a DM to them failed for good (blocked, left): until they write
 * @param awaySince set while their platform status says they are away
 * @param awayUntil when that status expires, where the platform says
 * @param unansweredNudges nudges in a row with no progress after them (five pause the sixth)
 * @param pausedAt when the sixth paused them, while they are paused
 * @param lastNudgeDate the member-local date of the last nudge counted (DM or daily post)
 * @param eveningOn the evening warning is asked for
 * @param eveningTime when it comes, the member's local time
 * @param wantsBuddy paired every Monday
 * @param quizHeldFor the quiz slot's date (the home channel's calendar) of an invitation held back
 */
public record CoachingState(
    boolean deliverable,
    Optional<Instant> awaySince,
    Optional<Instant> awayUntil,
    int unansweredNudges,
    Optional<Instant> pausedAt,
    Optional<LocalDate> lastNudgeDate,
    boolean eveningOn,
    LocalTime eveningTime,
    boolean wantsBuddy,
    Optional<LocalDate> quizHeldFor) {

  /** A member as they start: reachable, nothing asked for, nothing held. */
  public static final CoachingState NEW =
      new CoachingState(
          true,
          Optional.empty(),
          Optional.empty(),
          0,
          Optional.empty(),
          Optional.empty(),
          false,
          LocalTime.of(19, 0),
          false,
          Optional.empty());

  /**
   * Whether they were paused before {@code at}: a pause that comes in the same minute as something
   * else (the goodbye at the quiz's slot) does not stop it, whichever routine runs first.
   */
  public boolean pausedBefore(Instant at) {
    return pausedAt.isPresent() && pausedAt.get().isBefore(at.truncatedTo(ChronoUnit.MINUTES));
  }

  /**
   * Whether their status says they are away at {@code at}, as it stands now: from when it was set
   * until it expires (or for good, while it says nothing of an end).
   */
  public boolean awayAt(Instant at) {
    return awaySince.isPresent() && awayUntil.map(until -> until.isAfter(at)).orElse(true);
  }
}
