package io.roadmapcoach.app.console;

import io.roadmapcoach.core.reply.Reply;
import java.util.Optional;

/** Where the console messenger prints what the outbox delivers. */
public interface ConsoleOutput {

  /**
   * @param heading who it is for and what it is, e.g. "nudge for ana (DM)"
   * @param toMember the console member whose buttons it carries, if it is theirs alone
   */
  void delivered(String heading, Optional<String> toMember, Reply reply);
}
