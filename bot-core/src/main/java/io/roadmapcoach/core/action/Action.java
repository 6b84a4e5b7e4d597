package io.roadmapcoach.core.action;

import java.util.Objects;
import java.util.UUID;

/**
 * What a button asks for when pressed. Features put these on their replies (through {@link
 * Buttons}) and the coach carries them out; {@link ActionCodec} writes and reads them as the
 * platform's action ids. Who may press is checked when the action is handled.
 */
public sealed interface Action {
  /** The longest snooze a member can ask for, typed or pressed. */
  int MAX_SNOOZE_DAYS = 30;

  /** "Mark objective N done" from a nudge or status: names the stage it was shown for. */
  record MarkDone(int stage, int objective) implements Action {}

  /** Start (or resume) the quiz of the member's stage. */
  record StartQuiz() implements Action {}

  /**
   * An answer to question {@code position} of the quiz attempt whose random key is {@code
   * attemptKey}: a key, not the attempt's sequential id, so that ids cannot be counted through.
   */
  record Answer(UUID attemptKey, int position, int option) implements Action {
    public Answer {
      Objects.requireNonNull(attemptKey);
    }
  }

  /** No nudges for {@code days} days, from today. */
  record Snooze(int days) implements Action {}

  /**
   * "Move on to stage N+1": leave stage {@code fromStage}, as the typed {@code next} does. Names
   * the stage it was shown for, so a button left on an old message cannot move a member twice.
   */
  record MoveOn(int fromStage) implements Action {}

  /**
   * "Yes, erase everything about me", confirming {@code /roadmap forget-me}: names the member who
   * asked, so that nobody else's press erases them.
   */
  record ForgetMe(long memberId) implements Action {}

  /**
   * "Yes, switch", confirming {@code /roadmap roadmap use}: puts the channel it is pressed in on
   * the roadmap stored under {@code roadmapId} (0, the deployment's, switches back). The lead check
   * runs again on the press.
   */
  record UseRoadmap(long roadmapId) implements Action {}

  /**
   * "Apply" under an uploaded roadmap's preview: only its uploader's press applies it (checked
   * against the preview, so another member's press changes nothing).
   */
  record ApplyRoadmap(long previewId) implements Action {}
}
