package io.roadmapcoach.discord;

import static io.roadmapcoach.db.schema.Tables.OUTBOX;
import static org.assertj.core.api.Assertions.assertThat;

import io.roadmapcoach.core.Core;
import io.roadmapcoach.core.delivery.Delivery;
import io.roadmapcoach.core.delivery.DeliveryResult;
import io.roadmapcoach.core.delivery.DeliveryWorker;
import io.roadmapcoach.core.progress.NudgeSweep;
import io.roadmapcoach.core.reply.Reply;
import io.roadmapcoach.core.testing.RoadmapFiles;
import io.roadmapcoach.core.testing.TestClock;
import io.roadmapcoach.core.tx.Transactions;
import io.roadmapcoach.db.testing.PostgresExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * JDA's HTTP client against the fake Discord: its connections kept and reused burst after burst,
 * and a slow answer never sent again by JDA or OkHttp on their own.
 */
@ExtendWith(PostgresExtension.class)
@Timeout(60)
class DiscordRestClientTest {
  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final String ANA = "600000000000000006";
  private static final Duration SEND_TIMEOUT = Duration.ofSeconds(1);

  private final TestClock clock = TestClock.at("2026-03-02T08:00:00Z");
  private FakeDiscord discord;
  private DiscordAdapter adapter;

  @AfterEach
  void stop() {
    if (adapter != null) {
      adapter.close();
    }
    if (discord != null) {
      discord.close();
    }
  }

  @Test
  void burstsOfSendsReuseTheConnectionsOfTheFirst(DSLContext dsl) throws Exception {
    connect(dsl);
    discord.delay(Duration.ofMillis(300)); // a few sends in flight at once, within the limit
    DiscordMessenger messenger = adapter.messenger(clock);
    int atOnce = 16;
    int bursts = 4;
    int sent = 0;
    int before = discord.connectionsOpened(); // the start's own calls
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int burst = 0; burst < bursts; burst++) {
        List<Future<DeliveryResult>> answers = new ArrayList<>();
        for (int i = 0; i < atOnce; i++) {
          Delivery delivery = dm(burst * atOnce + i);
          answers.add(threads.submit(() -> messenger.send(delivery)));
        }
        for (Future<DeliveryResult> answer : answers) {
          assertThat(answer.get()).isInstanceOf(DeliveryResult.Sent.class);
          sent++;
        }
      }
    }

    assertThat(sent).isEqualTo(atOnce * bursts);
    // OkHttp's default pool kept five idle connections: each burst then opened the rest anew
    assertThat(discord.connectionsOpened() - before)
        .as("REST connections opened for %d sends, %d at once", sent, atOnce)
        .isLessThanOrEqualTo(atOnce);
  }

  /** A nudge to member {@code n}, whose direct message conversation is known. */
  private static Delivery dm(int n) {
    String member = Long.toString(600_000_000_000_000_100L + n);
    return new Delivery(
        n,
        "burst:" + n,
        FakeDiscord.GUILD,
        new Delivery.Direct(member, "m" + n, Optional.of(FakeDiscord.dmChannelId(member))),
        Reply.text("hi"));
  }

  @Test
  void aMessageAnsweredAfterTheTimeoutStaysInDoubtAndIsNotCreatedTwice(DSLContext dsl)
      throws Exception {
    DeliveryWorker worker = connect(dsl);
    DataObject ana = FakeDiscord.member(FakeDiscord.user(ANA, "ana", "Ana"), false);
    slash(ana, "start");
    slash(ana, "remind", "dm"); // her nudges by direct message
    clock.set("2026-03-03T09:00:30Z");
    assertThat(new NudgeSweep(dsl, new Transactions(dsl)).sweep(clock.instant())).isEqualTo(1);
    discord.answerPostsLate(SEND_TIMEOUT.multipliedBy(2));

    worker.drainDue();

    String messages = "/api/v10/channels/" + FakeDiscord.dmChannelId(ANA) + "/messages";
    assertThat(posts(messages)).as("sent once: no retry by the HTTP client").hasSize(1);
    assertThat(status(dsl)).as("no answer in time: in doubt").isEqualTo("sending");

    discord.answerPostsLate(Duration.ZERO);
    clock.advance(Duration.ofSeconds(30));
    worker.drainDue();

    assertThat(posts(messages)).as("tried again with its nonce").hasSize(2);
    assertThat(discord.created())
        .as("Ana's messages")
        .filteredOn(c -> c.channelId().equals(FakeDiscord.dmChannelId(ANA)))
        .hasSize(1);
    assertThat(status(dsl)).isEqualTo("sent");
  }

  private DeliveryWorker connect(DSLContext dsl) throws Exception {
    RoadmapFiles.Loaded builtIn = RoadmapFiles.builtIn();
    Core core = Core.builder(dsl, builtIn.roadmap(), builtIn.bank()).clock(clock).build();
    discord = new FakeDiscord().clock(clock);
    adapter =
        new DiscordAdapter(
            discord.settings(49),
            core.coach(),
            core.workspaces(),
            Duration.ofSeconds(10),
            SEND_TIMEOUT);
    adapter.start();
    adapter.awaitReady();
    return core.deliveries().register(adapter.messenger(clock));
  }

  private static String status(DSLContext dsl) {
    return dsl.select(OUTBOX.STATUS)
        .from(OUTBOX)
        .where(OUTBOX.KIND.eq("nudge"))
        .fetchSingle()
        .value1();
  }

  private void slash(DataObject member, String... words) throws InterruptedException {
    String id = Long.toString(discord.snowflake());
    DataObject interaction =
        words.length == 1
            ? discord.slashCommand(id, member, words[0], DataArray.empty())
            : discord.slashCommand(id, member, words[0], words[1], DataArray.empty());
    discord.dispatch("INTERACTION_CREATE", interaction);
    discord.next(c -> c.isCallback() && c.path().contains("/interactions/" + id + "/"), WAIT);
  }

  private List<FakeDiscord.Call> posts(String path) {
    return discord.calls().stream()
        .filter(c -> c.method().equals("POST") && c.path().equals(path))
        .toList();
  }
}
