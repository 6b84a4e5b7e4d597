package io.roadmapcoach.core.testing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.roadmapcoach.db.testing.TestDatabase;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * An app instance's own pool on the test database, which a test can kill as {@code kill -9} would:
 * from that instant every call fails, on connections already handed out too, and the server's side
 * of them is cut (their transactions roll back, their row locks go), with nothing written on the
 * way out.
 */
public final class KillableDataSource extends DelegatingDataSource {
  private final HikariDataSource pool;
  private volatile boolean killed;

  public KillableDataSource(int connections) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(((HikariDataSource) TestDatabase.dataSource()).getJdbcUrl());
    config.setUsername("postgres");
    config.setMaximumPoolSize(connections);
    this.pool = new HikariDataSource(config);
  }

  /** From now on nothing reaches the database; the pool's connections are aborted meanwhile. */
  public void kill() {
    killed = true;
    Thread.ofPlatform().name("killed-pool").start(pool::close);
  }

  /** A stop at the end of a test. */
  public void close() {
    killed = true;
    pool.close();
  }

  @Override
  public Connection getConnection() throws SQLException {
    alive();
    Connection real = pool.getConnection();
    return (Connection)
        Proxy.newProxyInstance(
            Connection.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            (proxy, method, args) -> {
              if (!method.getName().equals("close")) {
                alive();
              }
              try {
                return method.invoke(real, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }

  private void alive() throws SQLException {
    if (killed) {
      throw new SQLException("the instance was killed", "08006");
    }
  }

  @Override
  protected DataSource pool() {
    return pool;
  }
}
