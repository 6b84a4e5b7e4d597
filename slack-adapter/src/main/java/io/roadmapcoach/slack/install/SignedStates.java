package io.roadmapcoach.slack.install;

import io.roadmapcoach.slack.http.Hmac;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Supplier;
import javax.crypto.spec.SecretKeySpec;

/**
 * The OAuth flow's {@code state} values, which carry their own proof so that issuing one stores
 * nothing: 12 random bytes, the second it expires, and an HMAC-SHA256 of both (cut to 16 bytes), 43
 * characters of base64url in all. The HMAC key is derived from the signing secret for this use
 * alone. A state is ours when its HMAC verifies, and in time until its expiry; spending it once is
 * left to the caller.
 */
final class SignedStates {
  static final Duration LIFETIME = Duration.ofMinutes(10);

  private static final int NONCE_BYTES = 12;
  private static final int EXPIRY_BYTES = 4;
  private static final int TAG_BYTES = 16;
  private static final int STATE_BYTES = NONCE_BYTES + EXPIRY_BYTES + TAG_BYTES;
  private static final String PURPOSE = "roadmap-coach/slack-oauth-state/v1";

  private final SecretKeySpec key;
  private final Supplier<Instant> now;
  private final SecureRandom random = new SecureRandom();

  /**
   * @param secret the app's signing secret: the states' key is derived from it
   * @param now the time states are issued and judged by
   */
  SignedStates(String secret, Supplier<Instant> now) {
    this.key = Hmac.key(bytes(secret), PURPOSE);
    this.now = now;
  }

  /** A new state, good for {@link #LIFETIME}. */
  String issue() {
    byte[] state = new byte[STATE_BYTES];
    random.nextBytes(state);
    long expires = now.get().plus(LIFETIME).getEpochSecond();
    ByteBuffer.wrap(state, NONCE_BYTES, EXPIRY_BYTES).putInt((int) expires);
    System.arraycopy(tag(state), 0, state, NONCE_BYTES + EXPIRY_BYTES, TAG_BYTES);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(state);
  }

  /** When the state expires, if it is ours (its HMAC verifies); empty for anything else. */
  Optional<Instant> expiry(String state) {
    byte[] bytes = decode(state);
    if (bytes.length != STATE_BYTES) {
      return Optional.empty();
    }
    byte[] given = Arrays.copyOfRange(bytes, NONCE_BYTES + EXPIRY_BYTES, STATE_BYTES);
    if (!MessageDigest.isEqual(given, Arrays.copyOf(tag(bytes), TAG_BYTES))) {
      return Optional.empty();
    }
    long expires =
        Integer.toUnsignedLong(ByteBuffer.wrap(bytes, NONCE_BYTES, EXPIRY_BYTES).getInt());
    return Optional.of(Instant.ofEpochSecond(expires));
  }

  /** Whether a state that expires then is still good now. */
  boolean inTime(Instant expiry) {
    return now.get().isBefore(expiry);
  }

  /** The HMAC of the state's nonce and expiry. */
  private byte[] tag(byte[] state) {
    return Hmac.of(key, Arrays.copyOf(state, NONCE_BYTES + EXPIRY_BYTES));
  }

  private static byte[] decode(String state) {
    if (state == null || state.length() != 43) {
      return new byte[0];
    }
    try {
      return Base64.getUrlDecoder().decode(state);
    } catch (IllegalArgumentException e) {
      return new byte[0];
    }
  }

  private static byte[] bytes(String secret) {
    if (secret == null || secret.isEmpty()) {
      throw new IllegalArgumentException("OAuth states need the signing secret");
    }
    return secret.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "SignedStates[HMAC-SHA256, key=***]";
  }
}
