package io.roadmapcoach.slack;

import io.roadmapcoach.core.caller.Platform;
import io.roadmapcoach.core.member.Workspaces;
import io.roadmapcoach.slack.http.QuietLog;
import java.time.Instant;
import java.util.function.BiPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * Signed requests already handled. A signature stays valid for five minutes, so whoever captured a
 * request (a proxy's log, a leaked capture) could send it again and have a {@code done} or {@code
 * undo} counted twice; Bolt does not guard against that. Each request's timestamp and signature is
 * claimed in the database the first time, so a replay is spotted on any instance.
 *
 * <p>When the database cannot be reached the request is let through: the command it carries cannot
 * change anything then either, and its sender gets the coach's apology instead of silence.
 */
final class Replays {
  private static final Logger log = LoggerFactory.getLogger(Replays.class);

  private final BiPredicate<Instant, String> claim;
  private final QuietLog failures = new QuietLog(log, Level.WARN);

  private Replays(BiPredicate<Instant, String> claim) {
    this.claim = claim;
  }

  /** Claims shared by every instance on the database. */
  static Replays claimedIn(Workspaces workspaces) {
    return new Replays((at, signature) -> workspaces.firstRequest(Platform.SLACK, at, signature));
  }

  /**
   * Every request counts as new (a bridge in front of a Bolt app of its own, as the benchmark's).
   */
  static Replays notChecked() {
    return new Replays((at, signature) -> true);
  }

  /** Whether this is the first time the request (its timestamp and signature) is seen. */
  boolean firstTime(Instant signedAt, String signature) {
    try {
      return claim.test(signedAt, signature);
    } catch (RuntimeException e) {
      failures.say(
          "Could not check a Slack request for a replay ({}); handling it",
          e.getClass().getSimpleName());
      return true;
    }
  }
}
