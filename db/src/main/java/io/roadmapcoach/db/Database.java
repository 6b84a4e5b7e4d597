package io.roadmapcoach.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
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
  private final Migrations migrations;

  private Database(
      HikariDataSource pool, Optional<EmbeddedServer> embedded, Migrations migrations) {
    this.pool = pool;
    this.embedded = embedded;
    this.dsl = jooq(pool);
    this.migrations = migrations;
  }

  /**
   * What opening did to the schema.
   *
   * @param applied how many migrations were applied just now
   * @param version the schema's version after them
   */
  public record Migrations(int applied, String version) {}

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
      Migrations migrations = migrate(pool, settings);
      return new Database(pool, embedded, migrations);
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
    // at start-up an external server may still be coming up: wait for it a while
    config.setInitializationFailTimeout(30_000);
    // afterwards an outage is told within the connection timeout, not the pool's default 30 s
    long timeoutMillis = settings.connectionTimeout().toMillis();
    config.setConnectionTimeout(timeoutMillis);
    config.setValidationTimeout(Math.max(250, Math.min(1000, timeoutMillis - 250)));
    driverTimeouts(settings.connectionTimeout())
        .forEach((name, value) -> config.addDataSourceProperty(name, value));
    try {
      return new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new DatabaseStartupException(
          "Cannot connect to " + settings + ": " + rootMessage(e), e);
    }
  }

  /**
   * The PostgreSQL driver's own timeouts (a URL that sets them wins): a server that does not answer
   * the connection attempt or the login is given up on within the connection timeout; a query whose
   * server went silent (a network cut, no reset) within a minute, rather than the operating
   * system's quarter of an hour. No query of ours waits that long for a reply.
   */
  static Map<String, String> driverTimeouts(Duration connectionTimeout) {
    String seconds = String.valueOf(Math.max(1, (connectionTimeout.toMillis() + 999) / 1000));
    return Map.of(
        "connectTimeout",
        seconds,
        "loginTimeout",
        seconds,
        "socketTimeout",
        "60",
        "tcpKeepAlive",
        "true");
  }

  private static Migrations migrate(DataSource dataSource, DatabaseSettings settings) {
    try {
      Flyway flyway =
          Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load();
      var result = flyway.migrate();
      if (result.migrationsExecuted > 0) {
        log.info("Applied {} schema migrations to {}", result.migrationsExecuted, settings);
      }
      MigrationInfo current = flyway.info().current();
      return new Migrations(
          result.migrationsExecuted, current == null ? "none" : current.getVersion().getVersion());
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
    return Redaction.redact(root.getMessage());
  }

  /**
   * What {@code check} learns of an external server without changing anything: that it answers
   * within {@code timeout}, its version, and how many of our migrations it still lacks.
   *
   * @throws DatabaseStartupException naming the server (never its password) and what went wrong
   */
  public static Probe probe(DatabaseSettings settings, Duration timeout) {
    if (settings.isEmbedded()) {
      throw new IllegalArgumentException("probe is for an external server");
    }
    Properties properties = new Properties();
    settings.user().ifPresent(user -> properties.setProperty("user", user));
    settings.password().ifPresent(password -> properties.setProperty("password", password));
    driverTimeouts(timeout).forEach(properties::setProperty);
    String url = settings.externalUrl().orElseThrow();
    String serverVersion;
    try (Connection connection = DriverManager.getConnection(url, properties)) {
      serverVersion = connection.getMetaData().getDatabaseProductVersion();
    } catch (SQLException e) {
      throw new DatabaseStartupException(
          "Cannot connect to " + settings + ": " + rootMessage(e), e);
    }
    try {
      Flyway flyway =
          Flyway.configure()
              .dataSource(url, settings.user().orElse(null), settings.password().orElse(null))
              .locations("classpath:db/migration")
              .load();
      MigrationInfo current = flyway.info().current();
      return new Probe(
          serverVersion,
          current == null ? "none" : current.getVersion().getVersion(),
          flyway.info().pending().length);
    } catch (FlywayException e) {
      throw new DatabaseStartupException(
          "Cannot read the schema version of " + settings + ": " + rootMessage(e), e);
    }
  }

  /**
   * An external server as {@link #probe} found it.
   *
   * @param serverVersion PostgreSQL's version, such as {@code 17.11}
   * @param schemaVersion our schema's version there ({@code none} on an empty database)
   * @param pendingMigrations migrations the next start (or {@code migrate}) will apply
   */
  public record Probe(String serverVersion, String schemaVersion, int pendingMigrations) {}

  /**
   * Why the embedded PostgreSQL could not start on this machine, if it could not: the jar carries
   * its binaries for the machine it was built on only (see the {@code all-platforms} build
   * profile).
   */
  public static Optional<String> embeddedBinariesProblem() {
    return EmbeddedServer.binariesProblem();
  }

  public DataSource dataSource() {
    return pool;
  }

  public DSLContext dsl() {
    return dsl;
  }

  /**
   * Whether the database answers: a connection within the connection timeout, valid within a
   * second. The app's readiness.
   */
  /**
   * Reports the pool's figures (connections active, idle, pending; how long a connection took to
   * get, and timeouts) to a Micrometer {@code MeterRegistry}, through HikariCP's own Micrometer
   * support: {@code hikaricp_connections_*} on {@code /metrics}. Typed loosely, as HikariCP takes
   * it, so this module needs no metrics library.
   */
  public void reportPoolTo(Object meterRegistry) {
    pool.setMetricRegistry(meterRegistry);
  }

  public boolean healthy() {
    try (Connection connection = pool.getConnection()) {
      return connection.isValid(1);
    } catch (SQLException e) {
      return false;
    }
  }

  /** What opening did to the schema: migrations applied and the version reached. */
  public Migrations migrations() {
    return migrations;
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
