package io.roadmapcoach.slack.install;

import com.slack.api.Slack;
import com.slack.api.methods.response.oauth.OAuthV2AccessResponse;
import io.roadmapcoach.core.caller.Platform;
import io.roadmapcoach.core.installation.Installations;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Each installed workspace's bot token, from the core's installations. A token that rotates is
 * refreshed before it expires ({@code oauth.v2.access} with {@code grant_type=refresh_token}) on
 * every path, scheduled sends included: Bolt refreshes only while it handles a request.
 */
public final class InstalledTokens implements SlackTokens {
  private final Installations installations;
  private final Installations.Refresher refresher;

  public InstalledTokens(
      Installations installations, Slack slack, String clientId, String clientSecret) {
    this.installations = installations;
    this.refresher =
        refreshToken -> {
          OAuthV2AccessResponse response =
              slack
                  .methods()
                  .oauthV2Access(
                      r ->
                          r.clientId(clientId)
                              .clientSecret(clientSecret)
                              .grantType("refresh_token")
                              .refreshToken(refreshToken));
          if (!response.isOk()
              || response.getAccessToken() == null
              || response.getRefreshToken() == null
              || response.getExpiresIn() == null) {
            throw new IOException("oauth.v2.access (refresh) answered " + response.getError());
          }
          return new Installations.Refreshed(
              response.getAccessToken(),
              response.getRefreshToken(),
              Duration.ofSeconds(response.getExpiresIn()));
        };
  }

  @Override
  public Optional<String> botToken(String teamId) {
    return installations.token(Platform.SLACK, teamId, refresher);
  }

  @Override
  public Set<String> scopes(String teamId) {
    return installations
        .find(Platform.SLACK, teamId)
        .map(installation -> SlackTokens.parseScopes(installation.botScopes()))
        .orElse(Set.of());
  }
}
