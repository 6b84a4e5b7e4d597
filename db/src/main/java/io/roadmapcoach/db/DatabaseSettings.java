package io.roadmapcoach.db;

import java.nio.file.Path;
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
 */
public record DatabaseSettings(
    Optional<String> externalUrl,
    Optional<String> user,
    Optional<String> password,
    Path dataDirectory,
    int poolSize) {

  public DatabaseSettings {
    Objects.requireNonNull(externalUrl);
    Objects.requireNonNull(user);
    Objects.requireNonNull(password);
    Objects.requireNonNull(dataDirectory);
    if (poolSize < 2) {
      throw new IllegalArgumentException("the pool needs at least 2 connections");
    }
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
    // the password stays out of every log line and error message
    return isEmbedded()
        ? "embedded PostgreSQL in " + dataDirectory
        : "PostgreSQL at " + externalUrl.orElseThrow();
  }
}
