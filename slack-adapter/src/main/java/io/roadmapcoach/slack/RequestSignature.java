package io.roadmapcoach.slack;

import com.slack.api.app_backend.SlackSignature;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;

/**
 * Checks Slack's request signature the way Bolt does ({@link SlackSignature.Generator} computes the
 * expected {@code v0=} signature, {@link SlackSignature.TimestampVerifier} refuses stale
 * timestamps), plus what Bolt leaves out: a timestamp more than five minutes <em>ahead</em> is
 * refused too, and the signatures are compared in constant time.
 */
final class RequestSignature {
  static final Duration TOLERANCE = Duration.ofMinutes(5);
  private static final String VERSION = "v0=";

  /** Why a request was refused; never carries the secret or the signature. */
  enum Verdict {
    VALID,
    MISSING_HEADERS,
    BAD_TIMESTAMP,
    STALE,
    FROM_THE_FUTURE,
    BAD_SIGNATURE
  }

  private final SlackSignature.Generator generator;
  private final Clock clock;

  /** A signing secret is required: without one every request is refused. */
  RequestSignature(String signingSecret, Clock clock) {
    this.generator =
        signingSecret == null || signingSecret.isBlank()
            ? null
            : new SlackSignature.Generator(signingSecret);
    this.clock = clock;
  }

  Verdict check(String timestamp, String signature, String body) {
    if (timestamp == null || signature == null || generator == null) {
      return Verdict.MISSING_HEADERS;
    }
    long seconds;
    try {
      seconds = Long.parseLong(timestamp);
    } catch (NumberFormatException e) {
      return Verdict.BAD_TIMESTAMP;
    }
    long now = clock.millis();
    if (seconds > Long.MAX_VALUE / 1000 || seconds * 1000 - now > TOLERANCE.toMillis()) {
      return Verdict.FROM_THE_FUTURE;
    }
    if (seconds < 0 || !SlackSignature.TimestampVerifier.isValidTimestamp(timestamp, now)) {
      return Verdict.STALE;
    }
    if (!signature.startsWith(VERSION)) {
      return Verdict.BAD_SIGNATURE;
    }
    String expected = generator.generate(timestamp, body);
    if (expected == null
        || !MessageDigest.isEqual(
            expected.getBytes(StandardCharsets.US_ASCII),
            signature.getBytes(StandardCharsets.US_ASCII))) {
      return Verdict.BAD_SIGNATURE;
    }
    return Verdict.VALID;
  }
}
