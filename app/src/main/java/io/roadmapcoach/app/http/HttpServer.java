package io.roadmapcoach.app.http;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.pathmap.PathSpec;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.PathMappingsHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The app's HTTP side (server runs only): Slack's {@code /slack/events}, {@code /healthz} for load
 * balancers, {@code /metrics} for Prometheus, and whatever else is {@link #route routed} (the
 * leads' dashboard). Anything else is 404.
 */
public final class HttpServer implements AutoCloseable {
  private final Server server;
  private final PathMappingsHandler routes;

  /**
   * @param healthy whether the app can serve (its database answers)
   * @param slackEvents Slack's request handler, when Slack runs over HTTP
   */
  public HttpServer(
      int port,
      BooleanSupplier healthy,
      PrometheusMeterRegistry metrics,
      Optional<Handler> slackEvents) {
    QueuedThreadPool threads = new QueuedThreadPool(64, 4);
    threads.setName("http");
    threads.setVirtualThreadsExecutor(
        java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
    this.server = new Server(threads);
    ServerConnector connector = new ServerConnector(server);
    connector.setPort(port);
    server.addConnector(connector);
    this.routes = new PathMappingsHandler();
    routes.addMapping(PathSpec.from("/healthz"), new Health(healthy));
    routes.addMapping(PathSpec.from("/metrics"), new Metrics(metrics));
    slackEvents.ifPresent(handler -> routes.addMapping(PathSpec.from("/slack/events"), handler));
    server.setHandler(routes);
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

  @Override
  public void close() throws Exception {
    server.stop();
  }

  private static boolean write(
      Response response, Callback callback, int status, String type, String body) {
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
    Content.Sink.write(response, true, body, callback);
    return true;
  }

  private static boolean onlyGet(Request request, Response response, Callback callback) {
    if (HttpMethod.GET.is(request.getMethod()) || HttpMethod.HEAD.is(request.getMethod())) {
      return false;
    }
    response.getHeaders().put(HttpHeader.ALLOW, "GET, HEAD");
    return write(response, callback, 405, "text/plain; charset=utf-8", "use GET\n");
  }

  private static final class Health extends Handler.Abstract {
    private final BooleanSupplier healthy;

    Health(BooleanSupplier healthy) {
      this.healthy = healthy;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
      if (onlyGet(request, response, callback)) {
        return true;
      }
      boolean ok = healthy.getAsBoolean();
      return write(
          response,
          callback,
          ok ? 200 : 503,
          "text/plain; charset=utf-8",
          ok ? "ok\n" : "database unavailable\n");
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
          response,
          callback,
          200,
          "text/plain; version=0.0.4; charset=utf-8",
          new String(registry.scrape().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
    }
  }
}
