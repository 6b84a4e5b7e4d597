package io.roadmapcoach.discord;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.read.ListAppender;
import io.roadmapcoach.core.Core;
import io.roadmapcoach.core.quiz.QuizBankLoader;
import io.roadmapcoach.core.roadmap.Roadmap;
import io.roadmapcoach.core.roadmap.RoadmapLoader;
import io.roadmapcoach.core.roadmap.RoadmapSource;
import io.roadmapcoach.core.testing.TestClock;
import io.roadmapcoach.db.testing.PostgresExtension;
import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

/** Starting the bot against the fake Discord: shard manager, global commands, a quiet token. */
@ExtendWith(PostgresExtension.class)
@Timeout(60)
class ShardsAndCommandsEndToEndTest {
  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final Roadmap ROADMAP = new RoadmapLoader().load(RoadmapSource.builtIn());
  private static final String SECRET = "Njk5.s3cr3t-bot-t0ken.never-logged";

  @Test
  void shardSettingsStartTheShardManagerWithThisInstancesShards(DSLContext dsl) throws Exception {
    try (FakeDiscord discord = new FakeDiscord()) {
      DiscordSettings settings =
          new DiscordSettings(
              SECRET,
              Optional.of(discord.restUrl()),
              Optional.of(discord.gatewayUrl()),
              Optional.of(2),
              Optional.of("1"));
      try (DiscordAdapter adapter = adapter(settings, dsl)) {
        adapter.start();

        DataObject identify = identify(discord);
        DataArray shard = identify.getObject("d").getArray("shard");
        assertThat(shard.getInt(0)).isEqualTo(1);
        assertThat(shard.getInt(1)).isEqualTo(2);
        assertThat(identify.getObject("d").getString("token")).isEqualTo(SECRET);
        // the guild came up on shard 1, and got its command
        discord.next(c -> c.method().equals("PUT") && c.path().contains("/guilds/"), WAIT);
        adapter.awaitReady();
      }
    }
  }

  @Test
  void globalCommandsReplaceTheGuildCopies(DSLContext dsl) throws Exception {
    try (FakeDiscord discord = new FakeDiscord()) {
      DiscordSettings settings =
          new DiscordSettings(
              SECRET,
              Optional.of(discord.restUrl()),
              Optional.of(discord.gatewayUrl()),
              Optional.empty(),
              Optional.empty(),
              true);
      try (DiscordAdapter adapter = adapter(settings, dsl)) {
        adapter.start();

        FakeDiscord.Call guild =
            discord.next(
                c ->
                    c.method().equals("PUT")
                        && c.path().endsWith("/guilds/" + FakeDiscord.GUILD + "/commands"),
                WAIT);
        assertThat(DataArray.fromJson(guild.body()).length()).isZero(); // no second /roadmap
        adapter.registerGlobalCommands().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        FakeDiscord.Call global = discord.globalRegistration();
        assertThat(DataArray.fromJson(global.body()).getObject(0).getString("name"))
            .isEqualTo("roadmap");
      }
    }
  }

  @Test
  void theTokenIsSentToDiscordAndNeverLogged(DSLContext dsl) throws Exception {
    Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
    Appender<ILoggingEvent> console = root.getAppender("STDERR");
    ListAppender<ILoggingEvent> captured = new ListAppender<>();
    captured.start();
    Level level = root.getLevel();
    Logger ours = (Logger) LoggerFactory.getLogger("io.roadmapcoach.discord");
    Level oursLevel = ours.getLevel();
    root.addAppender(captured);
    if (console != null) {
      root.detachAppender(console);
    }
    root.setLevel(Level.TRACE);
    ours.setLevel(Level.TRACE);
    try (FakeDiscord discord = new FakeDiscord()) {
      DiscordSettings settings =
          new DiscordSettings(
              SECRET,
              Optional.of(discord.restUrl()),
              Optional.of(discord.gatewayUrl()),
              Optional.empty(),
              Optional.empty());
      try (DiscordAdapter adapter = adapter(settings, dsl)) {
        adapter.start();
        discord.next(c -> c.method().equals("PUT"), WAIT);
        adapter.awaitReady();
        FakeDiscord.Call me = discord.calls().getFirst();
        assertThat(me.authorization()).isEqualTo("Bot " + SECRET);
      }
    } finally {
      root.setLevel(level);
      ours.setLevel(oursLevel);
      root.detachAppender(captured);
      if (console != null) {
        root.addAppender(console);
      }
    }
    assertThat(captured.list).isNotEmpty();
    assertThat(captured.list)
        .allSatisfy(
            event -> {
              assertThat(event.getFormattedMessage()).doesNotContain(SECRET);
              if (event.getThrowableProxy() != null) {
                assertThat(event.getThrowableProxy().getMessage()).doesNotContain(SECRET);
              }
            });
  }

  private static DataObject identify(FakeDiscord discord) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      DataObject frame = discord.gatewayFrames.poll(1, TimeUnit.SECONDS);
      if (frame != null && frame.getInt("op") == 2) {
        return frame;
      }
    }
    throw new AssertionError("JDA never identified");
  }

  private static DiscordAdapter adapter(DiscordSettings settings, DSLContext dsl) {
    TestClock clock = TestClock.at("2026-03-02T10:00:00Z");
    Core core =
        Core.builder(dsl, ROADMAP, new QuizBankLoader().load(RoadmapSource.builtIn(), ROADMAP))
            .clock(clock)
            .random(new Random(1))
            .build();
    return new DiscordAdapter(
        settings, core.coach(), core.workspaces(), Duration.ofSeconds(2), Duration.ofSeconds(5));
  }
}
