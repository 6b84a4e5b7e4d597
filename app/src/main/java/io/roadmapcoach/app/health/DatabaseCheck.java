package io.roadmapcoach.app.health;

import java.util.function.BooleanSupplier;

/** The database answers: a pooled connection, valid. The app cannot serve without it. */
public final class DatabaseCheck implements HealthCheck {
  private final BooleanSupplier answers;

  public DatabaseCheck(BooleanSupplier answers) {
    this.answers = answers;
  }

  @Override
  public String name() {
    return "database";
  }

  @Override
  public boolean neededToServe() {
    return true;
  }

  @Override
  public Status check() {
    long started = System.nanoTime();
    boolean up = answers.getAsBoolean();
    long millis = (System.nanoTime() - started) / 1_000_000;
    return (up ? Status.ok() : Status.down("no connection to the database")).with("millis", millis);
  }
}
