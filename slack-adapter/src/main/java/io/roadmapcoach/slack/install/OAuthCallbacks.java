package io.roadmapcoach.slack.install;

import com.slack.api.Slack;
import com.slack.api.bolt.App;
import com.slack.api.bolt.request.builtin.OAuthCallbackRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.service.builtin.oauth.OAuthV2AccessErrorHandler;
import com.slack.api.bolt.service.builtin.oauth.OAuthV2SuccessHandler;
import com.slack.api.methods.response.auth.AuthTestResponse;
import com.slack.api.methods.response.oauth.OAuthV2AccessResponse;
import io.roadmapcoach.core.caller.Platform;
import io.roadmapcoach.core.installation.Installation;
import io.roadmapcoach.core.installation.Installations;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@code /slack/oauth_redirect} answers, as Bolt's OAuth callbacks: the install stored and a
 * page saying what to do next; or, storing nothing, a page for each way it can fail (a denied
 * install, a forged, used or expired state or another browser, a code Slack would not exchange, an
 * org-wide install).
 */
public final class OAuthCallbacks {
  private static final Logger log = LoggerFactory.getLogger(OAuthCallbacks.class);

  private final Installations installations;
  private final OAuthStates states;
  private final Slack slack;

  OAuthCallbacks(Installations installations, OAuthStates states, Slack slack) {
    this.installations = installations;
    this.states = states;
    this.slack = slack;
  }

  /**
   * Makes the app install itself through OAuth v2 over the core's installations: Bolt's
   * installation and state services are ours, and each outcome of the redirect gets our page.
   */
  public static void serve(
      App app,
      Installations installations,
      InstallationStore store,
      Slack slack,
      String signingSecret) {
    OAuthStates states =
        new OAuthStates(new SignedStates(signingSecret, installations::now), installations);
    OAuthCallbacks callbacks = new OAuthCallbacks(installations, states, slack);
    app.asOAuthApp(true);
    app.service(store);
    app.service(states);
    // after service(store), which sets Bolt's default success handler
    app.oauthCallback((OAuthV2SuccessHandler) callbacks::installed);
    app.oauthCallbackError(callbacks::slackSaidNo);
    app.oauthCallbackStateError(callbacks::stateRefused);
    app.oauthCallbackAccessError((OAuthV2AccessErrorHandler) callbacks::exchangeFailed);
    app.oauthCallbackException(callbacks::failed);
  }

  /** The code was exchanged: store the installation, replacing any earlier one. */
  Response installed(OAuthCallbackRequest request, Response response, OAuthV2AccessResponse o) {
    String team = o.getTeam() == null ? null : o.getTeam().getId();
    if (o.isEnterpriseInstall() || team == null) {
      revoke(o.getAccessToken());
      log.info("Refused an org-wide install (Enterprise Grid {})", enterpriseId(o).orElse("?"));
      return page(response, InstallPages.orgWide());
    }
    if (o.getAccessToken() == null || o.getBotUserId() == null) {
      log.warn("oauth.v2.access for {} carried no bot token; nothing was stored", team);
      return page(response, InstallPages.failed());
    }
    Instant now = installations.now();
    String name = o.getTeam().getName() == null ? team : o.getTeam().getName();
    Installation installation =
        new Installation(
            Platform.SLACK,
            team,
            Optional.of(name),
            enterpriseId(o),
            Optional.ofNullable(o.getAppId()),
            botId(o.getAccessToken()),
            o.getBotUserId(),
            o.getScope(),
            Optional.ofNullable(o.getAuthedUser()).map(OAuthV2AccessResponse.AuthedUser::getId),
            o.getAccessToken(),
            Optional.ofNullable(o.getRefreshToken()),
            Optional.ofNullable(o.getExpiresIn()).map(s -> now.plus(Duration.ofSeconds(s))),
            now);
    try {
      installations.save(installation);
    } catch (RuntimeException e) {
      log.error("Storing the installation of Slack workspace {} failed", team, e);
      return page(response, InstallPages.failed());
    }
    log.info("Installed in Slack workspace {} ({}), scopes {}", team, name, o.getScope());
    return page(response, InstallPages.installed(name));
  }

  /**
   * Slack sent the installer back with an error instead of a code: mostly a cancelled install.
   * Anyone can send a browser to this address with any {@code error}, so only the codes Slack
   * documents are named on the page; anything else gets a general line.
   */
  Response slackSaidNo(OAuthCallbackRequest request, Response response) {
    String error = request.getPayload().getError();
    if ("access_denied".equals(error)) {
      return page(response, InstallPages.denied());
    }
    return page(response, InstallPages.slackError(error));
  }

  /** The state did not pass: which way, for its own page. */
  Response stateRefused(OAuthCallbackRequest request, Response response) {
    return page(
        response,
        switch (states.why(request)) {
          case FORGED -> InstallPages.forgedState();
          case USED -> InstallPages.usedState();
          case EXPIRED -> InstallPages.expiredState();
          case OTHER_BROWSER -> InstallPages.otherBrowser();
        });
  }

  /** {@code oauth.v2.access} answered with an error (a bad or used code, a wrong redirect URL). */
  Response exchangeFailed(
      OAuthCallbackRequest request, Response response, OAuthV2AccessResponse apiResponse) {
    log.info("oauth.v2.access refused a code: {}", apiResponse.getError());
    return page(response, InstallPages.exchangeFailed(apiResponse.getError()));
  }

  Response failed(OAuthCallbackRequest request, Response response, Exception e) {
    log.warn("An OAuth redirect failed: {}", e.getClass().getSimpleName());
    return page(response, InstallPages.failed());
  }

  private Optional<String> botId(String token) {
    try {
      AuthTestResponse test = slack.methods(token).authTest(r -> r);
      return test.isOk() ? Optional.ofNullable(test.getBotId()) : Optional.empty();
    } catch (Exception e) {
      return Optional.empty();
    }
  }

  /** A token for an install we refuse is handed back, so none is left granted and unused. */
  private void revoke(String token) {
    if (token == null) {
      return;
    }
    try {
      slack.methods(token).authRevoke(r -> r);
    } catch (Exception e) {
      log.warn("Revoking the token of a refused install failed: {}", e.getClass().getSimpleName());
    }
  }

  private static Optional<String> enterpriseId(OAuthV2AccessResponse o) {
    return Optional.ofNullable(o.getEnterprise()).map(OAuthV2AccessResponse.Enterprise::getId);
  }

  static Response page(Response response, InstallPages.Page page) {
    response.setStatusCode(page.status());
    response.setContentType("text/html; charset=utf-8");
    response.setBody(page.html());
    return response;
  }
}
