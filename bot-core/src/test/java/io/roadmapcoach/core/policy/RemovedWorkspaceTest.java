package io.roadmapcoach.core.policy;

import static io.roadmapcoach.db.schema.Tables.OUTBOX;
import static io.roadmapcoach.db.schema.Tables.WORKSPACE;
import static org.assertj.core.api.Assertions.assertThat;

import io.roadmapcoach.core.caller.Caller;
import io.roadmapcoach.core.caller.Platform;
import io.roadmapcoach.core.caller.PlatformStatus;
import io.roadmapcoach.core.delivery.DeliveryKind;
import io.roadmapcoach.core.delivery.OutboxRepository;
import io.roadmapcoach.core.testing.CoachFixture;
import io.roadmapcoach.core.time.Times;
import io.roadmapcoach.db.testing.PostgresExtension;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Once a workspace removed the app, no routine queues anything for it: no nudge, evening warning,
 * daily post, weekly quiz invitation or call-out, lead digest or buddy introduction. Two Discord
 * servers are set up alike (no Discord messenger is registered, so what is queued stays queued and
 * can be counted); one removes the app, and a week of the routines runs. The other one gets every
 * kind, so that each kind's absence is the removal's doing.
 */
@ExtendWith(PostgresExtension.class)
class RemovedWorkspaceTest {
  /** Friday 6 March 2026, 15:00 UTC: the weekly quiz slot of a channel left at its default. */
  private static final Instant QUIZ_SLOT = Instant.parse("2026-03-06T15:00:00Z");

  private final CoachFixture coach = CoachFixture.builtIn();

  private static Caller in(String workspace, String user) {
    return CoachFixture.onDiscord(workspace, user, "general");
  }

  /**
   * A lead with a weekly digest, members nudged by DM (one with evening warnings, two asking for a
   * buddy) and one in the channel's post, all with their journeys begun on Monday 2 March.
   */
  @BeforeEach
  void twoServersAlike() {
    for (String ws : List.of("G1", "G2")) {
      coach.say(in(ws, ws + "-lee"), "start"); // the first leads the channel
      coach.say(in(ws, ws + "-ana"), "start");
      coach.say(in(ws, ws + "-ana"), "done 1");
      coach.say(in(ws, ws + "-ana"), "remind evening on");
      coach.say(in(ws, ws + "-ana"), "buddy on");
      coach.say(in(ws, ws + "-ana"), "remind dm"); // a Discord channel's default is its post
      coach.say(in(ws, ws + "-bo"), "start");
      coach.say(in(ws, ws + "-bo"), "buddy on");
      coach.say(in(ws, ws + "-bo"), "remind dm");
      coach.say(in(ws, ws + "-cy"), "start"); // nudged in the channel's post, its default
    }
  }

  private long workspaceId(String ws) {
    return coach
        .dsl()
        .select(WORKSPACE.ID)
        .from(WORKSPACE)
        .where(WORKSPACE.EXTERNAL_ID.eq(ws))
        .fetchSingle(WORKSPACE.ID);
  }

  /** The kinds queued for the workspace after {@code since}. */
  private Set<DeliveryKind> queuedSince(String ws, Instant since) {
    return new TreeSet<>(
        coach
            .dsl()
            .selectDistinct(OUTBOX.KIND)
            .from(OUTBOX)
            .where(OUTBOX.WORKSPACE_ID.eq(workspaceId(ws)))
            .and(OUTBOX.CREATED_AT.gt(Times.utc(since)))
            .fetch(r -> DeliveryKind.ofKey(r.value1())));
  }

  /**
   * Runs the routines each day until {@code until} (from where the clock stands) half an hour after
   * the times they act at: buddy pairing (08:00), reminders and posts (09:00), the quiz slot
   * (15:00) and evening warnings (19:00). A tick covers the time since the last one.
   */
  private void daysUntil(Instant until) {
    List<LocalTime> times =
        List.of(
            LocalTime.of(8, 30), LocalTime.of(9, 30), LocalTime.of(15, 30), LocalTime.of(19, 30));
    LocalDate day = coach.now().atZone(ZoneOffset.UTC).toLocalDate();
    for (; !day.atStartOfDay(ZoneOffset.UTC).toInstant().isAfter(until); day = day.plusDays(1)) {
      for (LocalTime time : times) {
        Instant t = day.atTime(time).toInstant(ZoneOffset.UTC);
        if (t.isAfter(coach.now()) && !t.isAfter(until)) {
          coach.tick(t.toString());
        }
      }
    }
  }

  @Test
  void noRoutineQueuesAnythingForAWorkspaceThatRemovedTheApp() {
    Instant removedAt = coach.now();
    coach.core().workspaces().removed(Platform.DISCORD, "G1");

    daysUntil(Instant.parse("2026-03-10T10:00:00Z"));

    assertThat(queuedSince("G2", removedAt))
        .contains(
            DeliveryKind.NUDGE,
            DeliveryKind.EVENING_NUDGE,
            DeliveryKind.CHANNEL_DIGEST,
            DeliveryKind.QUIZ,
            DeliveryKind.CHANNEL_QUIZ,
            DeliveryKind.LEAD_DIGEST,
            DeliveryKind.BUDDY_INTRO);
    assertThat(queuedSince("G1", removedAt)).isEmpty();
  }

  @Test
  void anInvitationHeldBackBeforeTheRemovalIsNotSentAfterIt() {
    // ana is away at the slot: her invitation is held for her first reminder after it
    for (String ws : List.of("G1", "G2")) {
      coach.say(
          in(ws, ws + "-ana")
              .withStatus(
                  new PlatformStatus(
                      ":palm_tree:",
                      "On vacation",
                      Optional.of(Instant.parse("2026-03-07T06:00:00Z")))),
          "status");
    }
    daysUntil(QUIZ_SLOT.plus(Duration.ofHours(1)));
    Instant removedAt = coach.now();
    coach.core().workspaces().removed(Platform.DISCORD, "G1");

    // her first reminder day after it is Monday
    daysUntil(Instant.parse("2026-03-09T12:00:00Z"));

    assertThat(queuedSince("G2", removedAt)).contains(DeliveryKind.QUIZ);
    assertThat(queuedSince("G1", removedAt)).isEmpty();
  }

  /** A buddy's notice for ana of {@code ws}, handed to the outbox as a feature does. */
  private boolean buddyNoticeToAna(String ws) {
    return new OutboxRepository(coach.dsl())
        .toMember(
            DeliveryKind.BUDDY_NOTICE,
            workspaceId(ws),
            coach.memberId(in(ws, ws + "-ana")),
            Optional.empty(),
            coach.now().atZone(ZoneOffset.UTC).toLocalDate(),
            Optional.of("Your study buddy is no longer on the roadmap"),
            coach.now());
  }

  @Test
  void aDeliveryHandedToTheOutboxOneAtATimeIsNotQueuedForAWorkspaceThatRemovedTheApp() {
    coach.core().workspaces().removed(Platform.DISCORD, "G1");

    boolean toRemoved = buddyNoticeToAna("G1");
    boolean toKept = buddyNoticeToAna("G2");

    assertThat(toRemoved).isFalse();
    assertThat(toKept).isTrue();
    assertThat(queuedSince("G1", coach.now().minusSeconds(1))).isEmpty();
    assertThat(queuedSince("G2", coach.now().minusSeconds(1)))
        .containsExactly(DeliveryKind.BUDDY_NOTICE);
  }
}
