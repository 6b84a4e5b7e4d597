package io.roadmapcoach.slack.install;

import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.service.OAuthStateService;
import io.roadmapcoach.core.installation.Installations;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;

/**
 * The OAuth flow's {@code state}, for Bolt. The install page stores nothing: the state is signed
 * ({@link SignedStates}: random, valid ten minutes) and handed to the browser twice, in Slack's
 * link and in a short-lived cookie, so that only the browser that opened the page can finish the
 * install. When Slack sends that browser back with both, the state is spent in the core's store,
 * once: a replayed redirect is refused, also on another instance. Only a state that came back with
 * its cookie is ever stored, so requests to the install page write nothing.
 */
final class OAuthStates implements OAuthStateService {
  static final String COOKIE = "roadmap_slack_oauth_state";
  private static final String COOKIE_PATH = "/slack";

  /** Why a redirect's state was refused, for the page that says so. */
  enum Refusal {
    /** Not a state this app signed: forged or mangled. */
    FORGED,
    /** Spent by an earlier redirect: a replay, or a reload. */
    USED,
    /** Issued more than ten minutes ago. */
    EXPIRED,
    /** Ours, unspent and in time, but it came without the cookie of the browser it was given. */
    OTHER_BROWSER
  }

  private final SignedStates signed;
  private final Installations installations;

  OAuthStates(SignedStates signed, Installations installations) {
    this.signed = signed;
    this.installations = installations;
  }

  @Override
  public String getSessionCookieName() {
    return COOKIE;
  }

  @Override
  public long getExpirationInSeconds() {
    return SignedStates.LIFETIME.toSeconds();
  }

  /**
   * A new state and its cookie: Lax, so that it comes back with the top-level redirect from Slack,
   * and only to {@code /slack}. Nothing is stored.
   */
  @Override
  @SuppressWarnings("rawtypes") // Bolt's interface takes a raw request
  public String issueNewState(Request request, Response response) {
    String state = signed.issue();
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
    throw new UnsupportedOperationException("states are signed, not stored, when issued");
  }

  /**
   * Bolt asks once the state in the link matched the browser's cookie: spends it, true only the
   * first time, within ten minutes, for a state we signed.
   */
  @Override
  public boolean isAvailableInDatabase(String state) {
    Optional<Instant> expiry = signed.expiry(state).filter(signed::inTime);
    return expiry.isPresent() && installations.spendState(state, expiry.get());
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
    // spent when checked (isAvailableInDatabase); the core forgets it once it has expired
  }

  /** Why a redirect's state did not pass. */
  Refusal why(Request<?> request) {
    String state = extractStateFromQueryString(request);
    Optional<Instant> expiry = signed.expiry(state);
    if (expiry.isEmpty()) {
      return Refusal.FORGED;
    }
    if (installations.stateSpent(state)) {
      return Refusal.USED;
    }
    return signed.inTime(expiry.get()) ? Refusal.OTHER_BROWSER : Refusal.EXPIRED;
  }
}
