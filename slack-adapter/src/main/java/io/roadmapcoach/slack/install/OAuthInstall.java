package io.roadmapcoach.slack.install;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.util.SlackRequestParser;
import io.roadmapcoach.slack.http.AddressLimit;
import io.roadmapcoach.slack.http.QuietLog;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * The install pages, {@code GET /slack/install} and {@code GET /slack/oauth_redirect}, served
 * through Bolt's OAuth flow (its state service and callbacks are ours): each request becomes a Bolt
 * request, {@code app.run} answers it, and the answer is written back with headers that forbid
 * scripts, framing, caching and referrers (the redirect's address carries the code).
 *
 * <p>Anyone may call them, so they write nothing a stranger could pile up: the install page's state
 * lives in the browser ({@link OAuthStates}), each address may open the install page {@link
 * #INSTALLS_PER_WINDOW} times a minute (counted in memory; past that, 429), and an address that
 * cannot be read gets 400 with one log line now and then.
 */
public final class OAuthInstall extends Handler.Abstract {
  public static final String INSTALL_PATH = "/slack/install";
  public static final String REDIRECT_PATH = "/slack/oauth_redirect";
  static final String CSP =
      "default-src 'none'; style-src 'unsafe-inline'; form-action 'none';"
          + " frame-ancestors 'none'; base-uri 'none'";

  /** How often one address may open the install page in a minute: a person needs a few. */
  static final int INSTALLS_PER_WINDOW = 10;

  private static final Duration WINDOW = Duration.ofMinutes(1);
  private static final int MOST_ADDRESSES = 10_000;
  private static final Logger log = LoggerFactory.getLogger(OAuthInstall.class);

  private final App app;
  private final SlackRequestParser parser;
  private final AddressLimit installs;
  private final QuietLog malformed = new QuietLog(log, Level.INFO);

  /**
   * @param clock real time, for the limit per address
   */
  public OAuthInstall(App app, Clock clock) {
    this.app = app;
    this.parser = new SlackRequestParser(app.config());
    this.installs = new AddressLimit(INSTALLS_PER_WINDOW, WINDOW, MOST_ADDRESSES, clock);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    String path = request.getHttpURI().getPath();
    if (!INSTALL_PATH.equals(path) && !REDIRECT_PATH.equals(path)) {
      return false;
    }
    secure(response);
    if (!HttpMethod.GET.is(request.getMethod()) && !HttpMethod.HEAD.is(request.getMethod())) {
      response.getHeaders().put(HttpHeader.ALLOW, "GET, HEAD");
      return write(response, callback, 405, "text/plain; charset=utf-8", "use GET\n");
    }
    String from = Request.getRemoteAddr(request);
    Map<String, List<String>> query;
    try {
      query = query(request);
    } catch (RuntimeException e) {
      malformed.say(
          "Refused a request to {} from {}: its query could not be read ({})",
          path,
          from,
          e.getClass().getSimpleName());
      return page(response, callback, InstallPages.malformed());
    }
    if (INSTALL_PATH.equals(path)) {
      Optional<Duration> wait = installs.refuse(from);
      if (wait.isPresent()) {
        long seconds = Math.max(1, wait.get().toSeconds());
        response.getHeaders().put(HttpHeader.RETRY_AFTER, String.valueOf(seconds));
        return page(response, callback, InstallPages.tooMany());
      }
    }
    try {
      if (REDIRECT_PATH.equals(path) && !query.containsKey("code") && !query.containsKey("error")) {
        return page(response, callback, InstallPages.noCode());
      }
      var boltRequest =
          parser.parse(
              SlackRequestParser.HttpRequest.builder()
                  .requestUri(path)
                  .queryString(query)
                  .headers(new RequestHeaders(headers(request)))
                  .requestBody("")
                  .remoteAddress(from)
                  .build());
      if (boltRequest == null) {
        return page(response, callback, InstallPages.notFound());
      }
      com.slack.api.bolt.response.Response answer = app.run(boltRequest); // Bolt's, not Jetty's
      if (answer.getHeaders() != null) {
        answer
            .getHeaders()
            .forEach(
                (name, values) -> {
                  if (!name.equalsIgnoreCase("content-type")
                      && !name.equalsIgnoreCase("content-length")) {
                    values.forEach(v -> response.getHeaders().add(name, v));
                  }
                });
      }
      return write(
          response,
          callback,
          answer.getStatusCode() == null ? 200 : answer.getStatusCode(),
          answer.getContentType() == null ? "text/html; charset=utf-8" : answer.getContentType(),
          answer.getBody() == null ? "" : answer.getBody());
    } catch (Exception e) {
      log.error("An install page failed", e);
      return page(response, callback, InstallPages.failed());
    }
  }

  private static void secure(Response response) {
    response.getHeaders().put("Content-Security-Policy", CSP);
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    response.getHeaders().put("Referrer-Policy", "no-referrer");
    response.getHeaders().put("X-Content-Type-Options", "nosniff");
    response.getHeaders().put("X-Frame-Options", "DENY");
  }

  private static Map<String, List<String>> query(Request request) {
    Map<String, List<String>> query = new HashMap<>();
    Fields fields = Request.extractQueryParameters(request);
    for (Fields.Field field : fields) {
      query.put(field.getName(), new ArrayList<>(field.getValues()));
    }
    return query;
  }

  private static Map<String, List<String>> headers(Request request) {
    Map<String, List<String>> headers = new HashMap<>();
    for (HttpField field : request.getHeaders()) {
      headers.computeIfAbsent(field.getName(), k -> new ArrayList<>(1)).add(field.getValue());
    }
    return headers;
  }

  private static boolean page(Response response, Callback callback, InstallPages.Page page) {
    return write(response, callback, page.status(), "text/html; charset=utf-8", page.html());
  }

  private static boolean write(
      Response response, Callback callback, int status, String type, String body) {
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
    response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
    return true;
  }
}
