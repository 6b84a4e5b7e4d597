package io.roadmapcoach.slack.install;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The bot token for a workspace, for every call the adapter makes on its own: deliveries from the
 * outbox, the App Home, user look-ups, files. One workspace per {@code SLACK_BOT_TOKEN}, or each
 * installed workspace with its own token (refreshed before it expires when tokens rotate).
 */
public interface SlackTokens {

  /** A token that works now for the workspace; empty when the app is not installed there. */
  Optional<String> botToken(String teamId);

  /**
   * The bot scopes the workspace granted, which decide whether deliveries in doubt can be looked up
   * ({@code SlackDelivery}); none when the app is not installed there.
   */
  Set<String> scopes(String teamId);

  /** Scopes as Slack writes them: comma-separated, in a header or an installation. */
  static Set<String> parseScopes(String commaSeparated) {
    return Arrays.stream(commaSeparated.split(","))
        .map(String::strip)
        .filter(scope -> !scope.isEmpty())
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** The scopes in Slack's {@code x-oauth-scopes} response header (as {@code auth.test} sends). */
  static Set<String> scopesIn(Map<String, List<String>> headers) {
    if (headers == null) {
      return Set.of();
    }
    Set<String> scopes = new TreeSet<>();
    headers.forEach(
        (name, values) -> {
          if ("x-oauth-scopes".equalsIgnoreCase(name) && values != null) {
            values.forEach(v -> scopes.addAll(parseScopes(v)));
          }
        });
    return scopes;
  }

  /** The one workspace a single bot token serves, with the scopes {@code auth.test} reported. */
  static SlackTokens single(String teamId, String token, Set<String> scopes) {
    return new SlackTokens() {
      @Override
      public Optional<String> botToken(String team) {
        return teamId.equals(team) ? Optional.of(token) : Optional.empty();
      }

      @Override
      public Set<String> scopes(String team) {
        return teamId.equals(team) ? scopes : Set.of();
      }
    };
  }
}
