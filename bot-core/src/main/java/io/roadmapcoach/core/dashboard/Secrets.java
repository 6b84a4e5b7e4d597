package io.roadmapcoach.core.dashboard;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Link tokens and session ids: 256 random bits from a {@link SecureRandom}, written URL-safe; only
 * their SHA-256 is stored, so the database alone opens no dashboard.
 */
final class Secrets {
  private static final int BYTES = 32;

  private final SecureRandom random;

  Secrets(SecureRandom random) {
    this.random = random;
  }

  String next() {
    byte[] bytes = new byte[BYTES];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Whether the text could be one of ours; anything else is refused before any lookup. */
  static boolean wellFormed(String secret) {
    return secret != null && secret.length() == 43 && secret.matches("[A-Za-z0-9_-]+");
  }

  static byte[] hash(String secret) {
    try {
      return MessageDigest.getInstance("SHA-256")
          .digest(secret.getBytes(StandardCharsets.US_ASCII));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }
}
