package io.roadmapcoach.core.testing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.roadmapcoach.db.testing.TestDatabase;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * An app instance's own pool on the test database, which a test can kill as {@code kill -9} would:
 * from that instant every call fails, on connections already handed out too, and the server's side
 * of them is cut (their transactions roll back, their row locks go), with nothing written on the
 * way out.
 */
public final class KillableDataSource implements DataSource {
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
  public Connection getConnection(String username, String password) throws SQLException {
    return getConnection();
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return pool.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    pool.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    pool.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return pool.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return pool.getParentLogger();
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    return pool.unwrap(type);
  }

  @Override
  public boolean isWrapperFor(Class<?> type) throws SQLException {
    return pool.isWrapperFor(type);
  }
}
