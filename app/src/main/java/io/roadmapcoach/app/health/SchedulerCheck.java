package io.roadmapcoach.app.health;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.table;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * Quartz's cluster membership: each instance checks in every 10 s in {@code qrtz_scheduler_state}
 * (Quartz's own table, which jOOQ does not generate). This instance's check-in being fresh means
 * its scheduler runs and can fire; the number of fresh members says how many instances share the
 * schedule.
 */
public final class SchedulerCheck implements HealthCheck {
  private static final Table<Record> STATE = table(DSL.name("qrtz_scheduler_state"));
  private static final Field<String> SCHEDULER = field(DSL.name("sched_name"), String.class);
  private static final Field<String> INSTANCE = field(DSL.name("instance_name"), String.class);
  private static final Field<Long> LAST_CHECKIN = field(DSL.name("last_checkin_time"), Long.class);
  private static final Field<Long> INTERVAL = field(DSL.name("checkin_interval"), Long.class);

  private final DSLContext dsl;
  private final String schedulerName;
  private final Supplier<String> instanceId;
  private final Clock clock;

  public SchedulerCheck(
      DSLContext dsl, String schedulerName, Supplier<String> instanceId, Clock clock) {
    this.dsl = dsl;
    this.schedulerName = schedulerName;
    this.instanceId = instanceId;
    this.clock = clock;
  }

  @Override
  public String name() {
    return "scheduler";
  }

  @Override
  public Status check() {
    long now = clock.millis();
    Result<? extends Record> members =
        dsl.select(INSTANCE, LAST_CHECKIN, INTERVAL)
            .from(STATE)
            .where(SCHEDULER.eq(schedulerName))
            .fetch();
    String ours = instanceId.get();
    long live = members.stream().filter(member -> fresh(member, now)).count();
    Status status =
        members.stream()
            .filter(member -> ours.equals(member.get(INSTANCE)))
            .findFirst()
            .map(
                member ->
                    fresh(member, now)
                        ? Status.ok()
                        : Status.down("this instance has not checked in with the cluster lately"))
            .orElseGet(() -> Status.down("this instance is not in the scheduler cluster"));
    return status.with("instance", ours).with("clusterMembers", live);
  }

  /** Quartz itself counts a member failed after a missed check-in plus a little. */
  private static boolean fresh(Record member, long now) {
    long interval = member.get(INTERVAL) == null ? 10_000 : member.get(INTERVAL);
    long last = member.get(LAST_CHECKIN) == null ? 0 : member.get(LAST_CHECKIN);
    return Duration.ofMillis(now - last).compareTo(Duration.ofMillis(3 * interval)) <= 0;
  }
}
