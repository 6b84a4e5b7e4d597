package io.roadmapcoach.core.schedule;

import static io.roadmapcoach.db.schema.Tables.CHANNEL;

import io.roadmapcoach.core.member.Channel;
import io.roadmapcoach.core.member.MemberRepository;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.TimeZone;
import java.util.UUID;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.spi.JobFactory;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Quartz on the app's own PostgreSQL: JDBC job store, clustered, so any number of instances share
 * one schedule and each firing runs on exactly one. Quartz only says when to look; the jobs take
 * "now" from the injected clock. Two kinds of trigger: the nudge sweep every minute, and one weekly
 * cron trigger per channel in the channel's time zone.
 */
public final class QuartzScheduling implements QuizSchedule, AutoCloseable {
  public static final String SCHEDULER_NAME = "roadmap-coach";
  private static final Logger log = LoggerFactory.getLogger(QuartzScheduling.class);
  private static final JobKey SWEEP_JOB = JobKey.jobKey("nudge-sweep", "coach");
  private static final JobKey QUIZ_JOB = JobKey.jobKey("weekly-quiz", "coach");
  private static final String QUIZ_TRIGGERS = "weekly-quiz";

  private final DSLContext dsl;
  private final NudgeSweep sweep;
  private final WeeklyQuiz weeklyQuiz;
  private final Runnable afterEnqueue;
  private final Housekeeping housekeeping;
  private final Clock clock;
  private final Scheduler scheduler;

