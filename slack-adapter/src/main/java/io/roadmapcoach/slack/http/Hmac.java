package io.roadmapcoach.slack.http;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 for what the adapter hands strangers and must know again (OAuth states, the upload
 * form's origin): a key derived from a secret for one use alone, so that a value signed for one
 * purpose never verifies for another.
 */
public final class Hmac {
  private static final String ALGORITHM = "HmacSHA256";

  private Hmac() {}

  /** A key for {@code purpose} alone, derived from {@code secret}. */
  public static SecretKeySpec key(byte[] secret, String purpose) {
    SecretKeySpec root = new SecretKeySpec(secret, ALGORITHM);
    return new SecretKeySpec(of(root, purpose.getBytes(StandardCharsets.US_ASCII)), ALGORITHM);
  }

  /** The HMAC-SHA256 of {@code data}. */
  public static byte[] of(SecretKeySpec key, byte[] data) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java has HmacSHA256", e);
    }
  }
}
