package io.roadmapcoach.core.lead;

import io.roadmapcoach.core.member.Channel;
import io.roadmapcoach.core.reply.Attachment;
import java.time.Instant;

/** Draws a channel's chart (its stage funnel and last weeks) for the lead's weekly digest. */
@FunctionalInterface
public interface ChartSource {
  Attachment chartOf(Channel channel, Instant now);
}
