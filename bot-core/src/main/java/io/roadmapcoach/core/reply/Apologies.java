package io.roadmapcoach.core.reply;

/** What a member is told when the bot, not their input, is at fault: one wording everywhere. */
public final class Apologies {
  private Apologies() {}

  public static final String SOMETHING_WENT_WRONG =
      "Sorry, something went wrong on my side and nothing was changed. Please try again in a moment.";

  public static Reply somethingWentWrong() {
    return Reply.text(SOMETHING_WENT_WRONG);
  }
}
