package io.roadmapcoach.app;

import io.roadmapcoach.core.CoreServices;
import io.roadmapcoach.core.member.Workspaces;
import io.roadmapcoach.core.quiz.QuizBank;
import io.roadmapcoach.core.roadmap.Roadmap;
import io.roadmapcoach.core.schedule.DeliveryComposer;
import io.roadmapcoach.core.schedule.DeliveryQueue;
import io.roadmapcoach.core.schedule.DeliveryWorker;
import io.roadmapcoach.core.schedule.NudgeSweep;
import io.roadmapcoach.core.schedule.QuartzScheduling;
import io.roadmapcoach.core.schedule.WeeklyQuiz;
import io.roadmapcoach.core.tx.Transactions;
import io.roadmapcoach.db.Database;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jooq.DSLContext;

/**
 * The running coach, wired by hand: core services, the nudge sweep and weekly quizzes under Quartz,
 * and the delivery worker. Platforms register their messengers with {@link #worker()} before {@link
 * #start}.
 */
final class CoachRuntime implements AutoCloseable {
  static final Duration DELIVERY_POLL = Duration.ofSeconds(1);

  private final CoreServices core;
  private final NudgeSweep sweep;
  private final WeeklyQuiz weeklyQuiz;
  private final DeliveryWorker worker;
  private final QuartzScheduling quartz;
  private final Workspaces workspaces;
  private final DeliveryQueue queue;
  private final boolean deliverInline;

  private CoachRuntime(
      CoreServices core,
      NudgeSweep sweep,
      WeeklyQuiz weeklyQuiz,
      DeliveryWorker worker,
      QuartzScheduling quartz,
      Workspaces workspaces,
      DeliveryQueue queue,
      boolean deliverInline) {
    this.core = core;
    this.sweep = sweep;
    this.weeklyQuiz = weeklyQuiz;
    this.worker = worker;
    this.quartz = quartz;
    this.workspaces = workspaces;
    this.queue = queue;
    this.deliverInline = deliverInline;
  }

  /**
   * @param deliverInline deliver on the thread that enqueued (the console, whose output must come
   *     in order) rather than on a background worker
   */
  static CoachRuntime create(
      Database database, Roadmap roadmap, QuizBank bank, Clock clock, boolean deliverInline) {
    DSLContext dsl = database.dsl();
    Transactions transactions = new Transactions(dsl);
    NudgeSweep sweep = new NudgeSweep(dsl, transactions);
    WeeklyQuiz weeklyQuiz = new WeeklyQuiz(dsl, transactions);
    DeliveryComposer composer = DeliveryComposer.on(dsl, roadmap);
    DeliveryQueue queue = new DeliveryQueue(dsl);
    DeliveryWorker worker = new DeliveryWorker(queue, composer, transactions, clock);
    Runnable afterEnqueue = deliverInline ? worker::drainDue : worker::wake;
    QuartzScheduling quartz =
        new QuartzScheduling(database.dataSource(), dsl, sweep, weeklyQuiz, afterEnqueue, clock);
    CoreServices core = CoreServices.create(dsl, roadmap, bank, clock, new SecureRandom(), quartz);
    int moved = core.enrollments().graduatePast(roadmap.stageCount(), clock.instant());
    if (moved > 0) {
      org.slf4j.LoggerFactory.getLogger(CoachRuntime.class)
          .warn(
              "{} members were past the last stage of {}: they have graduated",
              moved,
              roadmap.id());
    }
    return new CoachRuntime(
        core,
        sweep,
        weeklyQuiz,
        worker,
        quartz,
        new Workspaces(dsl, transactions, clock),
        queue,
        deliverInline);
  }

  void start() {
    quartz.start();
    if (!deliverInline) {
      worker.start(DELIVERY_POLL);
    }
  }

  CoreServices core() {
    return core;
  }

  DeliveryWorker worker() {
    return worker;
  }

  Workspaces workspaces() {
    return workspaces;
  }

  int outboxPending() {
    return queue.pendingCount();
  }

  /** One minute of the console's moving clock: what falls due in it is enqueued and delivered. */
  void tick(Instant minute) {
    sweep.sweep(minute);
    weeklyQuiz.fireDueBetween(minute.minusSeconds(60), minute);
    worker.drainDue();
  }

  /**
   * Stops delivering: no more claims, sends in progress finish (a few seconds at most), everything
   * else held is given back at once for another instance.
   */
  void stopDelivery() {
    worker.close();
  }

  @Override
  public void close() {
    worker.close();
    quartz.close();
  }
}
