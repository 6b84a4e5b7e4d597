package io.roadmapcoach.core.installation;

import io.roadmapcoach.core.caller.Platform;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Installations read and decrypted lately, kept a short while per workspace so that a burst of
 * deliveries reads and decrypts each workspace's token once rather than once a message. Kept only
 * while this instance hears of every change (PostgreSQL LISTEN, {@link InstallationChanges}): a
 * change stored by any instance (an install, an uninstall or revoked token, a refreshed token)
 * forgets the workspace here at once, and while nothing is heard (not yet listening, or the
 * listening connection lost) nothing is kept and every read goes to the database.
 */
final class InstallationCache {
  /** How long a read installation is kept at most. */
  static final Duration KEEP = Duration.ofSeconds(60);

  private record Key(Platform platform, String workspaceId) {}

  private record Kept(Optional<Installation> installation, long untilNanos) {}

  private final Map<Key, Kept> kept = new ConcurrentHashMap<>();
  private final LongSupplier nanoTime;

  /** Counts every change heard: a read that saw a change during it is not kept. */
  private final AtomicLong changes = new AtomicLong();

  private volatile boolean listening;

  InstallationCache(LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
  }

  /**
   * The workspace's installation, kept or read by {@code read} (and kept, unless a change was heard
   * meanwhile or nothing is being heard).
   */
  Optional<Installation> get(
      Platform platform, String workspaceId, Supplier<Optional<Installation>> read) {
    if (!listening) {
      return read.get();
    }
    Key key = new Key(platform, workspaceId);
    long now = nanoTime.getAsLong();
    Kept found = kept.get(key);
    if (found != null && now - found.untilNanos() < 0) {
      return found.installation();
    }
    long before = changes.get();
    Optional<Installation> fresh = read.get();
    if (listening && changes.get() == before) {
      kept.put(key, new Kept(fresh, now + KEEP.toNanos()));
      if (changes.get() != before) {
        kept.remove(key); // a change came in while it was put
      }
    }
    return fresh;
  }

  /** A change to the workspace's installation was stored (here or by another instance). */
  void forget(Platform platform, String workspaceId) {
    changes.incrementAndGet();
    kept.remove(new Key(platform, workspaceId));
  }

  /** Changes are heard from now on (or, {@code false}, no longer: everything kept is dropped). */
  void listening(boolean on) {
    changes.incrementAndGet();
    listening = on;
    kept.clear();
  }

  boolean listening() {
    return listening;
  }
}
