package io.roadmapcoach.core.member;

import io.roadmapcoach.core.caller.Caller;
import io.roadmapcoach.core.caller.Upload;
import io.roadmapcoach.core.reply.Reply;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who is asking, where, and when: the member and channel rows the caller maps to, with "now" from
 * the coach's clock. Handlers queue work that must wait for the transaction to commit.
 *
 * @param home the member's home channel (where they enrolled), or this channel before they do
 * @param upload the file that came with the command, if one did and the command takes one
 */
public record Scope(
    Caller caller,
    Member member,
    Channel channel,
    Channel home,
    Instant now,
    AfterCommit afterCommit,
    Optional<Upload> upload) {

  /** A command without a file. */
  public Scope(
      Caller caller, Member member, Channel channel, Channel home, Instant now, AfterCommit after) {
    this(caller, member, channel, home, now, after, Optional.empty());
  }

  public ZoneId zone() {
    return member.zone(home);
  }

  public LocalDate today() {
    return now.atZone(zone()).toLocalDate();
  }

  /** The same caller with refreshed member and channel rows (after a settings change). */
  public Scope with(Member newMember, Channel newChannel, Channel newHome) {
    return new Scope(caller, newMember, newChannel, newHome, now, afterCommit, upload);
  }

  /** Work to run once the command's transaction has committed, and not at all if it fails. */
  public static final class AfterCommit {
    private static final Logger log = LoggerFactory.getLogger(AfterCommit.class);

    private final List<Runnable> work = new ArrayList<>();
    private final List<UnaryOperator<Reply>> replyFollowUps = new ArrayList<>();

    public void add(Runnable task) {
      work.add(task);
    }

    public List<Runnable> tasks() {
      return List.copyOf(work);
    }

    /**
     * Work whose outcome the reply tells, such as asking the platform whether the bot may post in a
     * channel: done once the command committed, so that no connection is held through a call to the
     * platform, and nothing is asked for a command that was rolled back.
     */
    public void followReply(UnaryOperator<Reply> followUp) {
      replyFollowUps.add(followUp);
    }

    /** The reply with what the follow-ups add; one that fails leaves the reply as it was. */
    public Reply followed(Reply reply) {
      Reply followed = reply;
      for (UnaryOperator<Reply> followUp : replyFollowUps) {
        try {
          followed = followUp.apply(followed);
        } catch (RuntimeException e) {
          log.warn("Follow-up of a command's reply failed; answered without it", e);
        }
      }
      return followed;
    }
  }
}
