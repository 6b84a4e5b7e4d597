package io.roadmapcoach.app;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.roadmapcoach.app.health.HealthChecks;
import io.roadmapcoach.app.http.HttpServer;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.server.Handler;

/**
 * The server run's HTTP ports on {@code BIND_ADDRESS}: {@code PORT} for Slack's events, with the
 * management endpoints on it too, or on {@code MANAGEMENT_PORT} when that is set, so that health
 * and metrics need not be exposed where Slack reaches.
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
    HttpServer.Management management = new HttpServer.Management(health, metrics);
    if (config.managementPort().isPresent()) {
      HttpServer managementServer =
          new HttpServer(
              config.bindAddress(),
              config.managementPort().get(),
              Optional.empty(),
              Optional.of(management));
      managementServer.start();
      shutdown.register("the management port", managementServer);
      HttpServer publicServer =
          new HttpServer(config.bindAddress(), config.port(), slackEvents, Optional.empty());
      publicRoutes.forEach(publicServer::route);
      publicServer.start();
      shutdown.register("the HTTP port", publicServer);
    } else {
      HttpServer server =
          new HttpServer(config.bindAddress(), config.port(), slackEvents, Optional.of(management));
      publicRoutes.forEach(server::route);
      server.start();
      shutdown.register("the HTTP port", server);
    }
  }
}
