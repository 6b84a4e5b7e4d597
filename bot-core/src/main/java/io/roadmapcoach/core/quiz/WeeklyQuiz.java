package io.roadmapcoach.core.quiz;

import static io.roadmapcoach.db.schema.Tables.CHANNEL;
import static io.roadmapcoach.db.schema.Tables.CHANNEL_LEAD;
import static io.roadmapcoach.db.schema.Tables.CHANNEL_MEMBER;
import static io.roadmapcoach.db.schema.Tables.ENROLLMENT;
import static io.roadmapcoach.db.schema.Tables.MEMBER;
import static io.roadmapcoach.db.schema.Tables.WORKSPACE;

import io.roadmapcoach.core.delivery.DeliveryKind;
import io.roadmapcoach.core.delivery.OutboxRepository;
import io.roadmapcoach.core.member.Channel;
import io.roadmapcoach.core.member.MemberRepository;
import io.roadmapcoach.core.member.Workspaces;
import io.roadmapcoach.core.policy.CoachingPolicy;
import io.roadmapcoach.core.policy.PolicyRepository;
import io.roadmapcoach.core.policy.PolicySql;
import io.roadmapcoach.core.policy.Situation;
import io.roadmapcoach.core.schedule.Routine;
import io.roadmapcoach.core.tx.Transactions;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The weekly quiz of a channel: at its quiz day and time (channel time zone) every member whose
 * home it is gets an invitation to the quiz on their own stage, by DM or in the channel's call-out,
 * and each of its named leads their weekly digest. Who is invited by DM is the coaching policy's
 * ({@link PolicySql#quizByDm}): one away, on a holiday or snoozed at the slot is held back, and
 * invited with their first reminder time after it within the same quiz week ({@link
 * CoachingPolicy#heldQuizDue}); nothing is lost. A firing found more than {@link #LATE_LIMIT} late
 * waits for next week. Enqueued under the outbox's unique key, so a repeated firing sends nothing
 * twice.
 */
public final class WeeklyQuiz {
  public static final Duration LATE_LIMIT = Duration.ofHours(6);
  private static final Logger log = LoggerFactory.getLogger(WeeklyQuiz.class);

  private final DSLContext dsl;
  private final Transactions transactions;
  private final OutboxRepository outbox;
  private final PolicyRepository policy;

  public WeeklyQuiz(DSLContext dsl, Transactions transactions) {
    this(dsl, transactions, new OutboxRepository(dsl));
  }

  public WeeklyQuiz(DSLContext dsl, Transactions transactions, OutboxRepository outbox) {
    this.dsl = dsl;
    this.transactions = transactions;
    this.outbox = outbox;
    this.policy = new PolicyRepository(dsl);
  }

  /**
   * Every minute: the channels whose quiz slot came since the last run, then the invitations held
   * back whose member's reminder time came.
   */
  public Routine routine() {
    return new Routine(
        "weekly-quiz", (from, to) -> fireDueBetween(from, to) + inviteHeld(from, to));
  }

  /**
   * The firing of the channel's quiz slot that was scheduled for {@code scheduledFor}; {@code now}
   * says how late it is found. Returns how many deliveries were enqueued.
   */
  public int fire(long channelId, Instant scheduledFor, Instant now) {
    if (Duration.between(scheduledFor, now).compareTo(LATE_LIMIT) > 0) {
      log.info(
          "Weekly quiz of channel {} due at {} found at {}: too late, waits for next week",
          channelId,
          scheduledFor,
          now);
      return 0;
    }
    return transactions.inTransaction(() -> enqueue(channelId, scheduledFor, now));
  }

  private int enqueue(long channelId, Instant scheduledFor, Instant now) {
    // a workspace that removed the app gets nothing: no invitation, call-out or digest
    Optional<Channel> found =
        dsl.select(CHANNEL.fields())
            .from(CHANNEL)
            .join(WORKSPACE)
            .on(WORKSPACE.ID.eq(CHANNEL.WORKSPACE_ID))
            .where(CHANNEL.ID.eq(channelId))
            .and(Workspaces.withTheApp())
            .fetchOptional(r -> MemberRepository.channel(r.into(CHANNEL)));
    if (found.isEmpty()) {
      return 0;
    }
    Channel channel = found.get();
    LocalDate slotDate = CoachingPolicy.quizSlotDate(channel, scheduledFor);
    // last week's held invitations are over: this slot invites, holds or leaves each afresh
    dsl.update(MEMBER)
        .setNull(MEMBER.QUIZ_HELD_FOR)
        .where(MEMBER.QUIZ_HELD_FOR.isNotNull())
        .and(
            MEMBER.ID.in(
                DSL.select(ENROLLMENT.MEMBER_ID)
                    .from(ENROLLMENT)
                    .where(ENROLLMENT.CHANNEL_ID.eq(channelId))))
        .execute();
    int direct =
        outbox.enqueueAll(
            DSL.select(
                    MEMBER.WORKSPACE_ID,
                    OutboxRepository.kind(DeliveryKind.QUIZ),
                    MEMBER.ID,
                    OutboxRepository.none(),
                    DSL.val(slotDate),
                    OutboxRepository.at(now),
                    OutboxRepository.at(now))
                .from(invitedByDm(channelId))
                .where(PolicySql.quizByDm(scheduledFor))
                .and(PolicySql.freeForQuiz(scheduledFor)));
    dsl.update(MEMBER)
        .set(MEMBER.QUIZ_HELD_FOR, slotDate)
        .where(
            MEMBER.ID.in(
                DSL.select(MEMBER.ID)
                    .from(invitedByDm(channelId))
                    .where(PolicySql.quizByDm(scheduledFor))
                    .and(DSL.not(PolicySql.freeForQuiz(scheduledFor)))
                    // a date's invitation that went already is not held again
                    .and(
                        OutboxRepository.noneYetFor(
                            DeliveryKind.QUIZ, MEMBER.ID, DSL.val(slotDate)))))
        .execute();
    boolean anyInChannel =
        dsl.fetchExists(
            DSL.selectOne()
                .from(ENROLLMENT)
                .join(MEMBER)
                .on(MEMBER.ID.eq(ENROLLMENT.MEMBER_ID))
                .join(CHANNEL_MEMBER)
                .on(
                    CHANNEL_MEMBER.CHANNEL_ID.eq(ENROLLMENT.CHANNEL_ID),
                    CHANNEL_MEMBER.MEMBER_ID.eq(ENROLLMENT.MEMBER_ID))
                .where(ENROLLMENT.CHANNEL_ID.eq(channelId))
                .and(PolicySql.homeHasQuiz())
                .and(MEMBER.REMIND_ENABLED.isTrue())
                .and(
                    DSL.coalesce(MEMBER.REMIND_VIA, DSL.inline(channel.reminderMode().key()))
                        .eq("channel")));
    int callOut = 0;
    if (anyInChannel
        && outbox.toChannel(
            DeliveryKind.CHANNEL_QUIZ, channel.workspaceId(), channelId, slotDate, now)) {
      callOut = 1;
    }
    return direct + callOut + leadDigests(channel, slotDate, now);
  }

  /**
   * The members whose home is the channel, in it, with their row, journey, home channel and
   * workspace joined as the policy's conditions read them.
   */
  private static org.jooq.Table<?> invitedByDm(long channelId) {
    return ENROLLMENT
        .join(MEMBER)
        .on(MEMBER.ID.eq(ENROLLMENT.MEMBER_ID))
        .join(CHANNEL)
        .on(CHANNEL.ID.eq(ENROLLMENT.CHANNEL_ID))
        .join(WORKSPACE)
        .on(WORKSPACE.ID.eq(MEMBER.WORKSPACE_ID))
        // once per member, at their home channel's slot, while they are in it
        .join(CHANNEL_MEMBER)
        .on(
            CHANNEL_MEMBER.CHANNEL_ID.eq(ENROLLMENT.CHANNEL_ID),
            CHANNEL_MEMBER.MEMBER_ID.eq(ENROLLMENT.MEMBER_ID))
        .and(ENROLLMENT.CHANNEL_ID.eq(channelId));
  }

  /**
   * The invitations held back at a slot whose member's reminder time came in {@code (from, to]},
   * free for it now, within the same quiz week: each is enqueued under the week's key, and no
   * longer held. Returns how many.
   */
  public int inviteHeld(Instant from, Instant to) {
    // held in a workspace that removed the app since: kept, and over at its next slot if it is back
    List<Long> held =
        dsl.select(MEMBER.ID)
            .from(MEMBER)
            .join(WORKSPACE)
            .on(WORKSPACE.ID.eq(MEMBER.WORKSPACE_ID))
            .where(MEMBER.QUIZ_HELD_FOR.isNotNull())
            .and(Workspaces.withTheApp())
            .fetch(MEMBER.ID);
    if (held.isEmpty()) {
      return 0;
    }
    return transactions.inTransaction(
        () -> {
          int invited = 0;
          for (Situation s : policy.situations(held, to)) {
            if (CoachingPolicy.heldQuizDue(s, from, to).isPresent()) {
              LocalDate week = s.member().coaching().quizHeldFor().orElseThrow();
              invited +=
                  outbox.toMember(
                          DeliveryKind.QUIZ,
                          s.member().workspaceId(),
                          s.member().id(),
                          Optional.empty(),
                          week,
                          Optional.empty(),
                          to)
                      ? 1
                      : 0;
              dsl.update(MEMBER)
                  .setNull(MEMBER.QUIZ_HELD_FOR)
                  .where(MEMBER.ID.eq(s.member().id()))
                  .execute();
            }
          }
          return invited;
        });
  }

  /** Each named lead who wants it gets the channel's weekly digest at its quiz slot. */
  private int leadDigests(Channel channel, LocalDate slotDate, Instant now) {
    return outbox.enqueueAll(
        DSL.select(
                DSL.val(channel.workspaceId()),
                OutboxRepository.kind(DeliveryKind.LEAD_DIGEST),
                CHANNEL_LEAD.MEMBER_ID,
                DSL.val(channel.id()),
                DSL.val(slotDate),
                OutboxRepository.at(now),
                OutboxRepository.at(now))
            .from(CHANNEL_LEAD)
            .where(CHANNEL_LEAD.CHANNEL_ID.eq(channel.id()), CHANNEL_LEAD.DIGEST.isTrue()));
  }

  /** The channel's quiz slot in the week that contains {@code at}, as an instant. */
  public static Instant slotOfWeek(Channel channel, Instant at) {
    return CoachingPolicy.quizSlot(channel, at.atZone(channel.zoneOrUtc()).toLocalDate());
  }

  /**
   * Fires every channel whose quiz slot falls in {@code (from, to]}: the console's moving clock.
   */
  public int fireDueBetween(Instant from, Instant to) {
    List<Channel> channels = dsl.selectFrom(CHANNEL).fetch(MemberRepository::channel);
    int total = 0;
    for (Channel channel : channels) {
      for (Instant slot :
          new java.util.LinkedHashSet<>(
              List.of(slotOfWeek(channel, from), slotOfWeek(channel, to)))) {
        if (slot.isAfter(from) && !slot.isAfter(to)) {
          total += fire(channel.id(), slot, to);
        }
      }
    }
    return total;
  }
}
