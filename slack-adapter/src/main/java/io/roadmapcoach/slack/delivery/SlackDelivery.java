package io.roadmapcoach.slack.delivery;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How the Slack messenger makes sure a crash never posts a message twice. Every post carries its
 * delivery key as message metadata; a delivery left in doubt by an instance that died mid-send is
 * looked for in the conversation's recent messages ({@code conversations.history}) before it is
 * posted again. That needs the history scopes ({@code im:history} for direct messages, {@code
 * channels:history} and {@code groups:history} for channel posts), and Slack allows apps outside
 * its Marketplace about one such call a minute, 15 messages each: checks are paced within that, and
 * deliveries in doubt wait their turn.
 *
 * @param check {@code SLACK_DELIVERY_CHECK}: {@code auto} (on when the token has the history
 *     scopes: adding them to the manifest turns it on), {@code on} or {@code off}
 * @param historyCallsPerMinute {@code SLACK_HISTORY_CALLS_PER_MINUTE}: 1 outside the Marketplace; a
 *     Marketplace app may use up to 50 (Tier 3)
 * @param historyLimit {@code SLACK_HISTORY_LIMIT}: messages per call, at most 15 outside the
 *     Marketplace
 */
public record SlackDelivery(Check check, int historyCallsPerMinute, int historyLimit) {

  /** Whether deliveries in doubt are looked for before they are posted again. */
  public enum Check {
    AUTO,
    ON,
    OFF
  }

  public static final SlackDelivery DEFAULT = new SlackDelivery(Check.AUTO, 1, 15);

  public SlackDelivery {
    if (check == null) {
      throw new IllegalArgumentException("SLACK_DELIVERY_CHECK is auto, on or off");
    }
    if (historyCallsPerMinute < 1 || historyCallsPerMinute > 100) {
      throw new IllegalArgumentException(
          "SLACK_HISTORY_CALLS_PER_MINUTE must be from 1 to 100, not " + historyCallsPerMinute);
    }
    if (historyLimit < 1 || historyLimit > 999) {
      throw new IllegalArgumentException(
          "SLACK_HISTORY_LIMIT must be from 1 to 999, not " + historyLimit);
    }
  }

  /** Reads the three variables; any left out keeps its default. Bad values fail, naming them. */
  public static SlackDelivery fromEnvironment(Map<String, String> env) {
    Check check =
        value(env, "SLACK_DELIVERY_CHECK")
            .map(
                v -> {
                  try {
                    return Check.valueOf(v.toUpperCase(Locale.ROOT));
                  } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(
                        "SLACK_DELIVERY_CHECK is auto, on or off, not \"" + v + "\"");
                  }
                })
            .orElse(DEFAULT.check());
    return new SlackDelivery(
        check,
        number(env, "SLACK_HISTORY_CALLS_PER_MINUTE").orElse(DEFAULT.historyCallsPerMinute()),
        number(env, "SLACK_HISTORY_LIMIT").orElse(DEFAULT.historyLimit()));
  }

  /**
   * How many posts to one workspace an instance has on the wire at once, and so the most a crash of
   * it can leave in doubt: as many as four minutes of look-ups can check (4 outside the
   * Marketplace), so that with the check on the last of them goes out within five minutes of its
   * time (a lease of 30 s, then one look-up a minute). At most 16: Slack takes only several hundred
   * posts a minute from a workspace, which 4 posts on the wire at 300 ms an answer already exceed.
   * With the check off it bounds what a crash can repeat.
   */
  public int postsOnTheWire() {
    return Math.min(16, 4 * historyCallsPerMinute);
  }

  /** Whether deliveries of a kind are checked, given the token's scopes. */
  public boolean checks(boolean channelPost, java.util.Set<String> scopes) {
    return switch (check) {
      case ON -> true;
      case OFF -> false;
      case AUTO -> scopes.contains(channelPost ? "channels:history" : "im:history");
    };
  }

  private static Optional<String> value(Map<String, String> env, String name) {
    return Optional.ofNullable(env.get(name)).map(String::strip).filter(v -> !v.isEmpty());
  }

  private static Optional<Integer> number(Map<String, String> env, String name) {
    return value(env, name)
        .map(
            v -> {
              try {
                return Integer.parseInt(v);
              } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                    name + " must be a whole number, not \"" + v + "\"");
              }
            });
  }
}
