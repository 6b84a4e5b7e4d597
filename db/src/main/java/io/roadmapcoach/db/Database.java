package io.roadmapcoach.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.impl.DataSourceConnectionProvider;
import org.jooq.impl.DefaultConfiguration;
import org.jooq.impl.ThreadLocalTransactionProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The open database: a connection pool on the external or embedded PostgreSQL, migrated to the
 * current schema. Close it to stop the pool and, when embedded, the server.
 */
public final class Database implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Database.class);

  private final HikariDataSource pool;
  private final Optional<EmbeddedServer> embedded;
  private final DSLContext dsl;

  private Database(HikariDataSource pool, Optional<EmbeddedServer> embedded) {
    this.pool = pool;
    this.embedded = embedded;
    this.dsl = jooq(pool);
  }

  /** Opens the database the settings name, and brings its schema up to date. */
  public static Database open(DatabaseSettings settings) {
    return open(settings, true);
  }

  /**
   * Opens the database; {@code durable=false} lets an embedded server skip fsync, for tests and
   * benchmarks whose data is thrown away.
   */
  public static Database open(DatabaseSettings settings, boolean durable) {
    log.info("Opening {}", settings);
    Optional<EmbeddedServer> embedded =
        settings.isEmbedded()
            ? Optional.of(EmbeddedServer.start(settings.dataDirectory(), durable))
            : Optional.empty();
    HikariDataSource pool = null;
    try {
      String url = embedded.map(EmbeddedServer::jdbcUrl).orElseGet(settings.externalUrl()::get);
      pool = pool(url, settings);
      migrate(pool, settings);
      return new Database(pool, embedded);
    } catch (RuntimeException e) {
      if (pool != null) {
        pool.close();
      }
      embedded.ifPresent(EmbeddedServer::close);
      throw e;
    }
  }

  /** A jOOQ context whose transactions bind to the calling thread. */
  public static DSLContext jooq(DataSource dataSource) {
    return DSL.using(
        new DefaultConfiguration()
            .set(SQLDialect.POSTGRES)
            .set(new ThreadLocalTransactionProvider(new DataSourceConnectionProvider(dataSource))));
  }

  private static HikariDataSource pool(String url, DatabaseSettings settings) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("roadmap");
    config.setJdbcUrl(url);
    settings.user().ifPresent(config::setUsername);
    settings.password().ifPresent(config::setPassword);
    if (settings.isEmbedded()) {
      config.setUsername("postgres");
    }
    config.setMaximumPoolSize(settings.poolSize());
    config.setMinimumIdle(2);
    config.setInitializationFailTimeout(30_000);
    try {
      return new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new DatabaseStartupException(
          "Cannot connect to " + settings + ": " + rootMessage(e), e);
    }
  }

  private static void migrate(DataSource dataSource, DatabaseSettings settings) {
    try {
      var result =
          Flyway.configure()
              .dataSource(dataSource)
              .locations("classpath:db/migration")
              .load()
              .migrate();
      if (result.migrationsExecuted > 0) {
        log.info("Applied {} schema migrations to {}", result.migrationsExecuted, settings);
      }
    } catch (FlywayException e) {
      throw new DatabaseStartupException(
          "Cannot bring the schema of " + settings + " up to date: " + rootMessage(e), e);
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage();
  }

  public DataSource dataSource() {
    return pool;
  }

  public DSLContext dsl() {
    return dsl;
  }

  /** Whether the database answers within two seconds: the app's health. */
  public boolean healthy() {
    try (java.sql.Connection connection = pool.getConnection()) {
      return connection.isValid(2);
    } catch (java.sql.SQLException e) {
      return false;
    }
  }

  public boolean isEmbedded() {
    return embedded.isPresent();
  }

  @Override
  public void close() {
    pool.close();
    embedded.ifPresent(EmbeddedServer::close);
  }
}
