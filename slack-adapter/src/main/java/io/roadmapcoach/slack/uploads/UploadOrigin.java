package io.roadmapcoach.slack.uploads;

import io.roadmapcoach.slack.http.Hmac;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.spec.SecretKeySpec;

/**
 * Where a command that waits for a file came from: the workspace, the channel, the member and the
 * text they typed. It travels in the modal's {@code private_metadata} and comes back with the
 * submission, so it is signed: each field in base64url, then an HMAC-SHA256 of them all under a key
 * derived from the signing secret for this use alone. A view whose origin was altered (another
 * channel, another workspace) does not verify.
 *
 * @param channelName as Slack named it in the command ({@code directmessage} in a DM)
 */
public record UploadOrigin(
    String teamId,
    String teamDomain,
    String channelId,
    String channelName,
    String userId,
    String userName,
    String text) {
  private static final String PURPOSE = "roadmap-coach/slack-upload-modal/v1";
  private static final int TAG_BYTES = 16;
  private static final int FIELDS = 7;

  public UploadOrigin {
    Objects.requireNonNull(teamId);
    Objects.requireNonNull(channelId);
    Objects.requireNonNull(userId);
    Objects.requireNonNull(text);
  }

  /** Signs and reads origins with the app's signing secret. */
  public static final class Seal {
    private final SecretKeySpec key;

    private Seal(byte[] secret) {
      this.key = Hmac.key(secret, PURPOSE);
    }

    /**
     * A seal keyed from the app's secret; without one (never in a configuration that starts), a
     * random key, so forms can be submitted only to the instance that opened them.
     */
    public static Seal withSecret(Optional<String> secret) {
      if (secret.isPresent() && !secret.get().isEmpty()) {
        return new Seal(secret.get().getBytes(StandardCharsets.UTF_8));
      }
      byte[] random = new byte[32];
      new SecureRandom().nextBytes(random);
      return new Seal(random);
    }

    /** The origin as {@code private_metadata}: its fields and their tag. */
    String seal(UploadOrigin origin) {
      String fields = String.join(".", encoded(origin));
      return fields + "." + encode(tag(fields));
    }

    /** The origin a view carries, when its tag verifies; empty for anything else. */
    Optional<UploadOrigin> open(String metadata) {
      if (metadata == null) {
        return Optional.empty();
      }
      int cut = metadata.lastIndexOf('.');
      if (cut < 0) {
        return Optional.empty();
      }
      String fields = metadata.substring(0, cut);
      Optional<byte[]> given = decode(metadata.substring(cut + 1));
      if (given.isEmpty() || !MessageDigest.isEqual(given.get(), tag(fields))) {
        return Optional.empty();
      }
      List<String> values = new ArrayList<>();
      for (String field : fields.split("\\.", -1)) {
        Optional<byte[]> value = decode(field);
        if (value.isEmpty()) {
          return Optional.empty();
        }
        values.add(new String(value.get(), StandardCharsets.UTF_8));
      }
      if (values.size() != FIELDS) {
        return Optional.empty();
      }
      return Optional.of(
          new UploadOrigin(
              values.get(0),
              values.get(1),
              values.get(2),
              values.get(3),
              values.get(4),
              values.get(5),
              values.get(6)));
    }

    private byte[] tag(String fields) {
      return Arrays.copyOf(Hmac.of(key, fields.getBytes(StandardCharsets.US_ASCII)), TAG_BYTES);
    }

    @Override
    public String toString() {
      return "UploadOrigin.Seal[HMAC-SHA256, key=***]";
    }
  }

  private static List<String> encoded(UploadOrigin o) {
    return List.of(
            o.teamId,
            nullToEmpty(o.teamDomain),
            o.channelId,
            nullToEmpty(o.channelName),
            o.userId,
            nullToEmpty(o.userName),
            o.text)
        .stream()
        .map(v -> encode(v.getBytes(StandardCharsets.UTF_8)))
        .toList();
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }

  private static String encode(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static Optional<byte[]> decode(String field) {
    try {
      return Optional.of(Base64.getUrlDecoder().decode(field));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
