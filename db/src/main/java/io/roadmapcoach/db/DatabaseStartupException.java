package io.roadmapcoach.db;

/** The database could not be opened; the message tells a person what to do about it. */
public final class DatabaseStartupException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DatabaseStartupException(String message) {
    super(message);
  }

  public DatabaseStartupException(String message, Throwable cause) {
    super(message, cause);
  }
}
