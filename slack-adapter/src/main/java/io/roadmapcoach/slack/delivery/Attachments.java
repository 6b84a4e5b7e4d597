package io.roadmapcoach.slack.delivery;

import io.roadmapcoach.core.reply.Attachment;
import io.roadmapcoach.core.reply.Reply;
import io.roadmapcoach.core.reply.Text;
import io.roadmapcoach.core.reply.Visibility;
import io.roadmapcoach.slack.render.Replies;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * A reply's file (the team CSV) goes up as a Slack file, after the reply itself: into the channel
 * when the reply is for the channel, else into the caller's direct messages with the bot, so a file
 * meant for one lead is never shown to the whole channel.
 */
public final class Attachments {
  private final SlackOut out;
  private final Executor executor;

  public Attachments(SlackOut out, Executor executor) {
    this.out = out;
    this.executor = executor;
  }

  /** The reply, saying where its file went, when it has one. */
  public static Reply announced(Reply reply) {
    return reply
        .attachment()
        .map(
            file ->
                Replies.withContext(
                    reply,
                    Text.of("📎 ")
                        .code(file.fileName())
                        .plain(
                            reply.visibility() == Visibility.CHANNEL
                                ? " follows in this channel as a file."
                                : " follows as a file in your direct messages with me.")))
        .orElse(reply);
  }

  /** Uploads the reply's file, if it has one, without holding up the caller. */
  public void send(Reply reply, String teamId, String userId, String channelId) {
    Optional<Attachment> file = reply.attachment();
    if (file.isEmpty()) {
      return;
    }
    executor.execute(
        () -> {
          if (reply.visibility() == Visibility.CHANNEL
              && channelId != null
              && out.upload(teamId, channelId, file.get())) {
            return;
          }
          out.directChannel(teamId, userId).ifPresent(dm -> out.upload(teamId, dm, file.get()));
        });
  }
}
