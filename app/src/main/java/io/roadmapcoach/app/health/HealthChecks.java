package io.roadmapcoach.app.health;

import io.roadmapcoach.app.health.HealthCheck.Status;
import io.roadmapcoach.db.Redaction;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * Runs the registered checks side by side, each on a virtual thread, and waits for them no longer
 * than {@link #budget}: a part that does not answer in time (a database behind a dead network,
 * whose pool would wait its full timeout) is reported down for that, and the report is still on
 * time.
 */
public final class HealthChecks {
  /** Load balancers give a probe a few seconds; the answer comes well within two. */
  public static final Duration BUDGET = Duration.ofMillis(1500);

  private final List<HealthCheck> checks = new CopyOnWriteArrayList<>();
  private final BooleanSupplier stopping;
  private final Duration budget;
  private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

  /**
   * @param stopping whether the app is shutting down: then it is not ready, whatever the checks say
   */
  public HealthChecks(BooleanSupplier stopping, Duration budget) {
    this.stopping = stopping;
    this.budget = budget;
  }

  public HealthChecks(BooleanSupplier stopping) {
    this(stopping, BUDGET);
  }

  /** Adds a part to the report; platforms and the scheduler register theirs as they start. */
  public HealthChecks register(HealthCheck check) {
    checks.add(check);
    return this;
  }

  /**
   * The whole report, for {@code /healthz}.
   *
   * @param up every part up and the app not shutting down
   * @param shuttingDown a stop was asked for
   * @param parts each part's state, in the order they were registered
   */
  public record Report(boolean up, boolean shuttingDown, Map<String, Status> parts) {}

  /** Every part. */
  public Report health() {
    return report(checks);
  }

  /** The parts the app cannot serve without, and whether it is shutting down: {@code /readyz}. */
  public Report readiness() {
    return report(checks.stream().filter(HealthCheck::neededToServe).toList());
  }

  private Report report(List<HealthCheck> asked) {
    boolean shuttingDown = stopping.getAsBoolean();
    Map<HealthCheck, Future<Status>> running = new LinkedHashMap<>();
    for (HealthCheck check : asked) {
      running.put(check, threads.submit(check::check));
    }
    long deadline = System.nanoTime() + budget.toNanos();
    Map<String, Status> parts = new LinkedHashMap<>();
    running.forEach((check, answer) -> parts.put(check.name(), await(answer, deadline)));
    boolean up = !shuttingDown && parts.values().stream().allMatch(Status::up);
    return new Report(up, shuttingDown, parts);
  }

  private Status await(Future<Status> answer, long deadline) {
    try {
      long left = Math.max(0, deadline - System.nanoTime());
      Status status = answer.get(left, TimeUnit.NANOSECONDS);
      return status == null ? Status.down("no answer") : status;
    } catch (TimeoutException e) {
      answer.cancel(true);
      return Status.down("no answer within " + budget.toMillis() + " ms");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      return Status.down(
          Redaction.redact(
              cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Status.down("interrupted");
    }
  }
}
