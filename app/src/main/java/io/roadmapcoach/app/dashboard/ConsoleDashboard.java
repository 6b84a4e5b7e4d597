package io.roadmapcoach.app.dashboard;

import io.roadmapcoach.app.http.HttpServer;
import io.roadmapcoach.core.command.Coach;
import io.roadmapcoach.core.dashboard.DashboardAddress;
import io.roadmapcoach.core.dashboard.DashboardService;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's dashboard: no port is open until a lead first asks for a link; then the dashboard
 * is served on 127.0.0.1 only, on a free port, which the link names.
 *
 * <p>Built in two steps, because the service needs this address and the server needs the service:
 * construct, build the service with it, then {@link #serve} that service.
 */
public final class ConsoleDashboard implements DashboardAddress, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ConsoleDashboard.class);
  static final String HOST = "127.0.0.1";

  private DashboardService service;
  private Coach coach;
  private HttpServer server;
  private String baseUrl;

  /**
   * @param coach where the roadmap upload form's file and its Apply go
   */
  public synchronized void serve(DashboardService dashboard, Coach coach) {
    this.service = dashboard;
    this.coach = coach;
  }

  /** Starts the local server on first use. */
  @Override
  public synchronized Optional<String> baseUrl() {
    if (baseUrl == null) {
      if (service == null) {
        throw new IllegalStateException("serve(service, coach) was not called");
      }
      try {
        start();
      } catch (Exception e) {
        log.error("The console's dashboard could not start", e);
        return Optional.empty();
      }
    }
    return Optional.of(baseUrl);
  }

  /** Whether the port is open (only after a lead asked for a link). */
  public synchronized boolean running() {
    return server != null;
  }

  /** The same HTTP server as a server run's, with the dashboard its only route. */
  private void start() throws Exception {
    HttpServer started = new HttpServer(Optional.of(HOST), 0, Optional.empty(), Optional.empty());
    started.route("/dashboard/*", new DashboardHandler(service, coach, this::ownAddress));
    started.start();
    this.server = started;
    this.baseUrl = "http://" + HOST + ":" + started.port();
    log.info("The leads' dashboard is served at {}", baseUrl);
  }

  /** The handler's view of the address: known once the port is bound. */
  private synchronized Optional<String> ownAddress() {
    return Optional.ofNullable(baseUrl);
  }

  @Override
  public synchronized void close() throws Exception {
    if (server != null) {
      server.close();
      server = null;
    }
  }
}
