package io.roadmapcoach.core.testing;

import static io.roadmapcoach.db.schema.Tables.OUTBOX;

import io.roadmapcoach.core.Core;
import io.roadmapcoach.core.caller.Platform;
import io.roadmapcoach.core.delivery.Delivery;
import io.roadmapcoach.core.delivery.DeliveryCounts;
import io.roadmapcoach.core.delivery.DeliveryQueue;
import io.roadmapcoach.core.delivery.DeliveryResult;
import io.roadmapcoach.core.delivery.DeliveryWorker;
import io.roadmapcoach.core.delivery.Messenger;
import io.roadmapcoach.core.delivery.Pace;
import io.roadmapcoach.core.progress.NudgeSweep;
import io.roadmapcoach.core.tx.Transactions;
import io.roadmapcoach.db.Database;
import io.roadmapcoach.db.testing.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Record2;
import org.jooq.impl.DSL;

/**
 * Two app instances on one database, each with its own pool, worker and messenger, deliver the
 * nudges of {@value #MEMBERS} members due at one minute; half a second into it (or, on a machine so
 * loaded that it has not begun sending by then, as soon as it has) instance A is killed as {@code
 * kill -9} would kill it: its database calls fail from that instant, its worker's threads stop
 * without writing anything, and the platform side drops its connection. Instance B carries on
 * alone; the drill runs the nudge sweep every minute as Quartz would, and moves the clock forward
 * whenever B has nothing to do until something falls due (A's leases running out, the next history
 * look-up), so minutes of waiting take no time. What the platform received is the test's to check;
 * the drill reports what the outbox and the workers saw.
 */
public final class KillDrill implements AutoCloseable {
  public static final int MEMBERS = 500;
  public static final Duration KILLED_AFTER = Duration.ofMillis(500);

  /**
   * Members nudged a minute earlier (numbered after the drill's), so that the instances are warm
   * when the drill's minute comes, as a running app is: half a second in, they are sending.
   */
  public static final int WARM_UP = 40;

  /**
   * How long the drill may take in real time before it gives up: a liveness limit, not the promise
   * (that is the drill's clock: the last nudge within 5 minutes of its minute). Generous, since a
   * 2-core machine loaded to 25 by parallel builds took over 150 s for one drill.
   */
  private static final Duration REAL_LIMIT = Duration.ofMinutes(5);

  /** The platform under test, as each instance reaches it. */
  public interface Target {
    Platform platform();

    /** The platform's id of the workspace (Slack team, Discord guild). */
    String workspace();

    /** The platform's id of member {@code n} (1 to {@value #MEMBERS}). */
    String member(int n);

    /**
     * Member {@code n}'s DM conversation, known from earlier nudges. Members after {@value
     * #MEMBERS} are the warm-up's.
     */
    String dmChannel(int n);

    /** Instance {@code name}'s own messenger, on the drill's clock. */
    Messenger messenger(String name, Clock clock);

    /** The platform side of killing instance {@code name}: its connections dropped at once. */
    default void killed(String name) {}
  }

  /** What the drill saw. */
  public record Report(
      Instant minute,
      Duration killedAt,
      int sendingRowsRightAfterTheKill,
      int deadInstancesOnTheWireAtTheKill,
      int heldByTheDeadInstance,
      Set<Long> foundInDoubt,
      Map<String, Integer> rowsByStatus,
      Instant lastMarkedSent,
      int mostOnTheWire,
      DeliveryCounts survivorCounts,
      Duration clockMovedForward,
      Duration realTime) {

    /** From the minute to the last row marked sent. */
    public Duration lastSentAfterTheMinute() {
      return Duration.between(minute, lastMarkedSent);
    }

    @Override
    public String toString() {
      return String.format(
          "killed %s into the minute; rows marked sending right after the kill %d (the dead"
              + " instance had %d on the wire, held %d); found in doubt by the survivor %d; rows %s; last marked sent %s after the"
              + " minute; most on the wire %d; clock moved forward %s; real time %s",
          killedAt,
          sendingRowsRightAfterTheKill,
          deadInstancesOnTheWireAtTheKill,
          heldByTheDeadInstance,
          foundInDoubt.size(),
          rowsByStatus,
          lastSentAfterTheMinute(),
          mostOnTheWire,
          clockMovedForward,
          realTime);
    }
  }

