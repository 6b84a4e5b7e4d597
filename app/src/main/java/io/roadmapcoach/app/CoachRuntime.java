package io.roadmapcoach.app;

import io.roadmapcoach.core.Core;
import io.roadmapcoach.core.dashboard.DashboardAddress;
import io.roadmapcoach.core.delivery.DeliveryWorker;
import io.roadmapcoach.core.member.Workspaces;
import io.roadmapcoach.core.observe.Observer;
import io.roadmapcoach.core.privacy.WorkspaceRetention;
import io.roadmapcoach.core.quiz.QuizBank;
import io.roadmapcoach.core.roadmap.Roadmap;
import io.roadmapcoach.db.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The running coach: the core as {@link Core} assembles it, with Quartz on the app's pool.
 * Platforms register their messengers with {@link #worker()} before {@link #start}.
 */
final class CoachRuntime implements AutoCloseable {
  private final Core core;

  private CoachRuntime(Core core) {
    this.core = core;
  }

  /**
   * @param deliverInline deliver on the thread that enqueued (the console, whose output must come
   *     in order) rather than on a background worker
   * @param observer hears how commands and routines went (the server's metrics)
   */
  static CoachRuntime create(
      Database database,
      Roadmap roadmap,
      QuizBank bank,
      Clock clock,
      boolean deliverInline,
      DashboardAddress dashboard,
      Observer observer) {
    return create(
        database,
        roadmap,
        bank,
        clock,
        deliverInline,
        dashboard,
        observer,
        Optional.empty(),
        Optional.empty(),
        WorkspaceRetention.DEFAULT_RETENTION);
  }

  /**
   * @param secretKey {@code ROADMAP_SECRET_KEY}: encrypts stored installation tokens
   * @param previousSecretKey {@code ROADMAP_SECRET_KEY_PREVIOUS}: still reads what it encrypted
   * @param retention how long a workspace that removed the app keeps its data
   */
  static CoachRuntime create(
      Database database,
      Roadmap roadmap,
      QuizBank bank,
      Clock clock,
      boolean deliverInline,
      DashboardAddress dashboard,
      Observer observer,
      Optional<String> secretKey,
      Optional<String> previousSecretKey,
      Duration retention) {
    Core.Builder core =
        Core.builder(database.dsl(), roadmap, bank)
            .clock(clock)
            .quartz(database.dataSource())
            .deliverInline(deliverInline)
            .dashboardAt(dashboard)
            .observer(observer)
            .retention(retention);
    secretKey.ifPresent(core::secretKey);
    previousSecretKey.ifPresent(core::previousSecretKey);
    return new CoachRuntime(core.build());
  }

  void start() {
    core.start();
  }

  Core core() {
    return core;
  }

  DeliveryWorker worker() {
    return core.deliveries();
  }

  Workspaces workspaces() {
    return core.workspaces();
  }

  /** This instance's id in the Quartz cluster (its row in {@code qrtz_scheduler_state}). */
  String schedulerInstanceId() {
    return core.schedulerInstanceId().orElse("none");
  }

  /** One minute of the console's moving clock: what falls due in it is enqueued and delivered. */
  void tick(Instant minute) {
    core.tick(minute);
  }

  /**
   * Stops delivering: no more claims, sends in progress finish (a few seconds at most), everything
   * else held is given back at once for another instance.
   */
  void stopDelivery() {
    core.deliveries().close();
  }

  @Override
  public void close() {
    core.close();
  }
}
