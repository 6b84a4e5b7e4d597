package io.roadmapcoach.core.progress;

import static io.roadmapcoach.db.schema.Tables.CHANNEL;
import static io.roadmapcoach.db.schema.Tables.CHANNEL_MEMBER;
import static io.roadmapcoach.db.schema.Tables.ENROLLMENT;
import static io.roadmapcoach.db.schema.Tables.MEMBER;
import static io.roadmapcoach.db.schema.Tables.PROGRESS_EVENT;
import static io.roadmapcoach.db.schema.Tables.SWEEP_SLICE;
import static io.roadmapcoach.db.schema.Tables.WORKSPACE;

import io.roadmapcoach.core.delivery.DeliveryComposer;
import io.roadmapcoach.core.delivery.DeliveryKind;
import io.roadmapcoach.core.delivery.OutboxRepository;
import io.roadmapcoach.core.journey.EventKind;
import io.roadmapcoach.core.journey.ProgressLedger;
import io.roadmapcoach.core.member.LocalClock;
import io.roadmapcoach.core.member.ReminderMode;
import io.roadmapcoach.core.member.Workspaces;
import io.roadmapcoach.core.policy.PolicySql;
import io.roadmapcoach.core.schedule.Routine;
import io.roadmapcoach.core.time.Times;
import io.roadmapcoach.core.tx.Transactions;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import org.jooq.CommonTableExpression;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.DatePart;
import org.jooq.Field;
import org.jooq.Record3;
import org.jooq.Record7;
import org.jooq.Select;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * Finds the members whose daily nudge is due and writes one outbox row for each, in batches. The
 * due test runs in PostgreSQL, in each member's own time zone, and is the coaching policy's ({@link
 * PolicySql#dmNudgeDue}, the SQL of {@code CoachingPolicy}'s daily nudge): their reminder time came
 * within the stretch the routine covers (at most {@link #LATE_WINDOW} ago, across midnight too: a
 * reminder at 23:56 found at 00:30 is the previous day's nudge), that day is one of their reminder
 * days, they are not snoozed on it, nudges are on and not paused, and they have not been active
 * since it began. Each batch locks the rows it claims ({@code FOR UPDATE SKIP LOCKED}) and inserts
 * under the outbox's unique key in one statement, so instances sweeping at once share the work, and
 * a nudge is never enqueued twice. A batch that dies with its instance rolls back whole and is
 * claimed by the next sweep.
 *
 * <p>Instances sweeping in the same minute also split the slices: one that finds a slice being
 * swept (its advisory lock held) or already swept in this minute moves on to the next, since nobody
 * becomes due within a minute who was not due at its start (reminder times are whole minutes).
 */
public final class NudgeSweep {
  /** A nudge found this late is still sent, across midnight too; later, it is not. */
  public static final Duration LATE_WINDOW = DeliveryComposer.LATE_WINDOW;

  /** Member ids per batch: one transaction's share of the sweep. */
  static final int DEFAULT_BATCH = 10_000;

  /**
   * Slices claimed at once by one instance, each in a transaction on its own connection: the
   * routines' share of the pool ({@code PoolShares}). One claimer leaves PostgreSQL waiting on the
   * JVM between batches and the JVM on PostgreSQL within them; two keep both cores busy.
   */
  static final int DEFAULT_CLAIMERS = 2;

  private final DSLContext dsl;
  private final Transactions transactions;
  private final OutboxRepository outbox;
  private final int batchSize;
  private final int claimers;

  public NudgeSweep(DSLContext dsl, Transactions transactions) {
    this(dsl, transactions, new OutboxRepository(dsl), DEFAULT_BATCH, DEFAULT_CLAIMERS);
  }

  /** One claimer, slices in turn: a test follows its batches one by one. */
  public NudgeSweep(DSLContext dsl, Transactions transactions, int batchSize) {
    this(dsl, transactions, new OutboxRepository(dsl), batchSize, 1);
  }

  public NudgeSweep(
      DSLContext dsl,
      Transactions transactions,
      OutboxRepository outbox,
      int batchSize,
      int claimers) {
    if (claimers < 1) {
      throw new IllegalArgumentException("a sweep needs a claimer, not " + claimers);
    }
    this.dsl = dsl;
    this.transactions = transactions;
    this.outbox = outbox;
    this.batchSize = batchSize;
    this.claimers = claimers;
  }

  /** Every minute: the nudges and the channels' daily posts that fell due since the last run. */
  public Routine routine() {
    return new Routine("nudge-sweep", this::sweep);
  }

  /**
   * Claims everything that fell due up to {@code now} within the late window (a sweep after a
   * pause); returns how many outbox rows were written.
   */
  public int sweep(Instant now) {
    return sweep(now.minus(LATE_WINDOW), now);
  }

  /**
   * Claims what fell due in {@code (from, now]} (at most {@link #LATE_WINDOW} ago): a reminder time
   * moved to one already past today waits for its next day. Returns how many rows were written.
   */
  public int sweep(Instant from, Instant now) {
    return sweepMembers(from, now, BatchHook.NONE) + sweepChannels(from, now);
  }

  /** Runs between a batch's claim and its commit; lets tests stop an instance mid-sweep. */
  public interface BatchHook {
    void claimed(int rows);

    BatchHook NONE = rows -> {};
  }

  /**
   * The member nudges, one slice of member ids per batch. Slicing by id range (not "the next N due
   * members") keeps each batch to its own slice of the primary keys, so a sweep's total work grows
   * with the member count, not with members times batches.
   */
  public int sweepMembers(Instant now, BatchHook hook) {
    return sweepMembers(now.minus(LATE_WINDOW), now, hook);
  }

  /** {@link #sweepMembers(Instant, BatchHook)} for what fell due in {@code (from, now]}. */
  public int sweepMembers(Instant from, Instant now, BatchHook hook) {
    var bounds = dsl.select(DSL.min(MEMBER.ID), DSL.max(MEMBER.ID)).from(MEMBER).fetchOne();
    if (bounds == null || bounds.value1() == null) {
      return 0;
    }
    long first = bounds.value1();
    int slices = (int) ((bounds.value2() - first) / batchSize) + 1;
    // instances sweeping at once start at different slices, so they rarely meet on one
    int start = ThreadLocalRandom.current().nextInt(slices);
    AtomicInteger taken = new AtomicInteger();
    IntSupplier claimer =
        () -> {
          int total = 0;
          for (int i = taken.getAndIncrement(); i < slices; i = taken.getAndIncrement()) {
            long low = first + (long) ((start + i) % slices) * batchSize;
            long high = low + batchSize - 1;
            total +=
                transactions.inTransaction(
                    () ->
                        claimSliceUnlessTaken(now, low, high)
                            ? claimBatch(from, now, low, high, hook)
                            : 0);
          }
          return total;
        };
    return claimAtOnce(claimer, Math.min(claimers, slices));
  }

  /** Runs {@code count} claimers side by side and adds up what they claimed. */
  private static int claimAtOnce(IntSupplier claimer, int count) {
    if (count == 1) {
      return claimer.getAsInt();
    }
    List<Future<Integer>> running = new ArrayList<>();
    try (ExecutorService threads =
        Executors.newThreadPerTaskExecutor(Thread.ofPlatform().name("nudge-sweep-", 1).factory())) {
      for (int i = 0; i < count; i++) {
        running.add(threads.submit(claimer::getAsInt));
      }
    }
    int total = 0;
    for (Future<Integer> claimed : running) {
      total += claimed(claimed);
    }
    return total;
  }

  private static int claimed(Future<Integer> done) {
    try {
      return done.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while sweeping", e);
    }
  }

  /**
   * Takes the slice for this transaction: false when another instance is sweeping it now or swept
   * it in this minute. Marks it swept for this minute, which counts from the commit of the claim.
   */
  private boolean claimSliceUnlessTaken(Instant now, long firstMemberId, long lastMemberId) {
    Boolean locked =
        dsl.select(
                DSL.field(
                    "pg_try_advisory_xact_lock(hashtextextended({0}, 0))",
                    Boolean.class,
                    DSL.val("roadmap-coach sweep " + firstMemberId + "-" + lastMemberId)))
            .fetchOne(0, Boolean.class);
    if (!Boolean.TRUE.equals(locked)) {
      return false;
    }
    var minute = Times.utc(now.truncatedTo(ChronoUnit.MINUTES));
    int marked =
        dsl.insertInto(SWEEP_SLICE)
            .set(SWEEP_SLICE.FIRST_MEMBER_ID, firstMemberId)
            .set(SWEEP_SLICE.LAST_MEMBER_ID, lastMemberId)
            .set(SWEEP_SLICE.SWEPT_MINUTE, minute)
            .onConflict(SWEEP_SLICE.FIRST_MEMBER_ID, SWEEP_SLICE.LAST_MEMBER_ID)
            .doUpdate()
            .set(SWEEP_SLICE.SWEPT_MINUTE, minute)
            .where(SWEEP_SLICE.SWEPT_MINUTE.ne(minute))
            .execute();
    return marked == 1;
  }

  private int claimBatch(
      Instant from, Instant now, long firstMemberId, long lastMemberId, BatchHook hook) {
    // A batch lost to a crash right after commit is claimed again by the next sweep and nothing was
    // sent from it, so the commit need not wait for the disk.
    dsl.execute("set local synchronous_commit to off");
    // Every read here goes by key. While the outbox is new or its statistics stale, the planner
    // may probe it for "already nudged" by scanning it whole, and the insert that feeds from the
    // same statement keeps growing what each probe scans: quadratic within one batch.
    dsl.execute("set local enable_seqscan to off");
    Table<?> local = LocalClock.between(from, now, LocalClock.memberZone());
    Field<LocalDate> lastDue = LocalClock.lastDueDate(MEMBER.REMIND_TIME);

    CommonTableExpression<Record3<Long, Long, LocalDate>> due =
        DSL.name("due")
            .fields("member_id", "workspace_id", "local_date")
            .as(
                DSL.select(MEMBER.ID, MEMBER.WORKSPACE_ID, lastDue)
                    .from(MEMBER)
                    .join(ENROLLMENT)
                    .on(ENROLLMENT.MEMBER_ID.eq(MEMBER.ID))
                    .join(CHANNEL)
                    .on(CHANNEL.ID.eq(ENROLLMENT.CHANNEL_ID))
                    // a member who left every channel is nudged no more
                    .join(CHANNEL_MEMBER)
                    .on(
                        CHANNEL_MEMBER.CHANNEL_ID.eq(ENROLLMENT.CHANNEL_ID),
                        CHANNEL_MEMBER.MEMBER_ID.eq(ENROLLMENT.MEMBER_ID))
                    .join(WORKSPACE)
                    .on(WORKSPACE.ID.eq(MEMBER.WORKSPACE_ID))
                    .crossJoin(local)
                    .where(MEMBER.ID.between(firstMemberId, lastMemberId))
                    // the same range on the enrollment's key lets both be read by key range
                    .and(ENROLLMENT.MEMBER_ID.between(firstMemberId, lastMemberId))
                    .and(PolicySql.dmNudgeDue(lastDue, LATE_WINDOW))
                    .forUpdate()
                    .of(MEMBER)
                    .skipLocked());
    Field<Long> dueMember = DSL.field(DSL.name("due", "member_id"), Long.class);
    Field<Long> dueWorkspace = DSL.field(DSL.name("due", "workspace_id"), Long.class);
    Field<LocalDate> dueDate = DSL.field(DSL.name("due", "local_date"), LocalDate.class);
    int inserted =
        outbox.enqueueAll(
            DSL.with(due)
                .select(
                    dueWorkspace,
                    OutboxRepository.kind(DeliveryKind.NUDGE),
                    dueMember,
                    OutboxRepository.none(),
                    dueDate,
                    OutboxRepository.at(now),
                    OutboxRepository.at(now))
                .from(due));
    hook.claimed(inserted);
    return inserted;
  }

  /** The daily posts of channels whose post time has come, in each channel's time zone. */
  private int sweepChannels(Instant from, Instant now) {
    return transactions.inTransaction(() -> claimChannelDigests(from, now));
  }

  private int claimChannelDigests(Instant from, Instant now) {
    Table<?> local =
        LocalClock.between(from, now, DSL.coalesce(CHANNEL.TIME_ZONE, DSL.inline("UTC")));
    Field<LocalTime> postTime = CHANNEL.POST_TIME;
    Field<LocalDate> localDate = LocalClock.lastDueDate(postTime);
    Select<Record7<Long, String, Long, Long, LocalDate, OffsetDateTime, OffsetDateTime>> due =
        DSL.select(
                CHANNEL.WORKSPACE_ID,
                OutboxRepository.kind(DeliveryKind.CHANNEL_DIGEST),
                OutboxRepository.none(),
                CHANNEL.ID,
                localDate,
                OutboxRepository.at(now),
                OutboxRepository.at(now))
            .from(CHANNEL)
            .join(WORKSPACE)
            .on(WORKSPACE.ID.eq(CHANNEL.WORKSPACE_ID))
            .crossJoin(local)
            .where(CHANNEL.DELIVERABLE.isTrue().and(Workspaces.withTheApp()))
            .and(CHANNEL.POST_ENABLED.isTrue())
            .and(PolicySql.notOnHoliday(CHANNEL.ID, localDate))
            .and(LocalClock.dueBetween(postTime, LATE_WINDOW))
            .and(
                CHANNEL
                    .POST_DAYS
                    .eq("daily")
                    .or(DSL.extract(LocalClock.dueAt(postTime), DatePart.ISO_DAY_OF_WEEK).lt(6)))
            // a day with nobody to nudge in the post and nothing to celebrate has no post
            .and(someoneNudgedInThePost().or(progressSinceLastPost(now)))
            .and(
                OutboxRepository.noneYetForChannel(
                    DeliveryKind.CHANNEL_DIGEST, CHANNEL.ID, localDate))
            .forUpdate()
            .of(CHANNEL)
            .skipLocked();
    return outbox.enqueueAll(due);
  }

  private static Condition someoneNudgedInThePost() {
    return DSL.exists(
        DSL.selectOne()
            .from(CHANNEL_MEMBER)
            .join(ENROLLMENT)
            .on(ENROLLMENT.MEMBER_ID.eq(CHANNEL_MEMBER.MEMBER_ID))
            .join(MEMBER)
            .on(MEMBER.ID.eq(ENROLLMENT.MEMBER_ID))
            .where(
                CHANNEL_MEMBER.CHANNEL_ID.eq(CHANNEL.ID),
                ENROLLMENT.CHANNEL_ID.eq(CHANNEL.ID),
                PolicySql.remindersRunning(),
                PolicySql.nudgedBy(ReminderMode.CHANNEL)));
  }

  private static Condition progressSinceLastPost(Instant now) {
    return DSL.exists(
        DSL.selectOne()
            .from(CHANNEL_MEMBER)
            .join(PROGRESS_EVENT)
            .on(PROGRESS_EVENT.MEMBER_ID.eq(CHANNEL_MEMBER.MEMBER_ID))
            .where(
                CHANNEL_MEMBER.CHANNEL_ID.eq(CHANNEL.ID),
                PROGRESS_EVENT
                    .KIND
                    .in(EventKind.QUIZ_PASSED.key(), EventKind.STAGE_FINISHED.key())
                    // an objective counts while it stays checked off
                    .or(ProgressLedger.objectiveStillCheckedOff()),
                PROGRESS_EVENT.OCCURRED_AT.gt(
                    DSL.coalesce(
                        CHANNEL.LAST_POST_AT, DSL.val(Times.utc(now.minus(Duration.ofDays(1))))))));
  }
}