  private final Target target;
  private final Instant minute;
  private final RunningClock clock;
  private final List<Instance> instances = new ArrayList<>();

  private record Instance(String name, KillableDataSource pool, DeliveryWorker worker) {}

  /**
   * @param minute the minute the nudges are due at
   * @param zones the members' time zones, taken in turn: each member's reminder is at {@code
   *     minute} in their own zone (23:59 there, say, to cross their midnight)
   */
  public KillDrill(Target target, Instant minute, List<ZoneId> zones) {
    this.target = target;
    this.minute = minute.truncatedTo(ChronoUnit.MINUTES);
    this.clock = RunningClock.from(warmUpMinute().minusMillis(800));
    enrol(TestDatabase.dsl(), zones);
  }

  private Instant warmUpMinute() {
    return minute.minus(Duration.ofMinutes(1));
  }

  /** The drill's clock: the workers', and the platform's for its timestamps and limits. */
  public RunningClock clock() {
    return clock;
  }

  private void enrol(DSLContext dsl, List<ZoneId> zones) {
    long workspace =
        dsl.resultQuery(
                "insert into workspace (platform, external_id, name) values (?, ?, 'Drill')"
                    + " returning id",
                target.platform().key(),
                target.workspace())
            .fetchSingle()
            .get(0, Long.class);
    long channel =
        dsl.resultQuery(
                "insert into channel (workspace_id, external_id, name, time_zone)"
                    + " values (?, 'drill-channel', 'general', 'UTC') returning id",
                workspace)
            .fetchSingle()
            .get(0, Long.class);
    LocalDate longAgo = LocalDate.ofInstant(minute, ZoneOffset.UTC).minusDays(3);
    int all = MEMBERS + WARM_UP;
    String[] ids = new String[all];
    String[] names = new String[all];
    String[] memberZones = new String[all];
    String[] times = new String[all];
    String[] dms = new String[all];
    for (int n = 1; n <= all; n++) {
      ZoneId zone = zones.get(n % zones.size());
      ids[n - 1] = target.member(n);
      names[n - 1] = "Member " + n;
      memberZones[n - 1] = zone.getId();
      times[n - 1] = LocalTime.ofInstant(n <= MEMBERS ? minute : warmUpMinute(), zone).toString();
      dms[n - 1] = target.dmChannel(n);
    }
    dsl.execute(
        "insert into member (workspace_id, external_id, display_name, time_zone, remind_time,"
            + " remind_days, dm_channel_id) select ?, x.id, x.name, x.zone, x.at::time, 'daily',"
            + " x.dm from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[])"
            + " as x(id, name, zone, at, dm)",
        workspace,
        ids,
        names,
        memberZones,
        times,
        dms);
    dsl.execute(
        "insert into enrollment (member_id, channel_id,"
            + " streak_days, last_activity_at, last_active_date, enrolled_at)"
            + " select m.id, ?, 0, now(), ?, now()"
            + " from member m where m.workspace_id = ?",
        channel,
        longAgo,
        workspace);
    dsl.execute(
        "insert into journey (member_id, roadmap_id, stage, points, points_reached_at, started_at)"
            + " select member_id, 0, 1 + (member_id % 15), 0, now(), enrolled_at from enrollment"
            + " where channel_id = ?",
        channel);
    dsl.execute(
        "insert into channel_member (channel_id, member_id, joined_at, points, points_reached_at,"
            + " last_activity_at) select channel_id, member_id, enrolled_at, 0, now(),"
            + " last_activity_at from enrollment where channel_id = ?",
        channel);
  }

