package io.roadmapcoach.slack.render;

import io.roadmapcoach.core.reply.Apologies;
import io.roadmapcoach.core.reply.Block;
import io.roadmapcoach.core.reply.Reply;
import io.roadmapcoach.core.reply.Text;

/** The few answers the adapter writes itself: when the core could not be asked at all. */
public final class Replies {
  private Replies() {}

  public static Reply sorry() {
    return Apologies.somethingWentWrong();
  }

  /** The reply with one more small-print line at its end. */
  public static Reply withContext(Reply reply, Text line) {
    return reply.with(new Block.Context(line));
  }
}
