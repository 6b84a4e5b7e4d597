package io.roadmapcoach.slack;

import io.roadmapcoach.slack.delivery.SlackDelivery;
import io.roadmapcoach.slack.install.OAuthInstall;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Slack for many workspaces: the app installed by each through OAuth v2, with a token per workspace
 * kept in the database. The client secret and signing secret never leave this record through {@link
 * #toString()}.
 *
 * @param clientId {@code SLACK_CLIENT_ID}
 * @param clientSecret {@code SLACK_CLIENT_SECRET}
 * @param signingSecret {@code SLACK_SIGNING_SECRET}: every request from Slack is checked with it
 * @param apiUrl {@code SLACK_API_URL}, the Web API base, ending in {@code /}
 * @param publicUrl {@code PUBLIC_URL}: where Slack sends installers back ({@code
 *     /slack/oauth_redirect}) and where a workspace without the app is pointed ({@code
 *     /slack/install}); without it Slack uses the redirect URL configured for the app
 * @param ackBudget how long a slash command may run before it is answered through response_url
 * @param delivery how a delivery left in doubt by a crash is checked before it is posted again
 *     (each workspace's granted scopes decide whether it can be)
 */
public record SlackInstallSettings(
    String clientId,
    String clientSecret,
    String signingSecret,
    String apiUrl,
    Optional<String> publicUrl,
    Duration ackBudget,
    SlackDelivery delivery) {

  public SlackInstallSettings {
    if (clientId == null || clientId.isBlank() || clientSecret == null || clientSecret.isBlank()) {
      throw new IllegalArgumentException(
          "SLACK_CLIENT_ID and SLACK_CLIENT_SECRET are both required for Slack installs");
    }
    if (signingSecret == null || signingSecret.isBlank()) {
      throw new IllegalArgumentException(
          "Slack installs need SLACK_SIGNING_SECRET: requests from Slack are checked with it");
    }
    clientId = clientId.trim();
    clientSecret = clientSecret.trim();
    signingSecret = signingSecret.trim();
    apiUrl = apiUrl == null || apiUrl.isBlank() ? SlackSettings.DEFAULT_API_URL : apiUrl.trim();
    if (!apiUrl.endsWith("/")) {
      apiUrl = apiUrl + "/";
    }
    publicUrl =
        Objects.requireNonNull(publicUrl)
            .map(String::trim)
            .filter(u -> !u.isEmpty())
            .map(u -> u.endsWith("/") ? u.substring(0, u.length() - 1) : u);
    Objects.requireNonNull(ackBudget);
    Objects.requireNonNull(delivery);
  }

  public SlackInstallSettings(
      String clientId,
      String clientSecret,
      String signingSecret,
      String apiUrl,
      Optional<String> publicUrl) {
    this(
        clientId,
        clientSecret,
        signingSecret,
        apiUrl,
        publicUrl,
        SlackSettings.DEFAULT_ACK_BUDGET,
        SlackDelivery.DEFAULT);
  }

  /** The same settings answering slash commands within another budget. */
  public SlackInstallSettings withAckBudget(Duration budget) {
    return new SlackInstallSettings(
        clientId, clientSecret, signingSecret, apiUrl, publicUrl, budget, delivery);
  }

  /** The same settings checking deliveries in doubt another way. */
  public SlackInstallSettings withDelivery(SlackDelivery checks) {
    return new SlackInstallSettings(
        clientId, clientSecret, signingSecret, apiUrl, publicUrl, ackBudget, checks);
  }

  Optional<String> installUrl() {
    return publicUrl.map(u -> u + OAuthInstall.INSTALL_PATH);
  }

  Optional<String> redirectUrl() {
    return publicUrl.map(u -> u + OAuthInstall.REDIRECT_PATH);
  }

  @Override
  public String toString() {
    return "SlackInstallSettings[clientId="
        + clientId
        + ", clientSecret=***, signingSecret=***, apiUrl="
        + apiUrl
        + ", publicUrl="
        + publicUrl.orElse("(none)")
        + ", ackBudget="
        + ackBudget
        + ", delivery="
        + delivery
        + "]";
  }
}
