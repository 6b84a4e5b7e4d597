package io.roadmapcoach.core.installation;

import io.roadmapcoach.core.caller.Platform;
import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hears every change to installations stored by any instance, on a connection of its own that
 * LISTENs to them (each change NOTIFYs in the transaction that stores it, so it is heard once
 * committed), and makes the cache forget the workspace. While the connection is being opened, or
 * after it was lost, the cache keeps nothing; it is opened again after a second.
 */
final class InstallationChanges implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(InstallationChanges.class);
  private static final Duration RECONNECT_AFTER = Duration.ofSeconds(1);
  private static final int WAIT_MILLIS = 250;

  private final Callable<Connection> opener;
  private final InstallationCache cache;
  private final Thread listener;
  private volatile boolean open = true;

  InstallationChanges(Callable<Connection> opener, InstallationCache cache) {
    this.opener = opener;
    this.cache = cache;
    this.listener =
        Thread.ofPlatform().name("installation-changes").daemon(true).start(this::listen);
  }

  private void listen() {
    while (open) {
      try (Connection connection = opener.call()) {
        PGConnection pg = connection.unwrap(PGConnection.class);
        InstallationRepository.listen(connection);
        cache.listening(true);
        log.debug("Listening for changes to installations");
        while (open) {
          PGNotification[] heard = pg.getNotifications(WAIT_MILLIS);
          if (heard != null) {
            for (PGNotification notification : heard) {
              forget(notification.getParameter());
            }
          }
        }
      } catch (Exception e) {
        if (open) {
          log.warn(
              "Not hearing changes to installations ({}); tokens are read for every use until"
                  + " heard again",
              e.getMessage());
        }
      } finally {
        cache.listening(false);
      }
      pause();
    }
  }

  private void forget(String payload) {
    int slash = payload.indexOf('/');
    if (slash < 0) {
      return;
    }
    try {
      cache.forget(Platform.ofKey(payload.substring(0, slash)), payload.substring(slash + 1));
    } catch (IllegalArgumentException unknownPlatform) {
      log.debug("Ignoring a change to an installation of an unknown platform: {}", payload);
    }
  }

  private void pause() {
    if (!open) {
      return;
    }
    try {
      Thread.sleep(RECONNECT_AFTER);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    open = false;
    listener.interrupt();
    try {
      listener.join(Duration.ofSeconds(2));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
