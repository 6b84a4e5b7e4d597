package io.roadmapcoach.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.roadmapcoach.core.Core;
import io.roadmapcoach.core.caller.Caller;
import io.roadmapcoach.core.caller.Origin;
import io.roadmapcoach.core.caller.Platform;
import io.roadmapcoach.core.command.Coach;
import io.roadmapcoach.core.curriculum.TestRoadmaps;
import io.roadmapcoach.core.quiz.QuizBankLoader;
import io.roadmapcoach.core.reply.Reply;
import io.roadmapcoach.core.roadmap.Roadmap;
import io.roadmapcoach.core.roadmap.RoadmapLoader;
import io.roadmapcoach.core.roadmap.RoadmapSource;
import io.roadmapcoach.core.testing.TestClock;
import io.roadmapcoach.db.testing.PostgresExtension;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The {@code stage} and {@code objective} ranges as registered with the fake Discord: a server's
 * own copy follows the largest of its roadmaps and is registered again when a larger one is
 * applied; the one global copy takes the largest any roadmap may be.
 */
@ExtendWith(PostgresExtension.class)
@Timeout(60)
class RegisteredRangesEndToEndTest {
  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final Roadmap ROADMAP = new RoadmapLoader().load(RoadmapSource.builtIn());

  private static final Predicate<FakeDiscord.Call> GUILD_COMMANDS =
      c ->
          c.method().equals("PUT")
              && c.path().endsWith("/guilds/" + FakeDiscord.GUILD + "/commands");

  @Test
  void applyingALargerRoadmapRegistersTheServersRangesAgain(DSLContext dsl) throws Exception {
    Core core = core(dsl);
    try (FakeDiscord discord = new FakeDiscord();
        DiscordAdapter adapter = adapter(settings(discord, false), core)) {
      adapter.start();
      Map<String, DataObject> first = options(discord.next(GUILD_COMMANDS, WAIT));
      assertThat(first.get("stage number").getInt("max_value")).isEqualTo(ROADMAP.stageCount());
      adapter.awaitReady();

      putTheChannelOn(core, TestRoadmaps.sized("big", 30, 12));

      FakeDiscord.Call again = discord.next(GUILD_COMMANDS, WAIT);
      DataObject command = DataArray.fromJson(again.body()).getObject(0);
      CommandSurfaceTest.assertFitsDiscordsLimits(command);
      Map<String, DataObject> options = CommandSurfaceTest.optionsByPath(command);
      assertThat(options.get("stage number").getInt("max_value")).isEqualTo(30);
      assertThat(options.get("team set-stage stage").getInt("max_value")).isEqualTo(30);
      assertThat(options.get("done objective").getInt("max_value")).isEqualTo(12);
      assertThat(options.get("stage number").getString("description")).endsWith("1 to 30");
    }
  }

  @Test
  void aSmallerRoadmapKeepsTheRangesRegistered(DSLContext dsl) throws Exception {
    Core core = core(dsl);
    try (FakeDiscord discord = new FakeDiscord();
        DiscordAdapter adapter = adapter(settings(discord, false), core)) {
      adapter.start();
      discord.next(GUILD_COMMANDS, WAIT);
      adapter.awaitReady();

      putTheChannelOn(core, TestRoadmaps.webV1());

      // the deployment's roadmap is still the largest the server has: nothing to register
      assertThatThrownBy(() -> discord.next(GUILD_COMMANDS, Duration.ofSeconds(2)))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("No matching call");
    }
  }

  @Test
  void theGlobalCommandTakesTheLargestRoadmapAnyServerMayHave(DSLContext dsl) throws Exception {
    try (FakeDiscord discord = new FakeDiscord();
        DiscordAdapter adapter = adapter(settings(discord, true), core(dsl))) {
      adapter.start();
      discord.next(GUILD_COMMANDS, WAIT);
      adapter.registerGlobalCommands().get(WAIT.toSeconds(), TimeUnit.SECONDS);
      FakeDiscord.Call global = discord.globalRegistration();
      DataObject command = DataArray.fromJson(global.body()).getObject(0);
      CommandSurfaceTest.assertFitsDiscordsLimits(command);
      Map<String, DataObject> options = CommandSurfaceTest.optionsByPath(command);
      assertThat(options.get("stage number").getInt("max_value")).isEqualTo(50);
      assertThat(options.get("undo objective").getInt("max_value")).isEqualTo(20);
    }
  }

  private static Map<String, DataObject> options(FakeDiscord.Call registration) {
    return CommandSurfaceTest.optionsByPath(DataArray.fromJson(registration.body()).getObject(0));
  }

  /** The server's owner starts in its channel (leading it), uploads the file and applies it. */
  private static void putTheChannelOn(Core core, String yaml) {
    Coach coach = core.coach();
    Caller owner = owner();
    coach.handleText(owner, "start");
    Reply preview =
        coach.handleText(owner, "roadmap upload", Optional.of(TestRoadmaps.upload("r.yaml", yaml)));
    assertThat(coach.press(owner, TestRoadmaps.applyButton(preview)).plainText())
        .contains("now follows it");
  }

  /** The server's owner, in its channel: a lead there. */
  private static Caller owner() {
    return new Caller(
        Platform.DISCORD,
        FakeDiscord.GUILD,
        "Fake guild",
        Origin.channel(FakeDiscord.CHANNEL, "general"),
        FakeDiscord.OWNER,
        "owner",
        true,
        Optional.empty(),
        Optional.empty());
  }

  private static DiscordSettings settings(FakeDiscord discord, boolean global) {
    return new DiscordSettings(
        FakeDiscord.TOKEN,
        Optional.of(discord.restUrl()),
        Optional.of(discord.gatewayUrl()),
        Optional.empty(),
        Optional.empty(),
        global);
  }

  private static Core core(DSLContext dsl) {
    return Core.builder(dsl, ROADMAP, new QuizBankLoader().load(RoadmapSource.builtIn(), ROADMAP))
        .clock(TestClock.at("2026-03-02T10:00:00Z"))
        .random(new Random(1))
        .build();
  }

  private static DiscordAdapter adapter(DiscordSettings settings, Core core) {
    return new DiscordAdapter(
        settings, core.coach(), core.workspaces(), Duration.ofSeconds(2), Duration.ofSeconds(5));
  }
}
