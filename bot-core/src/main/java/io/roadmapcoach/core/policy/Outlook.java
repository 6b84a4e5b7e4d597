package io.roadmapcoach.core.policy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * What the coach will send a member next, as the policy sees it at one instant: each thing's time,
 * or why it does not come. Times are instants; {@link #zone} is the member's own, in which they are
 * told.
 */
public record Outlook(ZoneId zone, Nudge nudge, Quiz quiz, Evening evening, Pairing pairing) {

  /** Where a nudge (or quiz invitation) comes. */
  public enum Where {
    /** By direct message. */
    DM,
    /** In the home channel's daily post (a mention), or its weekly quiz call-out. */
    CHANNEL
  }

  /**
   * The next daily nudge.
   *
   * @param at when it comes, if one does
   * @param where by DM, or named in the home channel's daily post
   * @param last five went unanswered before it: it is the goodbye for now, by DM, and they pause
   * @param why why none comes, when none does
   */
  public record Nudge(Optional<Instant> at, Where where, boolean last, Optional<Why> why) {
    static Nudge at(Instant at, Where where, boolean last) {
      return new Nudge(Optional.of(at), where, last, Optional.empty());
    }

    static Nudge none(Where where, Why why) {
      return new Nudge(Optional.empty(), where, false, Optional.of(why));
    }
  }

  /**
   * The next weekly quiz invitation.
   *
   * @param where by DM, or the home channel's call-out
   * @param held it was held back at the slot (away, a holiday, a snooze) and comes with a reminder
   */
  public record Quiz(Optional<Instant> at, Where where, boolean held, Optional<Why> why) {
    static Quiz at(Instant at, Where where, boolean held) {
      return new Quiz(Optional.of(at), where, held, Optional.empty());
    }

    static Quiz none(Where where, Why why) {
      return new Quiz(Optional.empty(), where, false, Optional.of(why));
    }
  }

  /** Tonight's evening warning: whether it comes, when, or why not. */
  public record Evening(Optional<Instant> at, Optional<Why> why) {
    static Evening at(Instant at) {
      return new Evening(Optional.of(at), Optional.empty());
    }

    static Evening none(Why why) {
      return new Evening(Optional.empty(), Optional.of(why));
    }
  }

  /**
   * The next buddy pairing of the home channel.
   *
   * @param round when the channel's next pairing runs
   * @param regular whether that is its regular Monday time (else a late run of this week's)
   * @param why why the member will not be in it, when they will not
   */
  public record Pairing(Instant round, boolean regular, Optional<Why> why) {
    public boolean included() {
      return why.isEmpty();
    }
  }
}