  /**
   * @param afterEnqueue runs after a job wrote outbox rows (wakes the delivery worker)
   */
  public QuartzScheduling(
      DataSource dataSource,
      DSLContext dsl,
      NudgeSweep sweep,
      WeeklyQuiz weeklyQuiz,
      Runnable afterEnqueue,
      Clock clock) {
    this.dsl = dsl;
    this.sweep = sweep;
    this.weeklyQuiz = weeklyQuiz;
    this.afterEnqueue = afterEnqueue;
    this.housekeeping = new Housekeeping(dsl);
    this.clock = clock;
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
      return created;
    } catch (SchedulerException e) {
      throw new IllegalStateException("Quartz could not be set up: " + e.getMessage(), e);
    }
  }

  /** Registers the jobs, brings every channel's quiz trigger up to date, and starts firing. */
  public void start() {
    try {
      JobDetail sweepJob =
          JobBuilder.newJob(SweepJob.class).withIdentity(SWEEP_JOB).storeDurably().build();
      JobDetail quizJob =
          JobBuilder.newJob(QuizJob.class).withIdentity(QUIZ_JOB).storeDurably().build();
      scheduler.addJob(sweepJob, true);
      scheduler.addJob(quizJob, true);
      Trigger everyMinute =
          TriggerBuilder.newTrigger()
              .withIdentity("every-minute", "coach")
              .forJob(SWEEP_JOB)
              // a sweep looks back two hours on its own; firing missed minutes adds nothing
              .withSchedule(
                  CronScheduleBuilder.cronSchedule("0 * * * * ?")
                      .withMisfireHandlingInstructionDoNothing())
              .build();
      if (!scheduler.checkExists(everyMinute.getKey())) {
        scheduler.scheduleJob(everyMinute);
      }
      for (Channel channel : dsl.selectFrom(CHANNEL).fetch(MemberRepository::channel)) {
        schedule(channel);
      }
      scheduler.start();
    } catch (SchedulerException e) {
      throw new IllegalStateException("Quartz could not start: " + e.getMessage(), e);
    }
  }

  @Override
  public void channelChanged(long channelId) {
    dsl.selectFrom(CHANNEL)
        .where(CHANNEL.ID.eq(channelId))
        .fetchOptional(MemberRepository::channel)
        .ifPresent(this::schedule);
  }

  /** The channel's weekly trigger, replaced when its day, time or zone changed. */
  private void schedule(Channel channel) {
    TriggerKey key = quizTrigger(channel.id());
    String cron = cron(channel);
    TimeZone zone = TimeZone.getTimeZone(channel.zoneOrUtc());
    try {
      Trigger existing = scheduler.getTrigger(key);
      if (existing instanceof CronTrigger cronTrigger
          && cronTrigger.getCronExpression().equals(cron)
          && cronTrigger.getTimeZone().getID().equals(zone.getID())) {
        return;
      }
      Trigger trigger =
          TriggerBuilder.newTrigger()
              .withIdentity(key)
              .forJob(QUIZ_JOB)
              .usingJobData("channelId", String.valueOf(channel.id()))
              .startAt(Date.from(clock.instant()))
              .withSchedule(
                  CronScheduleBuilder.cronSchedule(cron)
                      .inTimeZone(zone)
                      // fire once when found late; the job itself drops a firing over 6 hours late
                      .withMisfireHandlingInstructionFireAndProceed())
              .build();
      if (existing == null) {
        scheduler.scheduleJob(trigger);
      } else {
        scheduler.rescheduleJob(key, trigger);
      }
    } catch (SchedulerException e) {
      log.error("Could not schedule the weekly quiz of channel {}", channel.id(), e);
    }
  }

  static String cron(Channel channel) {
    String day = channel.quizDay().name().substring(0, 3);
    return "0 "
        + channel.quizTime().getMinute()
        + " "
        + channel.quizTime().getHour()
        + " ? * "
        + day;
  }

  static TriggerKey quizTrigger(long channelId) {
    return TriggerKey.triggerKey("channel-" + channelId, QUIZ_TRIGGERS);
  }

  /** The next firing of the channel's weekly quiz, as Quartz has it. */
  public Optional<java.time.Instant> nextQuiz(long channelId) {
    try {
      Trigger trigger = scheduler.getTrigger(quizTrigger(channelId));
      return Optional.ofNullable(trigger).map(Trigger::getNextFireTime).map(Date::toInstant);
    } catch (SchedulerException e) {
      return Optional.empty();
    }
  }

  public List<String> cronOf(long channelId) {
    try {
      Trigger trigger = scheduler.getTrigger(quizTrigger(channelId));
      return trigger instanceof CronTrigger c
          ? List.of(c.getCronExpression(), c.getTimeZone().getID())
          : List.of();
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

  /** Builds our jobs with their dependencies: no statics, no service locator. */
  private final class CoachJobFactory implements JobFactory {
    @Override
    public Job newJob(org.quartz.spi.TriggerFiredBundle bundle, Scheduler scheduler) {
      Class<? extends Job> type = bundle.getJobDetail().getJobClass();
      if (type == SweepJob.class) {
        return new SweepJob(QuartzScheduling.this);
      }
      if (type == QuizJob.class) {
        return new QuizJob(QuartzScheduling.this);
      }
      throw new IllegalStateException("unknown job " + type);
    }
  }

  void runSweep() {
    if (sweep.sweep(clock.instant()) > 0) {
      afterEnqueue.run();
    }
    housekeeping.purge(clock.instant());
  }

  void runQuiz(long channelId, java.time.Instant scheduledFor) {
    if (weeklyQuiz.fire(channelId, scheduledFor, clock.instant()) > 0) {
      afterEnqueue.run();
    }
  }

  @DisallowConcurrentExecution
  static final class SweepJob implements Job {
    private final QuartzScheduling owner;

    SweepJob(QuartzScheduling owner) {
      this.owner = owner;
    }

    @Override
    public void execute(JobExecutionContext context) {
      owner.runSweep();
    }
  }

  static final class QuizJob implements Job {
    private final QuartzScheduling owner;

    QuizJob(QuartzScheduling owner) {
      this.owner = owner;
    }

    @Override
    public void execute(JobExecutionContext context) {
      // job data are strings: the store keeps them as properties
      long channelId = Long.parseLong(context.getMergedJobDataMap().getString("channelId"));
      owner.runQuiz(channelId, context.getScheduledFireTime().toInstant());
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
