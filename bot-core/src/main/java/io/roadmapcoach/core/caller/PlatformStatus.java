package io.roadmapcoach.core.caller;

import java.time.Instant;
import java.util.Optional;

/**
 * A member's status as their platform shows it (Slack's emoji and text: a palm tree, "On
 * vacation"), which may say they are away.
 *
 * @param emoji the status emoji, as the platform writes it ({@code :palm_tree:}); empty for none
 * @param text the status text; empty for none
 * @param expires when the platform clears it; empty for a status that stays
 */
public record PlatformStatus(String emoji, String text, Optional<Instant> expires) {
  public PlatformStatus {
    emoji = emoji == null ? "" : emoji;
    text = text == null ? "" : text;
    expires = expires == null ? Optional.empty() : expires;
  }
}
