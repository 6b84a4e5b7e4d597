package io.roadmapcoach.core.delivery;

import java.util.List;
import java.util.Locale;

/**
 * Whether the bot can post in a channel, as the platform says: from a refused post, or from a check
 * before a lead turns on something that posts there ({@link Messenger#access}).
 *
 * @param missing what the platform says the bot lacks there, in its own words (Discord's "Send
 *     Messages"); empty for the other states
 */
public record ChannelAccess(State state, List<String> missing) {

  /** A channel's posting state, as stored with it. */
  public enum State {
    /** The bot may post there. */
    CAN_POST,
    /** Nobody invited the bot (Slack), or it may not see the channel (Discord View Channel). */
    NOT_INVITED,
    /** It sees the channel but lacks permissions to post there (Discord). */
    MISSING_PERMISSIONS,
    /** The platform will not say: a Slack install granted before the bot could check. */
    UNCHECKED;

    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static State ofKey(String key) {
      return valueOf(key.toUpperCase(Locale.ROOT));
    }
  }

  public ChannelAccess {
    missing = List.copyOf(missing);
  }

  public static ChannelAccess canPost() {
    return new ChannelAccess(State.CAN_POST, List.of());
  }

  public static ChannelAccess notInvited() {
    return new ChannelAccess(State.NOT_INVITED, List.of());
  }

  public static ChannelAccess missing(List<String> permissions) {
    return new ChannelAccess(State.MISSING_PERMISSIONS, permissions);
  }

  public static ChannelAccess unchecked() {
    return new ChannelAccess(State.UNCHECKED, List.of());
  }

  /** Whether posts stop until the platform says otherwise. */
  public boolean refused() {
    return state == State.NOT_INVITED || state == State.MISSING_PERMISSIONS;
  }
}
