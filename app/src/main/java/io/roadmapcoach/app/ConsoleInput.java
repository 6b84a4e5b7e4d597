package io.roadmapcoach.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * The console's input, line by line, telling {@link Shutdown} what the console is doing: between
 * returning a line and being asked for the next, a command is being handled, and a Ctrl-C lets it
 * finish; while waiting for the person to type there is nothing to wait for. Once a stop is asked
 * for, the input ends.
 */
final class ConsoleInput extends BufferedReader {
  private final Shutdown shutdown;
  private boolean handling;

  ConsoleInput(InputStream in, Shutdown shutdown) {
    super(new InputStreamReader(in, StandardCharsets.UTF_8));
    this.shutdown = shutdown;
  }

  @Override
  public String readLine() throws IOException {
    done();
    if (shutdown.requested()) {
      return null;
    }
    String line = super.readLine();
    if (line == null || shutdown.requested()) {
      return null;
    }
    handling = true;
    shutdown.workStarted();
    return line;
  }

  /** The console stopped reading (end of input, {@code :quit}): nothing of it is in flight. */
  void done() {
    if (handling) {
      handling = false;
      shutdown.workEnded();
    }
  }
}
