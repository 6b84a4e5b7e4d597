package io.roadmapcoach.core.reply;

/** What a member is told when the bot, not their input, is at fault: one wording everywhere. */
public final class Apologies {
  private Apologies() {}

  public static final String SOMETHING_WENT_WRONG =
      "Sorry, something went wrong on my side and nothing was changed. Please try again in a moment.";

  /** The database is away (an outage, a restart): the command was not carried out. */
  public static final String DATABASE_UNREACHABLE =
      "I can't reach my database right now; nothing was changed. Try again in a minute.";

  /** Every connection for commands is busy and too many wait already: not an outage. */
  public static final String BUSY =
      "I'm busy with a lot of requests right now; nothing was changed. Please try again in a moment.";

  public static Reply busy() {
    return Reply.text(BUSY);
  }

  public static Reply somethingWentWrong() {
    return Reply.text(SOMETHING_WENT_WRONG);
  }

  public static Reply databaseUnreachable() {
    return Reply.text(DATABASE_UNREACHABLE);
  }
}
