package io.roadmapcoach.discord;

import static org.assertj.core.api.Assertions.assertThat;

import io.roadmapcoach.core.Core;
import io.roadmapcoach.core.caller.Platform;
import io.roadmapcoach.core.delivery.DeliveryOutcome;
import io.roadmapcoach.core.delivery.Messenger;
import io.roadmapcoach.core.testing.KillDrill;
import io.roadmapcoach.core.testing.RoadmapFiles;
import io.roadmapcoach.db.testing.PostgresExtension;
import io.roadmapcoach.db.testing.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The kill drill on Discord: two instances, each with its own bot connection to the fake Discord
 * (which answers after 300 ms, enforces the global 50 requests a second, and drops a repeated nonce
 * as Discord does), 500 nudges due at one minute, one instance killed half a second in with its
 * connection. The survivor sends what was in doubt again with the same nonce; Discord keeps one.
 */
@ExtendWith(PostgresExtension.class)
@Timeout(200)
class DiscordKillTest {
  private static final Instant TUESDAY_NINE = Instant.parse("2026-03-03T09:00:00Z");

  /** DISCORD_DELIVERIES_PER_SECOND: the instances' requests a second together, shared. */
  private static final int EACH_PER_SECOND = 25;

  private final FakeDiscord discord = newDiscord();
  private final Map<String, DiscordAdapter> connections = new ConcurrentHashMap<>();
  private KillDrill drill;

  private static FakeDiscord newDiscord() {
    try {
      return new FakeDiscord().delay(Duration.ofMillis(300)).globalLimit(50);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @AfterEach
  void stop() {
    if (drill != null) {
      drill.close();
    }
    connections.values().forEach(DiscordAdapter::close);
    discord.close();
  }

  /** Discord as each instance reaches it: a bot connection of its own, on the drill's clock. */
  private final KillDrill.Target target =
      new KillDrill.Target() {
        @Override
        public Platform platform() {
          return Platform.DISCORD;
        }

        @Override
        public String workspace() {
          return FakeDiscord.GUILD;
        }

        @Override
        public String member(int n) {
          return String.valueOf(600_000_000_000_000_000L + n);
        }

        @Override
        public String dmChannel(int n) {
          return FakeDiscord.dmChannelId(member(n));
        }

        @Override
        public Messenger messenger(String name, Clock clock) {
          RoadmapFiles.Loaded builtIn = RoadmapFiles.builtIn();
          Core core = Core.builder(TestDatabase.dsl(), builtIn.roadmap(), builtIn.bank()).build();
          DiscordAdapter adapter =
              new DiscordAdapter(
                  discord.settings(EACH_PER_SECOND),
                  core.coach(),
                  core.workspaces(),
                  Duration.ofSeconds(10),
                  Duration.ofSeconds(20));
          connections.put(name, adapter);
          try {
            adapter.start();
            adapter.awaitReady();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
          }
          return adapter.messenger(clock);
        }

        @Override
        public void killed(String name) {
          connections.get(name).halt();
        }
      };

  @Test
  void killedHalfASecondIntoAMinuteOf500NudgesNoneIsDoubledOrLostAndTheLastIsWithinFiveMinutes() {
    drill = new KillDrill(target, TUESDAY_NINE, List.of(ZoneId.of("UTC")));
    discord.clock(drill.clock());
    KillDrill.Report report = drill.run();
    System.out.printf(
        "Discord: %s; %d doubled, %d lost, last nudge %s after its minute; %d answered 429%n",
        report,
        doubled(),
        KillDrill.MEMBERS - perMember().size(),
        lastCreatedAfterTheMinute(),
        discord.rateLimited());

    assertThat(perMember()).as("members nudged").hasSize(KillDrill.MEMBERS);
    assertThat(doubled()).as("members nudged twice").isZero();
    assertThat(lastCreatedAfterTheMinute()).isLessThanOrEqualTo(Duration.ofMinutes(5));
    assertThat(report.rowsByStatus()).containsOnlyKeys("sent");
    assertThat(report.survivorCounts().total(DeliveryOutcome.UNCONFIRMED))
        .as("what was on the wire when the instance died was sent again, with its nonce")
        .isZero();
  }

  private List<FakeDiscord.Created> drillMessages() {
    Set<String> channels =
        IntStream.rangeClosed(1, KillDrill.MEMBERS)
            .mapToObj(target::dmChannel)
            .collect(Collectors.toSet());
    return discord.created().stream().filter(c -> channels.contains(c.channelId())).toList();
  }

  private Map<String, Long> perMember() {
    return drillMessages().stream()
        .collect(Collectors.groupingBy(FakeDiscord.Created::channelId, Collectors.counting()));
  }

  private long doubled() {
    return perMember().values().stream().filter(n -> n > 1).count();
  }

  private Duration lastCreatedAfterTheMinute() {
    long last =
        drillMessages().stream().mapToLong(FakeDiscord.Created::atMillis).max().orElseThrow();
    return Duration.between(TUESDAY_NINE, Instant.ofEpochMilli(last));
  }
}
