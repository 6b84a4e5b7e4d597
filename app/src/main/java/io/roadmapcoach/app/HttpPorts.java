package io.roadmapcoach.app;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.roadmapcoach.app.health.HealthChecks;
import io.roadmapcoach.app.http.HttpServer;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.server.Handler;

/**
 * The server run's HTTP ports: {@code PORT} on {@code BIND_ADDRESS} for Slack's events and the
 * public pages, and a management port of its own for {@code /healthz} and {@code /metrics} (and
 * {@code /livez}, {@code /readyz} with details): {@code MANAGEMENT_PORT}, or this machine only when
 * that is unset. Then {@code PORT} keeps bare {@code /livez} and {@code /readyz} for a load
 * balancer, the status only; health details and metrics are never where Slack and browsers reach.
 */
final class HttpPorts {
  private HttpPorts() {}

  /**
   * @param publicRoutes paths served on the public port beside Slack's events (the dashboard)
   */
  static void start(
      Config config,
      HealthChecks health,
      PrometheusMeterRegistry metrics,
      Optional<Handler> slackEvents,
      Map<String, Handler> publicRoutes,
      Shutdown shutdown)
      throws Exception {
    Config.Listener listener = config.managementListener();
    HttpServer managementServer =
        new HttpServer(
            listener.host(),
            listener.port(),
            Optional.empty(),
            Optional.of(new HttpServer.Management(health, metrics)));
    try {
      managementServer.start();
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot listen on "
              + listener
              + " for /healthz and /metrics ("
              + e.getMessage()
              + "): "
              + (config.managementPort().isPresent()
                  ? "choose another MANAGEMENT_PORT"
                  : "set MANAGEMENT_PORT to a free port"),
          e);
    }
    shutdown.register("the management port", managementServer);
    HttpServer publicServer =
        new HttpServer(config.bindAddress(), config.port(), slackEvents, Optional.empty());
    if (config.managementPort().isEmpty()) {
      publicServer.probes(health);
    }
    if (config.publicUrl().map(HttpPorts::isHttps).orElse(false)) {
      publicServer.strictTransportSecurity();
    }
    publicRoutes.forEach(publicServer::route);
    publicServer.start();
    shutdown.register("the HTTP port", publicServer);
  }

  private static boolean isHttps(String url) {
    return url.toLowerCase(Locale.ROOT).startsWith("https:");
  }
}
