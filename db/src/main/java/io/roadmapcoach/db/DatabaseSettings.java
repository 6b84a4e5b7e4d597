package io.roadmapcoach.db;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the data lives: an external PostgreSQL when a JDBC URL is given, otherwise an embedded
 * PostgreSQL whose files are kept in {@code dataDirectory}.
 *
 * @param externalUrl JDBC URL of an external server, if any
 * @param user user for the external server
 * @param password password for the external server (never logged)
 * @param dataDirectory folder for the embedded server's files and the instance lock
 * @param poolSize largest number of pooled connections
 * @param connectionTimeout how long a caller waits for a connection (from the pool, or a new one to
 *     the server) before it is told the database is unreachable: short, so that a command during an
 *     outage gets its answer within the platforms' 3 s rather than after the pool's usual 30 s
 */
public record DatabaseSettings(
    Optional<String> externalUrl,
    Optional<String> user,
    Optional<String> password,
    Path dataDirectory,
    int poolSize,
    Duration connectionTimeout) {

  /** Leaves room for the answer within Slack's and Discord's 3 s. */
  public static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofMillis(1500);

  public DatabaseSettings {
    Objects.requireNonNull(externalUrl);
    Objects.requireNonNull(user);
    Objects.requireNonNull(password);
    Objects.requireNonNull(dataDirectory);
    Objects.requireNonNull(connectionTimeout);
    if (poolSize < 2) {
      throw new IllegalArgumentException("the pool needs at least 2 connections");
    }
    if (connectionTimeout.toMillis() < 250) {
      throw new IllegalArgumentException("the connection timeout must be 250 ms or more");
    }
  }

  public DatabaseSettings(
      Optional<String> externalUrl,
      Optional<String> user,
      Optional<String> password,
      Path dataDirectory,
      int poolSize) {
    this(externalUrl, user, password, dataDirectory, poolSize, DEFAULT_CONNECTION_TIMEOUT);
  }

  public static DatabaseSettings embedded(Path dataDirectory) {
    return new DatabaseSettings(
        Optional.empty(), Optional.empty(), Optional.empty(), dataDirectory, 16);
  }

  public boolean isEmbedded() {
    return externalUrl.isEmpty();
  }

  @Override
  public String toString() {
    // where it points and nothing else: the URL's user info and parameters may carry a password,
    // made of any characters, so none of them is shown
    return isEmbedded()
        ? "embedded PostgreSQL in " + dataDirectory
        : "PostgreSQL at " + Redaction.databaseAddress(externalUrl.orElseThrow());
  }
}
