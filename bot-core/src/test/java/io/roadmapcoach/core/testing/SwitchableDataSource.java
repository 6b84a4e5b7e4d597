package io.roadmapcoach.core.testing;

import io.roadmapcoach.db.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * The test database's pool, with a switch that takes the server away: while it is off, asking for a
 * connection fails as the PostgreSQL driver fails when nothing listens (SQL state 08001). Counts
 * the connections asked for, so a test can tell whether the database was tried at all.
 */
public final class SwitchableDataSource extends DelegatingDataSource {
  private final DataSource pool = TestDatabase.dataSource();
  private final AtomicInteger asked = new AtomicInteger();
  private volatile boolean away;

  public void takeAway() {
    away = true;
  }

  public void bringBack() {
    away = false;
  }

  /** How many connections were asked for so far. */
  public int connectionsAsked() {
    return asked.get();
  }

  @Override
  public Connection getConnection() throws SQLException {
    asked.incrementAndGet();
    if (away) {
      throw new SQLException(
          "Connection to 127.0.0.1:5432 refused. Check that the hostname and port are correct"
              + " and that the postmaster is accepting TCP/IP connections.",
          "08001");
    }
    return pool.getConnection();
  }

  @Override
  protected DataSource pool() {
    return pool;
  }
}