  private Instance start(String name) {
    KillableDataSource pool = new KillableDataSource(8);
    DSLContext dsl = Database.jooq(pool);
    RoadmapFiles.Loaded builtIn = RoadmapFiles.builtIn();
    DeliveryWorker worker =
        new DeliveryWorker(
                new DeliveryQueue(dsl),
                Core.builder(dsl, builtIn.roadmap(), builtIn.bank()).build().deliveryComposer(),
                new Transactions(dsl),
                clock,
                DeliveryWorker.Settings.DEFAULT)
            .register(new Watched(target.messenger(name, clock), name));
    Instance instance = new Instance(name, pool, worker);
    instances.add(instance);
    worker.start(Duration.ofMillis(50));
    return instance;
  }

  private final Set<Long> foundInDoubt = ConcurrentHashMap.newKeySet();

  /** The instance's messenger, as it is, noting the deliveries the survivor was handed in doubt. */
  private final class Watched implements Messenger {
    private final Messenger messenger;
    private final String name;

    Watched(Messenger messenger, String name) {
      this.messenger = messenger;
      this.name = name;
    }

    @Override
    public Platform platform() {
      return messenger.platform();
    }

    @Override
    public Pace pace(Delivery delivery) {
      return messenger.pace(delivery);
    }

    @Override
    public int onTheWirePerWorkspace() {
      return messenger.onTheWirePerWorkspace();
    }

    @Override
    public DeliveryResult send(Delivery delivery, Wire wire) {
      if (delivery.inDoubt().isPresent() && name.equals("b")) {
        foundInDoubt.add(delivery.outboxId());
      }
      return messenger.send(delivery, wire);
    }

    @Override
    public DeliveryResult send(Delivery delivery) {
      return send(delivery, Wire.UNWATCHED);
    }
  }

  /** Runs the drill: the minute, the kill, and the survivor until every nudge is settled. */
  public Report run() {
    long realStart = System.nanoTime();
    DSLContext dsl = TestDatabase.dsl();
    NudgeSweep sweep = new NudgeSweep(dsl, new Transactions(dsl));
    Instance a = start("a");
    Instance b = start("b");
    minuteOf(sweep, warmUpMinute(), WARM_UP, a, b);
    while (dsl.fetchCount(OUTBOX, OUTBOX.STATUS.eq("sent")) < WARM_UP) {
      if (System.nanoTime() - realStart > REAL_LIMIT.toNanos()) {
        throw new AssertionError("the warm-up's nudges did not all go out");
      }
      sleep(Duration.ofMillis(20));
    }
    clock.jumpTo(minute.minusMillis(300));
    minuteOf(sweep, minute, MEMBERS, a, b);

    waitUntil(minute.plus(KILLED_AFTER));
    // on a loaded machine a cold instance may still be writing its first batch half a second in:
    // the kill is only a test of anything once its requests are on the wire
    while (a.worker().onTheWire() == 0 && clock.instant().isBefore(minute.plusSeconds(5))) {
      sleep(Duration.ofMillis(2));
    }
    Duration killedAt = Duration.between(minute, clock.instant());
    int onTheWire = a.worker().onTheWire();
    int heldByTheDead = a.worker().holding();
    Instant killed = clock.instant();
    a.pool().kill();
    a.worker().halt();
    target.killed(a.name());
    sleep(Duration.ofMillis(300)); // its statements under way end, its connections are cut
    int sending = dsl.fetchCount(OUTBOX, OUTBOX.STATUS.eq("sending"));

    carryOn(dsl, sweep, b, killed, realStart);

    Map<String, Integer> byStatus =
        dsl
            .select(OUTBOX.STATUS, DSL.count())
            .from(OUTBOX)
            .where(OUTBOX.CREATED_AT.ge(minute.atOffset(ZoneOffset.UTC)))
            .groupBy(OUTBOX.STATUS)
            .fetch()
            .stream()
            .collect(Collectors.toMap(Record2::value1, Record2::value2));
    Instant lastSent =
        dsl.select(DSL.max(OUTBOX.SENT_AT)).from(OUTBOX).fetchSingle().value1().toInstant();
    return new Report(
        minute,
        killedAt,
        sending,
        onTheWire,
        heldByTheDead,
        Set.copyOf(foundInDoubt),
        byStatus,
        lastSent,
        Math.max(a.worker().mostOnTheWire(), b.worker().mostOnTheWire()),
        b.worker().counts(),
        clock.skipped(),
        Duration.ofNanos(System.nanoTime() - realStart));
  }

