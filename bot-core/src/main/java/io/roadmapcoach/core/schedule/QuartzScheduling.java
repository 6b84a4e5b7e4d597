package io.roadmapcoach.core.schedule;

import io.roadmapcoach.core.observe.Observer;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import javax.sql.DataSource;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.impl.matchers.GroupMatcher;
import org.quartz.listeners.TriggerListenerSupport;
import org.quartz.spi.JobFactory;
import org.quartz.spi.TriggerFiredBundle;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Quartz on the app's own PostgreSQL: JDBC job store, clustered, so any number of instances share
 * one schedule and each firing runs on exactly one. Quartz only says when to look: it fires each of
 * the {@link Routines} every minute, and the routine takes "now" from the injected clock and covers
 * the time since its last run, wherever that ran.
 */
public final class QuartzScheduling implements AutoCloseable {
  public static final String SCHEDULER_NAME = "roadmap-coach";
  private static final Logger log = LoggerFactory.getLogger(QuartzScheduling.class);
  private static final String GROUP = "coach";
  private static final String ROUTINE = "routine";

  private final Routines routines;
  private final Clock clock;
  private final Observer observer;
  private final Scheduler scheduler;

  public QuartzScheduling(
      DataSource dataSource, Routines routines, Clock clock, Observer observer) {
    this.routines = routines;
    this.clock = clock;
    this.observer = observer;
    this.scheduler = createScheduler(dataSource);
  }

  private Scheduler createScheduler(DataSource dataSource) {
    // Quartz keeps data sources and schedulers in JVM-wide registries; a unique data source name
    // and leaving the registry at once let several clustered instances share one JVM (tests)
    String dataSourceName = "roadmap-" + UUID.randomUUID();
    DBConnectionManager.getInstance()
        .addConnectionProvider(dataSourceName, new PoolProvider(dataSource));
    Properties props = new Properties();
    props.setProperty("org.quartz.scheduler.instanceName", SCHEDULER_NAME);
    props.setProperty("org.quartz.scheduler.instanceId", "AUTO");
    props.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
    props.setProperty("org.quartz.threadPool.threadCount", "3");
    props.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
    props.setProperty(
        "org.quartz.jobStore.driverDelegateClass",
        "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
    props.setProperty("org.quartz.jobStore.dataSource", dataSourceName);
    props.setProperty("org.quartz.jobStore.tablePrefix", "qrtz_");
    props.setProperty("org.quartz.jobStore.isClustered", "true");
    props.setProperty("org.quartz.jobStore.clusterCheckinInterval", "10000");
    props.setProperty("org.quartz.jobStore.useProperties", "true");
    // without it, clustered triggers have been seen to fire twice
    props.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
    props.setProperty("org.quartz.jobStore.misfireThreshold", "60000");
    try {
      Scheduler created = new StdSchedulerFactory(props).getScheduler();
      SchedulerRepository.getInstance().remove(SCHEDULER_NAME);
      created.setJobFactory(new CoachJobFactory());
      created.getListenerManager().addTriggerListener(new Misfires());
      return created;
    } catch (SchedulerException e) {
      throw new IllegalStateException("Quartz could not be set up: " + e.getMessage(), e);
    }
  }

  /** Registers one job per routine, each fired at its cadence, and starts firing. */
  public void start() {
    try {
      removeOutdatedTriggers();
      for (Routine routine : routines.all()) {
        schedule(routine);
      }
      scheduler.start();
    } catch (SchedulerException e) {
      throw new IllegalStateException("Quartz could not start: " + e.getMessage(), e);
    }
  }

  private void schedule(Routine routine) throws SchedulerException {
    JobKey job = jobKey(routine.name());
    scheduler.addJob(
        JobBuilder.newJob(RoutineJob.class)
            .withIdentity(job)
            .usingJobData(ROUTINE, routine.name())
            .storeDurably()
            .build(),
        true);
    TriggerKey key = TriggerKey.triggerKey(routine.name(), GROUP);
    Trigger existing = scheduler.getTrigger(key);
    if (existing instanceof CronTrigger cron && cron.getCronExpression().equals(routine.cron())) {
      return;
    }
    Trigger trigger =
        TriggerBuilder.newTrigger()
            .withIdentity(key)
            .forJob(job)
            // a routine covers the time since its last run itself: missed firings add nothing
            .withSchedule(
                CronScheduleBuilder.cronSchedule(routine.cron())
                    .withMisfireHandlingInstructionFireAndProceed())
            .build();
    if (existing == null) {
      scheduler.scheduleJob(trigger);
    } else {
      scheduler.rescheduleJob(key, trigger);
    }
  }

  /** Triggers that are no routine's own go: earlier versions' per-channel weekly quiz ones. */
  private void removeOutdatedTriggers() throws SchedulerException {
    for (TriggerKey key : scheduler.getTriggerKeys(GroupMatcher.anyTriggerGroup())) {
      boolean own =
          GROUP.equals(key.getGroup())
              && routines.all().stream().anyMatch(r -> r.name().equals(key.getName()));
      if (!own) {
        scheduler.unscheduleJob(key);
      }
    }
  }

  private static JobKey jobKey(String routine) {
    return JobKey.jobKey(routine, GROUP);
  }

  /** The routines Quartz has a trigger for, as stored in the shared job store. */
  public List<String> triggeredRoutines() {
    try {
      return scheduler.getTriggerKeys(GroupMatcher.triggerGroupEquals(GROUP)).stream()
          .map(TriggerKey::getName)
          .sorted()
          .toList();
    } catch (SchedulerException e) {
      return List.of();
    }
  }

  public String instanceId() {
    try {
      return scheduler.getSchedulerInstanceId();
    } catch (SchedulerException e) {
      return "?";
    }
  }

  @Override
  public void close() {
    try {
      scheduler.shutdown(true);
    } catch (SchedulerException e) {
      log.warn("Quartz did not shut down cleanly", e);
    }
  }

  /**
   * Tells the observer of each misfire Quartz notices (on whichever instance notices it): a routine
   * fired more than the misfire threshold late because every instance was busy, paused or down.
   */
  private final class Misfires extends TriggerListenerSupport {
    @Override
    public String getName() {
      return "roadmap-misfires";
    }

    @Override
    public void triggerMisfired(Trigger trigger) {
      observer.routineMisfired(trigger.getKey().getName());
    }
  }

  /** Builds our jobs with their dependencies: no statics, no service locator. */
  private final class CoachJobFactory implements JobFactory {
    @Override
    public Job newJob(TriggerFiredBundle bundle, Scheduler scheduler) {
      return new RoutineJob(QuartzScheduling.this);
    }
  }

  @DisallowConcurrentExecution
  static final class RoutineJob implements Job {
    private final QuartzScheduling owner;

    RoutineJob(QuartzScheduling owner) {
      this.owner = owner;
    }

    @Override
    public void execute(JobExecutionContext context) {
      String name = context.getMergedJobDataMap().getString(ROUTINE);
      owner.routines.run(name, owner.clock.instant());
    }
  }

  /** Hands Quartz connections from the app's pool. */
  private record PoolProvider(DataSource dataSource) implements ConnectionProvider {
    @Override
    public Connection getConnection() throws SQLException {
      return dataSource.getConnection();
    }

    @Override
    public void shutdown() {
      // the pool belongs to the app, which closes it
    }

    @Override
    public void initialize() {
      // the pool is ready when handed over
    }
  }
}
