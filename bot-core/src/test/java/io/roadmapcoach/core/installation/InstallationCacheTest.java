package io.roadmapcoach.core.installation;

import static io.roadmapcoach.db.schema.Tables.INSTALLATION;
import static org.assertj.core.api.Assertions.assertThat;

import io.roadmapcoach.core.caller.Platform;
import io.roadmapcoach.core.installation.Installations.Refreshed;
import io.roadmapcoach.core.testing.TestClock;
import io.roadmapcoach.core.tx.Transactions;
import io.roadmapcoach.db.testing.PostgresExtension;
import io.roadmapcoach.db.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two instances on one database, each keeping the tokens it read: a change stored by one (an
 * uninstall, a new install, a refreshed token) is heard by the other at once (LISTEN/NOTIFY), and a
 * token due for its refresh is never taken from what was kept.
 */
@ExtendWith(PostgresExtension.class)
class InstallationCacheTest {
  private static final String KEY = "a-test-key-of-forty-characters-0123456789";
  private static final String TEAM = "T0AAA";
  private static final Installations.Refresher NEVER =
      refresh -> {
        throw new AssertionError("no refresh expected here");
      };

  private final DSLContext dsl = TestDatabase.dsl();
  private final TestClock clock = TestClock.at("2026-03-02T10:00:00Z");
  private final Installations one = instance();
  private final Installations two = instance();

  private Installations instance() {
    Installations installations =
        new Installations(
            dsl, new Transactions(dsl), Optional.of(TokenCipher.fromSecret(KEY)), clock);
    installations.cacheHearingChangesOn(TestDatabase.dataSource()::getConnection);
    return installations;
  }

  @AfterEach
  void close() {
    one.close();
    two.close();
  }

  private Installation installed(String token, Optional<Instant> expiresAt) {
    return new Installation(
        Platform.SLACK,
        TEAM,
        Optional.of("Team A"),
        Optional.empty(),
        Optional.of("A0APP"),
        Optional.of("B0BOT"),
        "U0BOT",
        "commands,chat:write",
        Optional.of("U0ANA"),
        token,
        expiresAt.map(at -> "xoxe-1-refresh"),
        expiresAt,
        clock.instant());
  }

  private static void within(Duration limit, BooleanSupplier done, String what) {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!done.getAsBoolean()) {
      assertThat(System.nanoTime()).as(what).isLessThan(deadline);
      Thread.onSpinWait();
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void bothListening() {
    within(Duration.ofSeconds(10), () -> one.caching() && two.caching(), "both listening");
  }

  /** The notice of the last change has come (each listener looks every 250 ms). */
  private static void heard() {
    try {
      Thread.sleep(600);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private Optional<String> tokenOf(Installations instance) {
    return instance.token(Platform.SLACK, TEAM, NEVER);
  }

  @Test
  void aTokenReadOnceIsKeptRatherThanReadForEveryDelivery() {
    bothListening();
    one.save(installed("xoxb-first", Optional.empty()));
    heard();
    assertThat(tokenOf(two)).contains("xoxb-first");

    // gone behind the instances' backs, with nobody told: what was kept is still used
    dsl.deleteFrom(INSTALLATION).execute();

    assertThat(tokenOf(two)).contains("xoxb-first");
  }

  @Test
  void anUninstallSeenByOneStopsTheOthersNextDelivery() {
    bothListening();
    one.save(installed("xoxb-first", Optional.empty()));
    assertThat(tokenOf(two)).contains("xoxb-first");

    long removed = System.nanoTime();
    one.remove(Platform.SLACK, TEAM);

    assertThat(tokenOf(one)).as("the instance that removed it, at once").isEmpty();
    within(Duration.ofSeconds(2), () -> tokenOf(two).isEmpty(), "the other instance hears it");
    assertThat(Duration.ofNanos(System.nanoTime() - removed)).isLessThan(Duration.ofSeconds(1));
  }

  @Test
  void aNewInstallReplacesTheKeptTokenOnEveryInstance() {
    bothListening();
    one.save(installed("xoxb-first", Optional.empty()));
    assertThat(tokenOf(two)).contains("xoxb-first");

    one.save(installed("xoxb-second", Optional.empty()));

    within(
        Duration.ofSeconds(2),
        () -> tokenOf(two).equals(Optional.of("xoxb-second")),
        "the other instance reads the new token");
  }

  @Test
  void aRotatedTokenIsNeverUsedAfterItsReplacementWasStored() {
    bothListening();
    // expires in 2 h 30: not yet due for its refresh, so kept
    one.save(installed("xoxb-old", Optional.of(clock.instant().plus(Duration.ofMinutes(150)))));
    assertThat(tokenOf(two)).contains("xoxb-old");

    // half an hour on it is due: one instance refreshes it and stores the new token
    clock.advance(Duration.ofMinutes(30));
    AtomicInteger refreshes = new AtomicInteger();
    assertThat(
            one.token(
                Platform.SLACK,
                TEAM,
                refresh -> {
                  refreshes.incrementAndGet();
                  return new Refreshed("xoxb-new", "xoxe-1-next", Duration.ofHours(12));
                }))
        .contains("xoxb-new");

    // at once, with no time for the other to hear of it: the old token is not taken from its keep
    assertThat(tokenOf(two)).contains("xoxb-new");
    assertThat(refreshes).hasValue(1);
  }

  @Test
  void withoutHearingChangesNothingIsKept() {
    Installations deaf =
        new Installations(
            dsl, new Transactions(dsl), Optional.of(TokenCipher.fromSecret(KEY)), clock);
    deaf.save(installed("xoxb-first", Optional.empty()));
    assertThat(tokenOf(deaf)).contains("xoxb-first");

    dsl.deleteFrom(INSTALLATION).execute();

    assertThat(tokenOf(deaf)).isEmpty();
  }
}
