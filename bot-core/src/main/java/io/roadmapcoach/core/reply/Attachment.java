package io.roadmapcoach.core.reply;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * A file that goes with a reply: text such as the team CSV, or bytes such as a PNG chart.
 *
 * @param bytes the file's content; a text file's is UTF-8
 */
public record Attachment(String fileName, String mediaType, byte[] bytes) {

  public Attachment {
    Objects.requireNonNull(fileName);
    Objects.requireNonNull(mediaType);
    bytes = bytes.clone();
  }

  /** A text file, stored as UTF-8. */
  public Attachment(String fileName, String mediaType, String content) {
    this(fileName, mediaType, content.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  /** The content read as UTF-8 text; meaningful only when {@link #isText()}. */
  public String content() {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** Whether the file is text a person can read where it is shown (CSV), rather than an image. */
  public boolean isText() {
    return mediaType.startsWith("text/");
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Attachment a
        && fileName.equals(a.fileName)
        && mediaType.equals(a.mediaType)
        && Arrays.equals(bytes, a.bytes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(fileName, mediaType, Arrays.hashCode(bytes));
  }

  @Override
  public String toString() {
    return "Attachment[" + fileName + ", " + mediaType + ", " + bytes.length + " bytes]";
  }
}
