package io.roadmapcoach.discord;

import io.roadmapcoach.core.caller.Platform;
import io.roadmapcoach.core.command.Coach;
import io.roadmapcoach.core.delivery.Messenger;
import io.roadmapcoach.core.member.Workspaces;
import io.roadmapcoach.core.roadmap.RoadmapSizes;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.sharding.DefaultShardManagerBuilder;
import net.dv8tion.jda.api.utils.Compression;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Roadmap Coach on Discord: {@code /roadmap} with typed options, buttons, embeds, and the outbox's
 * deliveries (DMs and study-group posts).
 *
 * <pre>{@code
 * DiscordAdapter discord =
 *     new DiscordAdapter(settings, core.coach(), core.workspaces());
 * discord.start();                 // connects (one JDA, or the shard manager)
 * worker.register(discord.messenger());
 * ...
 * discord.close();
 * }</pre>
 *
 * The bot asks only for the {@code GUILDS} intent (no privileged intents; JDA always includes it):
 * guilds and channels for commands and posts; interactions arrive regardless of intents.
 */
public final class DiscordAdapter implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(DiscordAdapter.class);

  /** Discord wants a first response within 3 s; past this the interaction is deferred. */
  static final Duration DEFER_AFTER = Duration.ofSeconds(2);

  static final Duration SEND_TIMEOUT = Duration.ofSeconds(20);
  private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(10);

  /** None beyond {@code GUILDS}, which JDA always asks for. */
  private static final EnumSet<GatewayIntent> INTENTS = EnumSet.noneOf(GatewayIntent.class);

  private static final int CORE_THREADS = 8;

  private final DiscordSettings settings;
  private final CommandRegistrar commands;

  /** JDA's listeners: commands, buttons, and guilds coming and going. */
  private final Object[] listeners;

  private final DiscordMessenger messenger;

  /** Discord's global 429s, seen in JDA's answers, for every messenger's shared budget. */
  private final GlobalLimits globalLimits;

  private final ExecutorService work;
  private final ScheduledExecutorService timer;
  private final Duration sendTimeout;
  private volatile DiscordConnection connection;

  public DiscordAdapter(DiscordSettings settings, Coach coach, Workspaces workspaces) {
    this(settings, coach, workspaces, DEFER_AFTER, SEND_TIMEOUT);
  }

  DiscordAdapter(
      DiscordSettings settings,
      Coach coach,
      Workspaces workspaces,
      Duration deferAfter,
      Duration sendTimeout) {
    this.settings = settings;
    this.globalLimits = new GlobalLimits(settings.deliveriesPerSecond());
    CommandSurface surface = new CommandSurface(coach.commands());
    this.commands = new CommandRegistrar(surface, coach.roadmaps());
    coach.roadmaps().whenChanged(this::roadmapsChanged);
    if (settings.globalCommands()) {
      commands.useGlobal();
    }
    this.work = Executors.newFixedThreadPool(CORE_THREADS, daemon("discord-core-"));
    this.timer = Executors.newSingleThreadScheduledExecutor(daemon("discord-defer-"));
    Acknowledgements acknowledgements = new Acknowledgements(work, timer, deferAfter);
    this.listeners =
        new Object[] {
          new SlashCommands(
              coach,
              surface,
              acknowledgements,
              new AttachmentFetch(AttachmentFetch.client(AttachmentFetch.WAIT))),
          new ButtonPresses(coach, acknowledgements),
          new GuildEvents(workspaces, commands, work)
        };
    this.sendTimeout = sendTimeout;
    this.messenger = messenger(Clock.systemUTC());
  }

  /**
   * Logs in and connects: one JDA, or JDA's shard manager with this instance's shards when {@code
   * DISCORD_SHARDS} is set. Returns once the token is accepted; guilds come up in the background
   * ({@link #awaitReady()} waits for them).
   *
   * @throws IllegalStateException when Discord refuses the token or the adapter already started
   */
  public synchronized void start() {
    if (connection != null) {
      throw new IllegalStateException("The Discord adapter is already started");
    }
    log.info("Starting Discord: {}", settings);
    try {
      connection = settings.sharded() ? startSharded() : startSingle();
    } catch (InvalidTokenException e) {
      throw new IllegalStateException(
          "Discord refused DISCORD_BOT_TOKEN; check the bot token in the developer portal", e);
    }
  }

  private DiscordConnection startSingle() {
    JDABuilder builder =
        JDABuilder.createLight(settings.token(), INTENTS)
            .addEventListeners(listeners)
            .setHttpClientBuilder(restClient())
            // a request without an answer in time may have reached Discord: the messenger decides
            // (in doubt, its nonce), JDA does not send it again on its own
            .setRequestTimeoutRetry(false);
    settings
        .restBaseUrl()
        .ifPresent(url -> builder.setRestConfig(new RestConfig().setBaseUrl(url)));
    settings
        .gatewayUrl()
        .ifPresent(
            url ->
                // another gateway (a proxy, a test double) may not speak zlib-stream
                builder
                    .setSessionController(new FixedGateway(url, 1))
                    .setCompression(Compression.NONE));
    return new DiscordConnection.Single(builder.build());
  }

  private DiscordConnection startSharded() {
    int total = settings.shardsTotal().orElseThrow();
    DefaultShardManagerBuilder builder =
        DefaultShardManagerBuilder.createLight(settings.token(), INTENTS)
            .setShardsTotal(total)
            .setShards(settings.shards())
            .addEventListeners(listeners)
            .setHttpClientBuilder(restClient())
            // a request without an answer in time may have reached Discord: the messenger decides
            // (in doubt, its nonce), JDA does not send it again on its own
            .setRequestTimeoutRetry(false);
    settings
        .restBaseUrl()
        .ifPresent(url -> builder.setRestConfig(new RestConfig().setBaseUrl(url)));
    settings
        .gatewayUrl()
        .ifPresent(
            url ->
                builder
                    .setSessionController(new FixedGateway(url, total))
                    .setCompression(Compression.NONE));
    log.info("Running Discord shards {} of {}", settings.shards(), total);
    return new DiscordConnection.Sharded(builder.build());
  }

  /**
   * Connections kept open to Discord's REST API between calls: as many as the delivery worker has
   * sends in flight, so that a burst reuses them instead of opening (and, against Discord, a TLS
   * handshake for) a new one per call beyond OkHttp's default five idle.
   */
  static final int KEPT_CONNECTIONS = 256;

  /** How long an idle connection is kept. */
  static final Duration KEEP_IDLE = Duration.ofMinutes(5);

  /**
   * JDA's HTTP client: the cluster's global limit at the wire, a pool kept for the sends in flight,
   * HTTP/2 where Discord offers it, and no resend by OkHttp itself. Its read timeout is half the
   * messenger's wait, so that a slow answer ends in the client (the connection closed, the request
   * reported as failed: in doubt) rather than left running after the messenger gave up on it.
   */
  private OkHttpClient.Builder restClient() {
    return new OkHttpClient.Builder()
        .addInterceptor(globalLimits)
        .connectionPool(
            new ConnectionPool(KEPT_CONNECTIONS, KEEP_IDLE.toMillis(), TimeUnit.MILLISECONDS))
        .protocols(List.of(Protocol.HTTP_2, Protocol.HTTP_1_1))
        .retryOnConnectionFailure(false)
        .readTimeout(sendTimeout.dividedBy(2));
  }

  /**
   * A roadmap was applied in a workspace: a server this instance runs registers its ranges again.
   */
  private void roadmapsChanged(Platform platform, String guildId, RoadmapSizes largest) {
    DiscordConnection running = connection;
    if (platform != Platform.DISCORD || running == null) {
      return;
    }
    running.guild(guildId).ifPresent(guild -> commands.roadmapsChanged(guild, largest));
  }

  /** Waits until every shard of this instance is connected and has loaded its guilds. */
  public void awaitReady() throws InterruptedException {
    DiscordConnection running = connection;
    if (running == null) {
      throw new IllegalStateException("The Discord adapter is not started");
    }
    running.awaitReady();
  }

  /**
   * The gateway connection, for the app's health report.
   *
   * @param shards the shards this instance runs (0 before {@link #start()})
   * @param connected how many of them are connected now
   * @param gatewayPingMillis the heartbeat's round trip, averaged over the shards; -1 before the
   *     first heartbeat
   */
  public record ConnectionState(int shards, int connected, long gatewayPingMillis) {}

  public ConnectionState connectionState() {
    DiscordConnection running = connection;
    if (running == null) {
      return new ConnectionState(0, 0, -1);
    }
    List<JDA> shards = running.shards();
    int connected =
        (int) shards.stream().filter(jda -> jda.getStatus() == JDA.Status.CONNECTED).count();
    long ping =
        Math.round(
            shards.stream()
                .mapToLong(JDA::getGatewayPing)
                .filter(millis -> millis >= 0)
                .average()
                .orElse(-1));
    return new ConnectionState(shards.size(), connected, ping);
  }

  /** The outbox's way onto Discord. Usable before {@link #start()}: it asks to retry later. */
  public Messenger messenger() {
    return messenger;
  }

  /**
   * Another messenger on this bot's connection, with its own pacing and clock: what a second app
   * instance would have (tests run two in one JVM).
   */
  DiscordMessenger messenger(Clock clock) {
    return new DiscordMessenger(
        () -> Optional.ofNullable(connection),
        sendTimeout,
        clock,
        settings.deliveriesPerSecond(),
        globalLimits);
  }

  /**
   * Registers {@code /roadmap} globally (every guild, now and future) and removes the per-guild
   * copies, which would show the command twice. Before {@link #start()} it is done once the first
   * shard is ready. Discord can take a while to show global changes everywhere.
   *
   * @return completes when Discord accepted the registration
   */
  public CompletableFuture<Void> registerGlobalCommands() {
    commands.useGlobal();
    DiscordConnection running = connection;
    if (running == null) {
      return commands.globalDone();
    }
    JDA shard = running.anyShard();
    if (shard.getStatus() == JDA.Status.CONNECTED) {
      running.guilds().forEach(commands::guildAvailable);
      return commands.registerGlobal(shard);
    }
    return commands.globalDone(); // sent when a shard is ready
  }

  /** Disconnects and stops the adapter's threads. */
  @Override
  public synchronized void close() {
    DiscordConnection running = connection;
    connection = null;
    if (running != null) {
      running.shutdown(SHUTDOWN_GRACE);
    }
    timer.shutdownNow();
    work.shutdown();
  }

  /**
   * Drops the connection at once, as a crash would: requests JDA still holds are not sent. For
   * tests of what another instance does then.
   */
  synchronized void halt() {
    DiscordConnection running = connection;
    connection = null;
    if (running != null) {
      running.shutdown(Duration.ofMillis(1)); // JDA then cancels what it still holds
    }
    timer.shutdownNow();
    work.shutdownNow();
  }

  private static ThreadFactory daemon(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
