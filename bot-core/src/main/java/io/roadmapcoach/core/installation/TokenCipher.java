package io.roadmapcoach.core.installation;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts platform tokens before they are stored: AES-256 in GCM mode from the JDK, the key
 * derived from {@code ROADMAP_SECRET_KEY} (SHA-256 of its text: the secret is expected to be long
 * and random, so no slow derivation is needed). Each value gets a fresh 96-bit nonce, and the
 * workspace and purpose it belongs to are bound in as associated data, so a token copied into
 * another row does not decrypt. Stored form: a version byte, the nonce, the ciphertext and tag.
 */
public final class TokenCipher {
  /** The shortest {@code ROADMAP_SECRET_KEY} accepted: 32 characters of random text. */
  public static final int MIN_SECRET_LENGTH = 32;

  private static final byte VERSION = 1;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final SecretKeySpec key;
  private final SecureRandom random;

  private TokenCipher(SecretKeySpec key, SecureRandom random) {
    this.key = key;
    this.random = random;
  }

  /** A cipher keyed by the secret's text; refused when shorter than {@link #MIN_SECRET_LENGTH}. */
  public static TokenCipher fromSecret(String secret) {
    if (secret == null || secret.strip().length() < MIN_SECRET_LENGTH) {
      throw new IllegalArgumentException(
          "ROADMAP_SECRET_KEY must be at least "
              + MIN_SECRET_LENGTH
              + " characters of random text (e.g. the output of `openssl rand -base64 32`)");
    }
    try {
      byte[] bytes =
          MessageDigest.getInstance("SHA-256")
              .digest(secret.strip().getBytes(StandardCharsets.UTF_8));
      return new TokenCipher(new SecretKeySpec(bytes, "AES"), new SecureRandom());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
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

  /**
   * The token back; fails when the stored value was made with another key (ROADMAP_SECRET_KEY was
   * changed), for another context, or was altered.
   */
  String decrypt(byte[] stored, String context) {
    if (stored == null || stored.length <= 1 + NONCE_BYTES || stored[0] != VERSION) {
      throw new UndecryptableToken("a stored token is not in the expected form");
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, 1, NONCE_BYTES));
      cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
      byte[] plain = cipher.doFinal(stored, 1 + NONCE_BYTES, stored.length - 1 - NONCE_BYTES);
      return new String(plain, StandardCharsets.UTF_8);
    } catch (AEADBadTagException e) {
      throw new UndecryptableToken(
          "a stored token does not decrypt with ROADMAP_SECRET_KEY (was the key changed?)");
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
    return "TokenCipher[AES-256-GCM, key=***]";
  }
}
