package io.roadmapcoach.core.caller;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A member named in a command: a platform mention ({@code <@U123|ana>} from Slack, {@code <@123>}
 * from Discord) or a plain {@code @name}.
 *
 * @param externalId the platform's id, when the mention carried one
 * @param name the name typed or sent with the mention
 */
public record MemberRef(Optional<String> externalId, Optional<String> name) {
  private static final Pattern MENTION = Pattern.compile("<@!?([A-Za-z0-9_.-]+)(?:\\|([^>]*))?>");
  private static final Pattern NAME = Pattern.compile("@([\\p{L}\\p{N}_.\\-]+)");

  public static Optional<MemberRef> parse(String token) {
    Matcher mention = MENTION.matcher(token);
    if (mention.matches()) {
      return Optional.of(
          new MemberRef(
              Optional.of(mention.group(1)),
              Optional.ofNullable(mention.group(2)).filter(s -> !s.isBlank())));
    }
    Matcher name = NAME.matcher(token);
    if (name.matches()) {
      return Optional.of(new MemberRef(Optional.empty(), Optional.of(name.group(1))));
    }
    return Optional.empty();
  }

  /** How to name this member back to the caller. */
  public String shown() {
    return "@" + name.or(() -> externalId).orElse("?");
  }
}
