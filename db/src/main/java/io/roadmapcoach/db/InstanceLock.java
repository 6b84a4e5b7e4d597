package io.roadmapcoach.db;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One running instance per data directory. The operating system drops the lock when the process
 * dies, however it dies, so a hard kill never leaves a stale lock behind.
 */
final class InstanceLock implements AutoCloseable {
  static final String FILE_NAME = "instance.lock";

  private final FileChannel channel;
  private final FileLock lock;

  private InstanceLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  static InstanceLock acquire(Path dataDirectory) {
    Path file = dataDirectory.resolve(FILE_NAME);
    try {
      Files.createDirectories(dataDirectory);
      FileChannel channel =
          FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock = tryLock(channel);
      if (lock == null) {
        channel.close();
        throw new DatabaseStartupException(alreadyRunning(dataDirectory, file));
      }
      channel.truncate(0);
      channel.write(
          ByteBuffer.wrap(
              (ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)));
      channel.force(false);
      return new InstanceLock(channel, lock);
    } catch (IOException e) {
      throw new DatabaseStartupException(
          "Cannot use the data directory " + dataDirectory + ": " + e.getMessage(), e);
    }
  }

  /** Null when another process, or another opener in this one, holds the lock. */
  private static FileLock tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (OverlappingFileLockException heldInThisProcess) {
      return null;
    }
  }

  private static String alreadyRunning(Path dataDirectory, Path file) {
    String holder = "";
    try {
      holder = Files.readString(file, StandardCharsets.US_ASCII).strip();
    } catch (IOException ignored) {
      // the pid is a courtesy in the message, not needed to refuse
    }
    return "Another Roadmap Coach is already running on the data directory "
        + dataDirectory
        + (holder.isEmpty() ? "" : " (process " + holder + ")")
        + ". Stop that one first, or give this one its own directory with ROADMAP_DATA_DIR.";
  }

  @Override
  public void close() throws IOException {
    lock.release();
    channel.close();
  }
}
