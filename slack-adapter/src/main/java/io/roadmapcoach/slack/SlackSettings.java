package io.roadmapcoach.slack;

import io.roadmapcoach.slack.delivery.SlackDelivery;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How the Slack adapter reaches Slack: one workspace per bot token.
 *
 * <p>The token and secrets never leave this record through {@link #toString()}: logs, exceptions
 * and test reports show them as {@code ***}.
 *
 * @param botToken {@code SLACK_BOT_TOKEN}, the bot token ({@code xoxb-...}) of the installed app
 * @param signingSecret {@code SLACK_SIGNING_SECRET}; requests over HTTP are refused without it
 * @param appToken {@code SLACK_APP_TOKEN} ({@code xapp-...}): Socket Mode instead of HTTP
 * @param apiUrl {@code SLACK_API_URL}, the Web API base, ending in {@code /}
 * @param ackBudget how long a slash command may run before it is acknowledged empty and answered
 *     later through {@code response_url} (Slack gives 3 s)
 * @param delivery how a delivery left in doubt by a crash is checked before it is posted again
 */
public record SlackSettings(
    String botToken,
    String signingSecret,
    Optional<String> appToken,
    String apiUrl,
    Duration ackBudget,
    SlackDelivery delivery) {

  public static final String DEFAULT_API_URL = "https://slack.com/api/";
  public static final Duration DEFAULT_ACK_BUDGET = Duration.ofMillis(2500);

  public SlackSettings {
    if (botToken == null || botToken.isBlank()) {
      throw new IllegalArgumentException("SLACK_BOT_TOKEN is required for Slack");
    }
    signingSecret = signingSecret == null ? "" : signingSecret.trim();
    appToken = Objects.requireNonNull(appToken).filter(t -> !t.isBlank());
    if (signingSecret.isEmpty() && appToken.isEmpty()) {
      throw new IllegalArgumentException(
          "Slack needs SLACK_SIGNING_SECRET (HTTP mode) or SLACK_APP_TOKEN (Socket Mode)");
    }
    apiUrl = apiUrl == null || apiUrl.isBlank() ? DEFAULT_API_URL : apiUrl.trim();
    if (!apiUrl.endsWith("/")) {
      apiUrl = apiUrl + "/";
    }
    Objects.requireNonNull(ackBudget);
    if (ackBudget.isNegative() || ackBudget.compareTo(Duration.ofMillis(2900)) > 0) {
      throw new IllegalArgumentException("ackBudget must be between 0 and 2.9 s");
    }
    Objects.requireNonNull(delivery);
  }

  public SlackSettings(
      String botToken,
      String signingSecret,
      Optional<String> appToken,
      String apiUrl,
      Duration ackBudget) {
    this(botToken, signingSecret, appToken, apiUrl, ackBudget, SlackDelivery.DEFAULT);
  }

  public SlackSettings(
      String botToken, String signingSecret, Optional<String> appToken, String apiUrl) {
    this(botToken, signingSecret, appToken, apiUrl, DEFAULT_ACK_BUDGET);
  }

  /**
   * Reads {@code SLACK_BOT_TOKEN}, {@code SLACK_SIGNING_SECRET}, {@code SLACK_APP_TOKEN}, {@code
   * SLACK_API_URL} and the delivery check's variables ({@link SlackDelivery}); empty when no bot
   * token is set (Slack is off).
   */
  public static Optional<SlackSettings> fromEnvironment(Map<String, String> env) {
    String token = env.get("SLACK_BOT_TOKEN");
    if (token == null || token.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(
        new SlackSettings(
            token.trim(),
            env.get("SLACK_SIGNING_SECRET"),
            Optional.ofNullable(env.get("SLACK_APP_TOKEN")).map(String::trim),
            env.get("SLACK_API_URL"),
            DEFAULT_ACK_BUDGET,
            SlackDelivery.fromEnvironment(env)));
  }

  public SlackSettings withAckBudget(Duration budget) {
    return new SlackSettings(botToken, signingSecret, appToken, apiUrl, budget, delivery);
  }

  public SlackSettings withDelivery(SlackDelivery checks) {
    return new SlackSettings(botToken, signingSecret, appToken, apiUrl, ackBudget, checks);
  }

  public boolean socketMode() {
    return appToken.isPresent();
  }

  @Override
  public String toString() {
    return "SlackSettings[botToken=***, signingSecret="
        + (signingSecret.isEmpty() ? "(none)" : "***")
        + ", appToken="
        + (appToken.isPresent() ? "***" : "(none)")
        + ", apiUrl="
        + apiUrl
        + ", ackBudget="
        + ackBudget
        + ", delivery="
        + delivery
        + "]";
  }
}
