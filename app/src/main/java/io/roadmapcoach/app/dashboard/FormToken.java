package io.roadmapcoach.app.dashboard;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The hidden token of the dashboard's forms that change something (a roadmap upload, its Apply):
 * derived from the browser's session id, so it needs no storage, ends with the session, and another
 * site that cannot read our pages cannot know it. It is not the session id's stored hash (a
 * different prefix), so a leaked page does not name the session row either.
 */
final class FormToken {
  private static final String PURPOSE = "roadmap-coach dashboard form\u0000";

  private FormToken() {}

  static String of(String sessionId) {
    byte[] digest = sha256((PURPOSE + sessionId).getBytes(StandardCharsets.UTF_8));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
  }

  /** Whether the form sent the session's token, compared in constant time. */
  static boolean matches(String sessionId, String sent) {
    if (sent == null) {
      return false;
    }
    return MessageDigest.isEqual(
        of(sessionId).getBytes(StandardCharsets.US_ASCII), sent.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
