package io.roadmapcoach.core.action;

import io.roadmapcoach.core.reply.Button;
import java.util.UUID;

/** The buttons more than one feature shows, so that each is labelled and encoded in one place. */
public final class Buttons {
  private Buttons() {}

  public static Button startQuiz(String label) {
    return Button.primary(label, ActionCodec.encode(new Action.StartQuiz()));
  }

  public static Button markDone(int stage, int objective) {
    return Button.primary(
        "Mark objective " + objective + " done",
        ActionCodec.encode(new Action.MarkDone(stage, objective)));
  }

  public static Button snooze(int days) {
    return Button.of(
        days == 1 ? "Snooze 1 day" : "Snooze " + days + " days",
        ActionCodec.encode(new Action.Snooze(days)));
  }

  /** "Move on to stage N+1" from stage {@code fromStage}; after the last stage, finishing. */
  public static Button moveOn(int fromStage, int stageCount) {
    String label =
        fromStage >= stageCount ? "Finish the roadmap 🎓" : "Move on to stage " + (fromStage + 1);
    return Button.primary(label, ActionCodec.encode(new Action.MoveOn(fromStage)));
  }

  /** Confirms {@code forget-me}: only the member it names may press it. */
  public static Button forgetMe(long memberId) {
    return new Button(
        "Erase everything about me",
        ActionCodec.encode(new Action.ForgetMe(memberId)),
        Button.Style.DANGER);
  }

  public static Button answer(String label, UUID attemptKey, int position, int option) {
    return Button.of(label, ActionCodec.encode(new Action.Answer(attemptKey, position, option)));
  }

  /** Confirms {@code roadmap use}: switches the channel it is pressed in. */
  public static Button useRoadmap(String key, long roadmapId) {
    return Button.primary("Switch to " + key, ActionCodec.encode(new Action.UseRoadmap(roadmapId)));
  }

  /** Applies an uploaded roadmap: only its uploader's press does. */
  public static Button applyRoadmap(long previewId) {
    return Button.primary("Apply", ActionCodec.encode(new Action.ApplyRoadmap(previewId)));
  }
}
