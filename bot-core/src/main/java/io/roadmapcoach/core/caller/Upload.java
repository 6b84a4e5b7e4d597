package io.roadmapcoach.core.caller;

import java.util.Arrays;
import java.util.Objects;

/**
 * A file that came with a command (a Discord attachment option, Slack's file input, the dashboard's
 * form, the console's {@code :attach}): its name as the member gave it and its bytes. Adapters read
 * at most {@link #MAX_READ} bytes of it, so a larger file is known to be too large without being
 * held whole.
 *
 * @param size the file's size as its platform reported it (at least {@code bytes.length})
 */
public record Upload(String fileName, byte[] bytes, long size) {
  /** What an adapter reads of a file at most: one byte more than any roadmap may be. */
  public static final int MAX_READ = 512 * 1024 + 1;

  public Upload {
    Objects.requireNonNull(fileName);
    bytes = bytes.clone();
    if (size < bytes.length) {
      throw new IllegalArgumentException("size below the bytes read");
    }
  }

  /** A file read whole. */
  public Upload(String fileName, byte[] bytes) {
    this(fileName, bytes, bytes.length);
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  /** "roadmap.yaml (12 KB)": how replies name it. */
  public String described() {
    long kb = Math.max(1, Math.round(size / 1024.0));
    return fileName + " (" + kb + " KB)";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Upload u
        && fileName.equals(u.fileName)
        && size == u.size
        && Arrays.equals(bytes, u.bytes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(fileName, size, Arrays.hashCode(bytes));
  }

  @Override
  public String toString() {
    return "Upload[" + fileName + ", " + size + " bytes]";
  }
}
