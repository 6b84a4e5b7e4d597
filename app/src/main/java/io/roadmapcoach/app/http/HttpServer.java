package io.roadmapcoach.app.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.roadmapcoach.app.health.HealthCheck.Status;
import io.roadmapcoach.app.health.HealthChecks;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.pathmap.PathSpec;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.server.handler.PathMappingsHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * One HTTP port of the app (a server run's two, and the console's dashboard once asked for). The
 * public port serves Slack's {@code /slack/events}, the leads' dashboard and Slack's install pages
 * ({@link #route routed} onto it) and bare {@link #probes}; the management endpoints ({@code
 * /livez}, {@code /readyz}, {@code /healthz}, {@code /metrics}, with details) have a port of their
 * own. Every port answers without naming its server, refuses a malformed address with a 400 (see
 * {@link Guard}) and anything it does not serve with the app's own 404 page. Stopping lets requests
 * in flight finish (up to {@link #STOP_GRACE}) and refuses new ones.
 */
public final class HttpServer implements AutoCloseable {
  static final Duration STOP_GRACE = Duration.ofSeconds(3);
  private static final ObjectMapper JSON =
      new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

  private final Server server;
  private final PathMappingsHandler routes;
  private final Guard guard;

  /** The management endpoints: what they report on. */
  public record Management(HealthChecks health, PrometheusMeterRegistry metrics) {}

  /**
   * @param host the interface to listen on; empty for all
   * @param port the port; 0 for any free one (tests)
   * @param slackEvents Slack's request handler, when Slack runs over HTTP on this port
   * @param management the management endpoints, when they are on this port
   */
  public HttpServer(
      Optional<String> host,
      int port,
      Optional<Handler> slackEvents,
      Optional<Management> management) {
    QueuedThreadPool threads = new QueuedThreadPool(64, 4);
    threads.setName("http-" + port);
    threads.setVirtualThreadsExecutor(Executors.newVirtualThreadPerTaskExecutor());
    this.server = new Server(threads);
    // answers name no server and no version
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setSendXPoweredBy(false);
    ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
    host.ifPresent(connector::setHost);
    connector.setPort(port);
    server.addConnector(connector);
    this.routes = new PathMappingsHandler();
    management.ifPresent(
        m -> {
          routes.addMapping(PathSpec.from("/livez"), new Livez());
          routes.addMapping(PathSpec.from("/readyz"), new Report(m.health(), true, true));
          routes.addMapping(PathSpec.from("/healthz"), new Report(m.health(), false, true));
          routes.addMapping(PathSpec.from("/metrics"), new Metrics(m.metrics()));
        });
    slackEvents.ifPresent(handler -> routes.addMapping(PathSpec.from("/slack/events"), handler));
    this.guard = new Guard(routes, new RefusalLog(RefusalLog.INTERVAL));
    server.setHandler(new GracefulHandler(guard));
    server.setErrorHandler(new QuietErrors(guard::strictTransportSecurity));
    server.setStopTimeout(STOP_GRACE.toMillis());
  }

  /**
   * {@code /livez} and {@code /readyz} for a load balancer on a port whose management endpoints are
   * elsewhere: the status only, none of the parts' details; before {@link #start}.
   */
  public void probes(HealthChecks health) {
    routes.addMapping(PathSpec.from("/livez"), new Livez());
    routes.addMapping(PathSpec.from("/readyz"), new Report(health, true, false));
  }

  /**
   * Every answer tells browsers to reach this address over https only ({@code
   * Strict-Transport-Security}): for a public address that is https; before {@link #start}.
   */
  public void strictTransportSecurity() {
    guard.strictTransportSecurity(true);
  }

  /**
   * Serves {@code pathSpec} (e.g. {@code /dashboard/*}) with {@code handler}; before {@link
   * #start}.
   */
  public void route(String pathSpec, Handler handler) {
    routes.addMapping(PathSpec.from(pathSpec), handler);
  }

  public void start() throws Exception {
    server.start();
  }

  /** The port actually bound (useful when asked for port 0). */
  public int port() {
    return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
  }

  /** Refuses new connections, lets requests in flight finish, then stops. */
  @Override
  public void close() throws Exception {
    server.stop();
  }

  private static boolean write(
      Response response, Callback callback, int status, String type, String body) {
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    Content.Sink.write(response, true, body, callback);
    return true;
  }

  private static boolean writeJson(
      Response response, Callback callback, int status, Map<String, Object> body) {
    try {
      return write(
          response,
          callback,
          status,
          "application/json; charset=utf-8",
          JSON.writeValueAsString(body) + "\n");
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return write(response, callback, 500, "text/plain; charset=utf-8", "report failed\n");
    }
  }

  private static boolean onlyGet(Request request, Response response, Callback callback) {
    if (HttpMethod.GET.is(request.getMethod()) || HttpMethod.HEAD.is(request.getMethod())) {
      return false;
    }
    response.getHeaders().put(HttpHeader.ALLOW, "GET, HEAD");
    return write(response, callback, 405, "text/plain; charset=utf-8", "use GET\n");
  }

  /** The process is alive and answers: restart it only when this fails. */
  private static final class Livez extends Handler.Abstract {
    @Override
    public boolean handle(Request request, Response response, Callback callback) {
      if (onlyGet(request, response, callback)) {
        return true;
      }
      return writeJson(response, callback, 200, Map.of("status", "UP"));
    }
  }

  /**
   * {@code /healthz} (every part) or {@code /readyz} (what serving needs), as JSON; without details
   * only the status.
   */
  private static final class Report extends Handler.Abstract {
    private final HealthChecks health;
    private final boolean readinessOnly;
    private final boolean details;

    Report(HealthChecks health, boolean readinessOnly, boolean details) {
      this.health = health;
      this.readinessOnly = readinessOnly;
      this.details = details;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
      if (onlyGet(request, response, callback)) {
        return true;
      }
      HealthChecks.Report report = readinessOnly ? health.readiness() : health.health();
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("status", report.up() ? "UP" : "DOWN");
      if (!details) {
        return writeJson(response, callback, report.up() ? 200 : 503, body);
      }
      if (report.shuttingDown()) {
        body.put("shuttingDown", true);
      }
      Map<String, Object> parts = new LinkedHashMap<>();
      report.parts().forEach((name, status) -> parts.put(name, part(status)));
      body.put("parts", parts);
      return writeJson(response, callback, report.up() ? 200 : 503, body);
    }

    private static Map<String, Object> part(Status status) {
      Map<String, Object> part = new LinkedHashMap<>();
      part.put("status", status.up() ? "UP" : "DOWN");
      part.putAll(status.details());
      return part;
    }
  }

  private static final class Metrics extends Handler.Abstract {
    private final PrometheusMeterRegistry registry;

    Metrics(PrometheusMeterRegistry registry) {
      this.registry = registry;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
      if (onlyGet(request, response, callback)) {
        return true;
      }
      return write(
          response, callback, 200, "text/plain; version=0.0.4; charset=utf-8", registry.scrape());
    }
  }
}
