package io.roadmapcoach.slack.install;

import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.service.OAuthStateService;
import io.roadmapcoach.core.installation.Installations;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/**
 * The OAuth flow's {@code state}, for Bolt: random, stored server-side by the core (as a hash),
 * single use and valid ten minutes, and tied to the browser that started the install by a cookie. A
 * state is spent the moment it is checked, so two redirects racing with one state pass once.
 */
final class OAuthStates implements OAuthStateService {
  static final String COOKIE = "roadmap_slack_oauth_state";
  private static final String COOKIE_PATH = "/slack";

  private final Installations installations;

  OAuthStates(Installations installations) {
    this.installations = installations;
  }

  @Override
  public String getSessionCookieName() {
    return COOKIE;
  }

  @Override
  public long getExpirationInSeconds() {
    return Installations.STATE_LIFETIME.toSeconds();
  }

  /**
   * A new state, stored, and its cookie: Lax, so that it comes back with the top-level redirect
   * from Slack, and only to {@code /slack}.
   */
  @Override
  @SuppressWarnings("rawtypes") // Bolt's interface takes a raw request
  public String issueNewState(Request request, Response response) {
    String state = installations.issueState();
    if (response.getHeaders() == null) {
      response.setHeaders(new HashMap<>());
    }
    response
        .getHeaders()
        .put(
            "Set-Cookie",
            List.of(
                COOKIE
                    + "="
                    + state
                    + "; Path="
                    + COOKIE_PATH
                    + "; Max-Age="
                    + getExpirationInSeconds()
                    + "; Secure; HttpOnly; SameSite=Lax"));
    return state;
  }

  @Override
  public void addNewStateToDatastore(String state) {
    throw new UnsupportedOperationException("states are issued by issueNewState");
  }

  /** Spends the state: true only the first time, within ten minutes, for a state we issued. */
  @Override
  public boolean isAvailableInDatabase(String state) {
    return installations.useState(state) == Installations.StateCheck.VALID;
  }

  /** The state was spent when it was checked; only the browser's cookie is left to clear. */
  @Override
  @SuppressWarnings("rawtypes")
  public void consume(Request request, Response response) {
    if (response.getHeaders() == null) {
      response.setHeaders(new HashMap<>());
    }
    List<String> cookies =
        new ArrayList<>(response.getHeaders().getOrDefault("Set-Cookie", List.of()));
    cookies.add(COOKIE + "=; Path=" + COOKIE_PATH + "; Max-Age=0; Secure; HttpOnly; SameSite=Lax");
    response.getHeaders().put("Set-Cookie", cookies);
  }

  @Override
  public void deleteStateFromDatastore(String state) {
    // spent when checked (isAvailableInDatabase); spent states are purged by the core
  }

  /**
   * Why a redirect's state was refused, for the page that says so: forged, used, expired, or ours
   * and unspent ({@code UNSPENT}: the redirect came without the starting browser's cookie).
   */
  Installations.StateCheck why(Request<?> request) {
    return installations.stateOf(extractStateFromQueryString(request));
  }
}
