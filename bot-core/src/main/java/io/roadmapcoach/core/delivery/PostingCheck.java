package io.roadmapcoach.core.delivery;

import io.roadmapcoach.core.member.Channel;
import io.roadmapcoach.core.member.Scope;
import io.roadmapcoach.core.reply.Reply;
import java.time.Instant;

/**
 * Asked by the commands that turn on something posting in a channel ({@code post on}, {@code
 * reminders channel}, {@code start} by the first member, the weekly quiz slot): the reply, with
 * what the lead must do when the bot cannot post there ({@link ChannelPosting#checked}).
 */
@FunctionalInterface
public interface PostingCheck {
  Reply checked(Reply reply, Channel channel, Instant now);

  /**
   * The reply, checked once the command's transaction has committed: the platform is asked outside
   * it (see {@link Scope.AfterCommit#followReply}).
   */
  default Reply afterCommit(Scope scope, Reply reply, Channel channel) {
    scope.afterCommit().followReply(committed -> checked(committed, channel, scope.now()));
    return reply;
  }

  /** No check: the reply as it is. */
  PostingCheck NONE = (reply, channel, now) -> reply;
}