  /** What Quartz does at a minute: the sweep, and both workers woken. */
  private void minuteOf(NudgeSweep sweep, Instant at, int due, Instance a, Instance b) {
    waitUntil(at);
    int enqueued = sweep.sweep(clock.instant());
    if (enqueued != due) {
      throw new AssertionError("the sweep enqueued " + enqueued + ", not " + due);
    }
    a.worker().wake();
    b.worker().wake();
  }

  /**
   * The survivor alone: a sweep each new minute, the clock moved on whenever it holds nothing and
   * nothing is due, until no row is open. A lease ending later than the dead instance's could is
   * the survivor's (claimed since, and perhaps not yet counted as held): the clock does not move
   * past it, or the survivor would see its own rows' leases run out under it.
   */
  private void carryOn(
      DSLContext dsl, NudgeSweep sweep, Instance b, Instant killed, long realStart) {
    OffsetDateTime deadInstancesLeasesEndBy =
        killed.plus(DeliveryQueue.DEFAULT_LEASE).atOffset(ZoneOffset.UTC);
    Instant swept = minute;
    while (true) {
      Instant now = clock.instant();
      if (now.truncatedTo(ChronoUnit.MINUTES).isAfter(swept)) {
        swept = now.truncatedTo(ChronoUnit.MINUTES);
        sweep.sweep(now);
        b.worker().wake();
      }
      if (dsl.fetchCount(OUTBOX, OUTBOX.STATUS.in("pending", "sending")) == 0
          && b.worker().holding() == 0) {
        return;
      }
      if (b.worker().holding() == 0) {
        Instant next = nextDueUnlessTheSurvivorHoldsRows(dsl, deadInstancesLeasesEndBy);
        if (next != null && next.isAfter(now.plusSeconds(1))) {
          clock.jumpTo(next.plusMillis(20));
          b.worker().wake();
        }
      }
      if (System.nanoTime() - realStart > REAL_LIMIT.toNanos()) {
        throw new AssertionError(
            "the survivor had not settled every nudge within "
                + REAL_LIMIT
                + " of real time; the clock stands "
                + Duration.between(minute, clock.instant())
                + " after the minute; outbox: "
                + dsl.fetch(
                    "select status, count(*), min(next_attempt_at), min(lease_until) from outbox"
                        + " group by status"));
      }
      sleep(Duration.ofMillis(20));
    }
  }

  /**
   * When the next open row can be claimed (its next attempt, or its lease's end if later), or null
   * while the survivor holds rows: a lease ending later than the dead instance's could is the
   * survivor's. Both are read in one statement, one snapshot: read apart, a claim committed between
   * the two reads let the clock jump past the leases of rows the survivor had just claimed (and
   * perhaps not yet counted as held), which then came back to it in doubt.
   */
  private static Instant nextDueUnlessTheSurvivorHoldsRows(
      DSLContext dsl, OffsetDateTime deadInstancesLeasesEndBy) {
    var read =
        dsl.select(
                DSL.count().filterWhere(OUTBOX.LEASE_UNTIL.gt(deadInstancesLeasesEndBy)),
                DSL.min(
                    DSL.greatest(
                        OUTBOX.NEXT_ATTEMPT_AT,
                        DSL.coalesce(OUTBOX.LEASE_UNTIL, OUTBOX.NEXT_ATTEMPT_AT))))
            .from(OUTBOX)
            .where(OUTBOX.STATUS.in("pending", "sending"))
            .fetchSingle();
    if (read.value1() > 0 || read.value2() == null) {
      return null;
    }
    return read.value2().toInstant();
  }

  private void waitUntil(Instant at) {
    while (clock.instant().isBefore(at)) {
      sleep(Duration.ofMillis(5));
    }
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    for (Instance instance : instances) {
      instance.worker().halt();
      instance.pool().close();
    }
  }
}
