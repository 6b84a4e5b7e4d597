package io.roadmapcoach.discord;

import io.roadmapcoach.core.reply.Apologies;
import io.roadmapcoach.core.reply.Reply;
import io.roadmapcoach.core.reply.Text;

/** The few answers the adapter writes itself: when the core is not the one to ask, or failed. */
final class Replies {
  private Replies() {}

  /** A command or button outside a server: progress lives in a server's channel. */
  static final Reply NOT_IN_A_SERVER =
      Reply.text(
          Text.of("Use ")
              .code("/roadmap")
              .plain(" in a channel of your server: your progress lives there."));

  static final Reply FAILED = Apologies.somethingWentWrong();

  /** The attached file could not be fetched from Discord: not the file's fault, nothing changed. */
  static Reply couldNotFetch(String fileName) {
    return Reply.text(
        Text.of(
            "I could not fetch your file "
                + fileName
                + " from Discord, so nothing was checked or changed. Try again in a moment."));
  }

  /** A number option came without a number: how the command is filled in. */
  static Reply fillIn(String usage) {
    return Reply.text(
        Text.of("Every number in that command needs a value. Fill it in like this: ")
            .code(usage)
            .plain("."));
  }
}
