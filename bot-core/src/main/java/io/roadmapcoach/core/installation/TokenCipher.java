package io.roadmapcoach.core.installation;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts platform tokens before they are stored: AES-256 in GCM mode from the JDK, the key
 * derived from {@code ROADMAP_SECRET_KEY} (SHA-256 of its text: the secret is expected to be long
 * and random, so no slow derivation is needed, and a text that is not is refused, see {@link
 * #weakness}). Each value gets a fresh 96-bit nonce, and the workspace and purpose it belongs to
 * are bound in as associated data, so a token copied into another row does not decrypt. Stored
 * form: a version byte, the nonce, the ciphertext and tag.
 *
 * <p>Rotation: with {@code ROADMAP_SECRET_KEY_PREVIOUS} a value the previous key sealed still
 * opens, and is said to be {@linkplain Opened#underPreviousKey under the previous key} so that its
 * reader seals it again under the current one.
 */
public final class TokenCipher {
  /** The shortest {@code ROADMAP_SECRET_KEY} accepted: 32 characters of random text. */
  public static final int MIN_SECRET_LENGTH = 32;

  /** Random text of {@link #MIN_SECRET_LENGTH} characters has far more different ones than this. */
  public static final int MIN_DISTINCT_CHARACTERS = 16;

  private static final String HOW =
      " (e.g. the output of `openssl rand -base64 32`; see docs/operations.md to change it)";
  private static final byte VERSION = 1;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final SecretKeySpec key;
  private final Optional<SecretKeySpec> previousKey;
  private final SecureRandom random;

  private TokenCipher(SecretKeySpec key, Optional<SecretKeySpec> previousKey, SecureRandom random) {
    this.key = key;
    this.previousKey = previousKey;
    this.random = random;
  }

  /** A cipher keyed by the secret's text; refused when the text is {@linkplain #weakness weak}. */
  public static TokenCipher fromSecret(String secret) {
    return fromSecrets(secret, Optional.empty());
  }

  /**
   * A cipher keyed by the secret's text that also opens what {@code previous} sealed. The current
   * secret must not be weak; the previous one may be (moving away from a weak key is the point).
   */
  public static TokenCipher fromSecrets(String secret, Optional<String> previous) {
    weakness(secret)
        .ifPresent(
            why -> {
              throw new IllegalArgumentException(why);
            });
    return new TokenCipher(
        key(secret), previous.filter(p -> !p.isBlank()).map(TokenCipher::key), new SecureRandom());
  }

  /** Today's derivation, kept so that stored tokens stay readable: SHA-256 of the stripped text. */
  private static SecretKeySpec key(String secret) {
    try {
      byte[] bytes =
          MessageDigest.getInstance("SHA-256")
              .digest(secret.strip().getBytes(StandardCharsets.UTF_8));
      return new SecretKeySpec(bytes, "AES");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }

  /**
   * Why the text is too weak to key the cipher, if it is, in a sentence that never shows it: fewer
   * than {@link #MIN_SECRET_LENGTH} characters, fewer than {@link #MIN_DISTINCT_CHARACTERS}
   * different ones, or a short unit repeated ({@code abcdabcd...}).
   */
  public static Optional<String> weakness(String secret) {
    String text = secret == null ? "" : secret.strip();
    if (text.length() < MIN_SECRET_LENGTH) {
      return Optional.of(
          "ROADMAP_SECRET_KEY must be at least "
              + MIN_SECRET_LENGTH
              + " characters of random text"
              + HOW
              + ", not "
              + text.length());
    }
    long distinct = text.codePoints().distinct().count();
    if (distinct < MIN_DISTINCT_CHARACTERS) {
      return Optional.of(
          "ROADMAP_SECRET_KEY has only "
              + distinct
              + " different characters; random text has at least "
              + MIN_DISTINCT_CHARACTERS
              + HOW);
    }
    int period = shortestPeriod(text);
    if (period <= text.length() / 2) {
      return Optional.of(
          "ROADMAP_SECRET_KEY repeats the same "
              + period
              + " characters over and over; use random text"
              + HOW);
    }
    return Optional.empty();
  }

  /**
   * The length of the shortest unit whose repetition (the last one perhaps cut short) makes the
   * text: its length when nothing repeats. From the prefix function: the longest proper prefix that
   * is also a suffix.
   */
  static int shortestPeriod(String text) {
    int[] border = new int[text.length()];
    for (int i = 1; i < text.length(); i++) {
      int k = border[i - 1];
      while (k > 0 && text.charAt(i) != text.charAt(k)) {
        k = border[k - 1];
      }
      border[i] = text.charAt(i) == text.charAt(k) ? k + 1 : k;
    }
    return text.length() - (text.isEmpty() ? 0 : border[text.length() - 1]);
  }

  /** The token, encrypted and bound to {@code context} (which workspace, which token). */
  byte[] encrypt(String token, String context) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(token.getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length)
          .put(VERSION)
          .put(nonce)
          .put(sealed)
          .array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available", e);
    }
  }

  /** A token read back, and whether the previous key had sealed it (so it wants sealing again). */
  record Opened(String token, boolean underPreviousKey) {
    @Override
    public String toString() {
      return "Opened[token=***, underPreviousKey=" + underPreviousKey + "]";
    }
  }

  /**
   * The token back, under the current key or else the previous one; fails when the stored value was
   * made with neither (ROADMAP_SECRET_KEY was changed), for another context, or was altered.
   */
  Opened open(byte[] stored, String context) {
    if (stored == null || stored.length <= 1 + NONCE_BYTES || stored[0] != VERSION) {
      throw new UndecryptableToken("a stored token is not in the expected form");
    }
    Optional<String> current = open(key, stored, context);
    if (current.isPresent()) {
      return new Opened(current.get(), false);
    }
    Optional<String> previous = previousKey.flatMap(k -> open(k, stored, context));
    if (previous.isPresent()) {
      return new Opened(previous.get(), true);
    }
    throw new UndecryptableToken(
        previousKey.isPresent()
            ? "a stored token decrypts with neither ROADMAP_SECRET_KEY nor"
                + " ROADMAP_SECRET_KEY_PREVIOUS (was the key changed twice?)"
            : "a stored token does not decrypt with ROADMAP_SECRET_KEY (was the key changed? set"
                + " the old one as ROADMAP_SECRET_KEY_PREVIOUS)");
  }

  /** The plain text, or empty when this key did not seal the value (the tag does not match). */
  private static Optional<String> open(SecretKeySpec with, byte[] stored, String context) {
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.DECRYPT_MODE, with, new GCMParameterSpec(TAG_BITS, stored, 1, NONCE_BYTES));
      cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
      byte[] plain = cipher.doFinal(stored, 1 + NONCE_BYTES, stored.length - 1 - NONCE_BYTES);
      return Optional.of(new String(plain, StandardCharsets.UTF_8));
    } catch (AEADBadTagException e) {
      return Optional.empty();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available", e);
    }
  }

  /** A stored token that cannot be read back; its message never carries the token. */
  public static final class UndecryptableToken extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    UndecryptableToken(String message) {
      super(message);
    }
  }

  @Override
  public String toString() {
    return "TokenCipher[AES-256-GCM, key=***"
        + (previousKey.isPresent() ? ", previous key=***" : "")
        + "]";
  }
}
