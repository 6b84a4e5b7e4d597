package io.roadmapcoach.core.feature;

import io.roadmapcoach.core.member.Scope;
import io.roadmapcoach.core.reply.Reply;

/** Whether the caller leads the channel, and the answer to someone who does not. */
public interface LeadCheck {
  boolean isLead(Scope scope);

  /**
   * @param command the command's words, as the refusal names it ({@code post at})
   */
  Reply notALead(Scope scope, String command);
}
