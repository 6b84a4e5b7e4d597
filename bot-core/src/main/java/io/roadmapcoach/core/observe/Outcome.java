package io.roadmapcoach.core.observe;

/** How a command ended, as an operator counts it. */
public enum Outcome {
  /** Carried out (or answered, for help and the like). */
  OK("ok"),
  /** The input was not a command, or not a well-formed one; nothing was done. */
  INVALID("invalid"),
  /** Well formed, but not the caller's to run (a lead's command, no channel yet). */
  REFUSED("refused"),
  /** The coach failed and apologised; its transaction was rolled back. */
  FAILED("failed"),
  /** The database could not be reached; nothing was done. */
  DATABASE_UNAVAILABLE("db-unavailable"),
  /** Every connection for commands was busy, and the queue for them full; nothing was done. */
  BUSY("busy");

  private final String key;

  Outcome(String key) {
    this.key = key;
  }

  /** The outcome's name in metrics: {@code ok}, {@code db-unavailable}. */
  public String key() {
    return key;
  }
}
