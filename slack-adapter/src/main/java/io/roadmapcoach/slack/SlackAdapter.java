package io.roadmapcoach.slack;

import com.slack.api.Slack;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.builtin.MultiTeamsAuthorization;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.auth.AuthTestResponse;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.event.AppUninstalledEvent;
import com.slack.api.model.event.MemberJoinedChannelEvent;
import com.slack.api.model.event.TokensRevokedEvent;
import com.slack.api.model.event.UserChangeEvent;
import com.slack.api.socket_mode.SocketModeClient;
import io.roadmapcoach.core.command.Coach;
import io.roadmapcoach.core.delivery.Messenger;
import io.roadmapcoach.core.installation.Installations;
import io.roadmapcoach.core.member.Workspaces;
import io.roadmapcoach.slack.actions.ButtonPresses;
import io.roadmapcoach.slack.commands.OutageAnswers;
import io.roadmapcoach.slack.commands.SlashCommands;
import io.roadmapcoach.slack.delivery.Attachments;
import io.roadmapcoach.slack.delivery.SlackClients;
import io.roadmapcoach.slack.delivery.SlackDelivery;
import io.roadmapcoach.slack.delivery.SlackMessenger;
import io.roadmapcoach.slack.delivery.SlackOut;
import io.roadmapcoach.slack.events.AppHome;
import io.roadmapcoach.slack.events.EventClaims;
import io.roadmapcoach.slack.events.Invitations;
import io.roadmapcoach.slack.events.Uninstalls;
import io.roadmapcoach.slack.events.UnknownWorkspaces;
import io.roadmapcoach.slack.install.InstallPages;
import io.roadmapcoach.slack.install.InstallationStore;
import io.roadmapcoach.slack.install.InstalledTokens;
import io.roadmapcoach.slack.install.OAuthCallbacks;
import io.roadmapcoach.slack.install.OAuthInstall;
import io.roadmapcoach.slack.install.SlackTokens;
import io.roadmapcoach.slack.uploads.UploadModal;
import io.roadmapcoach.slack.uploads.UploadOrigin;
import io.roadmapcoach.slack.uploads.UploadSubmissions;
import io.roadmapcoach.slack.users.SlackUsers;
import io.roadmapcoach.slack.users.StatusChanges;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.eclipse.jetty.server.Handler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Roadmap Coach on Slack, built by hand from its settings and the core: the Bolt app with {@code
 * /roadmap}, our buttons, the App Home and the uninstall events; the HTTP {@link #handler()} for
 * {@code POST /slack/events}; Socket Mode when an app token is set; and the outbox's {@link
 * #messenger()}.
 *
 * <p>It serves one workspace with {@code SLACK_BOT_TOKEN} (building it calls {@code auth.test}
 * once: a wrong token fails here, at start-up, with Slack's error and never the token), or {@link
 * #forInstalls many}, each installed through OAuth v2 from the {@link #installPages() install
 * pages} and answered with its own token on every path.
 */
public final class SlackAdapter implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SlackAdapter.class);
  public static final String COMMAND = "/roadmap";

  /** The bot scopes the app asks for: the manifest's ({@code slack-app-manifest.yaml}). */
  public static final List<String> BOT_SCOPES =
      List.of(
          "commands",
          "chat:write",
          "im:write",
          "users:read",
          "files:write",
          "files:read",
          "channels:read",
          "groups:read",
          "im:history",
          "channels:history",
          "groups:history");

  private final App app;
  private final SlackHttpBridge bridge;
  private final SlackMessenger messenger;
  private final ExecutorService executor;
  private final Optional<String> appToken;
  private final Optional<String> teamId;
  private final Optional<OAuthInstall> installPages;
  private SocketModeApp socketMode;

  /** One workspace, the one {@code SLACK_BOT_TOKEN} belongs to. */
  public SlackAdapter(SlackSettings settings, Coach coach, Workspaces workspaces, Clock clock) {
    this(singleWorkspace(settings), coach, workspaces, clock);
  }

  /**
   * Any number of workspaces, each installed from {@code /slack/install} and kept in the core's
   * installations (which need {@code ROADMAP_SECRET_KEY}).
   *
   * @param clock real time, for request signatures and cached user look-ups; installations and
   *     their tokens go by the core's clock
   */
  public static SlackAdapter forInstalls(
      SlackInstallSettings settings,
      Coach coach,
      Workspaces workspaces,
      Installations installations,
      Clock clock) {
    return new SlackAdapter(
        manyWorkspaces(settings, installations, clock), coach, workspaces, clock);
  }

  /** What differs between one workspace and many; the rest is wired alike. */
  private record Mode(
      App app,
      SlackClients clients,
      String signingSecret,
      Duration ackBudget,
      Optional<String> appToken,
      Optional<String> teamId,
      Consumer<String> deleteInstallation,
      Optional<OAuthInstall> installPages,
      SlackDelivery delivery) {}

  private SlackAdapter(Mode mode, Coach coach, Workspaces workspaces, Clock clock) {
    this.app = mode.app();
    this.appToken = mode.appToken();
    this.teamId = mode.teamId();
    this.installPages = mode.installPages();
    this.executor =
        Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("slack-work-", 0).factory());

    SlackClients clients = mode.clients();
    SlackUsers users = new SlackUsers(clients, clock, executor);
    SlackOut out = new SlackOut(clients);
    Attachments attachments = new Attachments(out, executor);
    EventClaims claims = new EventClaims(workspaces);
    AppHome home = new AppHome(coach, users, out, claims, executor);
    Uninstalls uninstalls = new Uninstalls(workspaces, claims, mode.deleteInstallation());

    UploadOrigin.Seal seal = UploadOrigin.Seal.withSecret(sealSecret(mode));
    UploadModal uploadForm = new UploadModal(clients, seal);
    app.command(
        COMMAND,
        new SlashCommands(coach, users, attachments, out, uploadForm, executor, mode.ackBudget()));
    app.viewSubmission(
        UploadModal.CALLBACK_ID,
        new UploadSubmissions(coach, users, out, attachments, clients, seal, executor));
    app.blockAction(
        ButtonPresses.OURS, new ButtonPresses(coach, users, out, attachments, home, executor));
    app.event(AppHomeOpenedEvent.class, home);
    app.event(AppUninstalledEvent.class, uninstalls.uninstalled());
    app.event(TokensRevokedEvent.class, uninstalls.revoked());
    app.event(UserChangeEvent.class, new StatusChanges(workspaces, users));
    app.event(MemberJoinedChannelEvent.class, new Invitations(workspaces).joined());
    app.start();

    this.bridge =
        new SlackHttpBridge(
            app, new RequestSignature(mode.signingSecret(), clock), Replays.claimedIn(workspaces));
    this.messenger =
        new SlackMessenger(clients, SlackMessenger.channelPacer(), mode.delivery(), clock);
    log.info(
        "Slack is ready for {} ({})",
        teamId.map(t -> "workspace " + t).orElse("every installed workspace"),
        appToken.isPresent() ? "Socket Mode" : "HTTP");
    teamId.ifPresent(team -> logDeliveryCheck(mode.delivery(), clients.scopes(team)));
  }

  /**
   * What the upload forms' origins are signed with: the signing secret, or in Socket Mode (which
   * needs none) the app token; both are the same on every instance, so a form opened by one can be
   * submitted to another.
   */
  private static Optional<String> sealSecret(Mode mode) {
    if (mode.signingSecret() != null && !mode.signingSecret().isEmpty()) {
      return Optional.of(mode.signingSecret());
    }
    return mode.appToken().filter(token -> !token.isEmpty());
  }

  private static Mode singleWorkspace(SlackSettings settings) {
    Slack slack = slack(settings);
    Identity identity = authTest(slack, settings);
    return new Mode(
        new App(appConfig(slack, settings)),
        new SlackClients(
            slack, SlackTokens.single(identity.teamId(), settings.botToken(), identity.scopes())),
        settings.signingSecret(),
        settings.ackBudget(),
        settings.appToken(),
        Optional.of(identity.teamId()),
        noInstallation -> {},
        Optional.empty(),
        settings.delivery());
  }

  private static Mode manyWorkspaces(
      SlackInstallSettings settings, Installations installations, Clock clock) {
    if (!installations.canStore()) {
      throw new IllegalStateException(
          "Slack installs need ROADMAP_SECRET_KEY: installation tokens are stored encrypted");
    }
    Slack slack = SlackClients.webApi(settings.apiUrl());
    SlackTokens tokens =
        new InstalledTokens(installations, slack, settings.clientId(), settings.clientSecret());
    InstallationStore store = new InstallationStore(installations, tokens, settings.installUrl());
    List<Middleware> ours = List.of(new OutageAnswers(), new UnknownWorkspaces(installations));
    App app =
        new App(installConfig(slack, settings)) {
          /** Bolt's own middleware, with ours just before its per-workspace authorisation. */
          @Override
          protected List<Middleware> buildDefaultMiddlewareList(AppConfig config) {
            List<Middleware> list = new ArrayList<>(super.buildDefaultMiddlewareList(config));
            int authorisation = 0;
            while (authorisation < list.size()
                && !(list.get(authorisation) instanceof MultiTeamsAuthorization)) {
              authorisation++;
            }
            list.addAll(authorisation, ours);
            return list;
          }
        };
    OAuthCallbacks.serve(app, installations, store, slack, settings.signingSecret());
    return new Mode(
        app,
        new SlackClients(slack, tokens),
        settings.signingSecret(),
        settings.ackBudget(),
        Optional.empty(),
        Optional.empty(),
        store::forget,
        Optional.of(new OAuthInstall(app, clock)),
        settings.delivery());
  }

  /**
   * Serves {@code POST /slack/events} (slash commands, button presses and events alike); it answers
   * only requests for that path and leaves others to the next handler.
   */
  public Handler handler() {
    return bridge;
  }

  /**
   * Serves {@code GET /slack/install} and {@code GET /slack/oauth_redirect} when the adapter serves
   * installed workspaces; empty with a single bot token.
   */
  public Optional<Handler> installPages() {
    return installPages.map(Handler.class::cast);
  }

  /** Delivers the outbox's messages, each with its workspace's token. */
  public Messenger messenger() {
    return messenger;
  }

  /** The Slack workspace (team id) a single bot token belongs to; empty for installed ones. */
  public Optional<String> workspaceId() {
    return teamId;
  }

  /**
   * Connects over Socket Mode (a WebSocket Slack opens to us; no public URL needed) when {@code
   * SLACK_APP_TOKEN} is set; does nothing otherwise.
   */
  public synchronized void startSocketMode() throws Exception {
    if (appToken.isEmpty() || socketMode != null) {
      return;
    }
    socketMode = new SocketModeApp(appToken.get(), app, SocketModeClient.Backend.JavaWebSocket);
    socketMode.startAsync();
    log.info("Slack Socket Mode connected");
  }

  @Override
  public synchronized void close() {
    if (socketMode != null) {
      try {
        socketMode.close();
      } catch (Exception e) {
        log.warn("Closing Socket Mode failed: {}", e.getMessage());
      }
      socketMode = null;
    }
    app.stop();
    executor.shutdown();
    try {
      if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  /**
   * A Bolt app with the adapter's own configuration and middleware and no listeners: the
   * benchmark's bare app, which only acknowledges, so that the comparison differs only in what the
   * handler does. Its caller registers listeners and starts it.
   */
  public static App boltApp(SlackSettings settings) {
    return new App(appConfig(slack(settings), settings));
  }

  private static Slack slack(SlackSettings settings) {
    return SlackClients.webApi(settings.apiUrl());
  }

  /**
   * A Bolt config that takes nothing from the environment behind our back (Bolt's defaults read
   * SLACK_* variables, OAuth ones included).
   */
  static AppConfig appConfig(Slack slack, SlackSettings settings) {
    return AppConfig.builder()
        .slack(slack)
        .singleTeamBotToken(settings.botToken())
        .signingSecret(settings.signingSecret().isEmpty() ? null : settings.signingSecret())
        .verificationToken(null)
        .clientId(null)
        .clientSecret(null)
        .redirectUri(null)
        .scope(null)
        .userScope(null)
        .build();
  }

  /** The token's workspace, and the scopes it was granted (Slack's {@code x-oauth-scopes}). */
  private record Identity(String teamId, Set<String> scopes) {}

  private static void logDeliveryCheck(SlackDelivery delivery, Set<String> scopes) {
    boolean direct = delivery.checks(false, scopes);
    boolean channels = delivery.checks(true, scopes);
    if (direct || channels) {
      log.info(
          "Slack deliveries left in doubt by a crash are looked up before posting again ({}, {}"
              + " look-ups a minute, {} messages each; at most {} posts a workspace on the wire)",
          direct && channels
              ? "direct messages and channel posts"
              : direct ? "direct messages only" : "channel posts only",
          delivery.historyCallsPerMinute(),
          delivery.historyLimit(),
          delivery.postsOnTheWire());
    } else {
      log.info(
          "Slack deliveries left in doubt by a crash are posted again without a look-up (no"
              + " history scopes, or SLACK_DELIVERY_CHECK=off): a crash may repeat the posts that"
              + " were on the wire, at most {} a workspace",
          delivery.postsOnTheWire());
    }
    if (delivery.check() == SlackDelivery.Check.ON && !scopes.contains("im:history")) {
      log.warn("SLACK_DELIVERY_CHECK=on but the token lacks im:history: look-ups will fail");
    }
  }

  /**
   * Bolt for many workspaces (it sees a client id and secret): the install and redirect paths, the
   * manifest's bot scopes and no user scopes, our install page, and nothing from the environment.
   * The deprecated start and callback paths are set too: Bolt prefers them when the environment
   * names them.
   */
  @SuppressWarnings("deprecation")
  static AppConfig installConfig(Slack slack, SlackInstallSettings settings) {
    return AppConfig.builder()
        .slack(slack)
        .singleTeamBotToken(null)
        .signingSecret(settings.signingSecret())
        .verificationToken(null)
        .clientId(settings.clientId())
        .clientSecret(settings.clientSecret())
        .redirectUri(settings.redirectUrl().orElse(null))
        .scope(String.join(",", BOT_SCOPES))
        .userScope(null)
        .oauthInstallPath(OAuthInstall.INSTALL_PATH)
        .oauthStartPath(OAuthInstall.INSTALL_PATH)
        .oauthRedirectUriPath(OAuthInstall.REDIRECT_PATH)
        .oauthCallbackPath(OAuthInstall.REDIRECT_PATH)
        .oauthCompletionUrl(null)
        .oauthCancellationUrl(null)
        .stateValidationEnabled(true)
        .oAuthInstallPageRenderingEnabled(true)
        .oAuthInstallPageRenderer(url -> InstallPages.install(url, BOT_SCOPES))
        // one auth.test per token and ten minutes, not one per request
        .authTestCacheEnabled(true)
        .build();
  }

  private static Identity authTest(Slack slack, SlackSettings settings) {
    AuthTestResponse response;
    try {
      response = slack.methods(settings.botToken()).authTest(r -> r);
    } catch (IOException | SlackApiException e) {
      throw new IllegalStateException("Slack auth.test failed: " + e.getMessage(), e);
    }
    if (!response.isOk() || response.getTeamId() == null) {
      throw new IllegalStateException(
          "Slack refused SLACK_BOT_TOKEN (auth.test: " + response.getError() + ")");
    }
    return new Identity(
        response.getTeamId(), SlackTokens.scopesIn(response.getHttpResponseHeaders()));
  }
}
