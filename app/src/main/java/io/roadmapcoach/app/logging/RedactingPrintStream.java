package io.roadmapcoach.app.logging;

import io.roadmapcoach.db.Redaction;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * What the app prints for its operator (standard error; {@code check}'s and {@code migrate}'s
 * report), with every secret masked on the way out: an exception's message is printed as it came,
 * whatever a library put in it.
 */
public final class RedactingPrintStream extends PrintStream {
  private final Redaction redaction;

  public RedactingPrintStream(PrintStream target, Redaction redaction) {
    super(target, true, StandardCharsets.UTF_8);
    this.redaction = redaction;
  }

  @Override
  public void print(String text) {
    super.print(redaction.apply(text));
  }

  @Override
  public void print(Object value) {
    print(String.valueOf(value));
  }

  @Override
  public void println(Object value) {
    println(String.valueOf(value));
  }
}
