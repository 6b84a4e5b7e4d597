package io.roadmapcoach.core.delivery;

import static io.roadmapcoach.db.schema.Tables.HANDLED_EVENT;
import static io.roadmapcoach.db.schema.Tables.OUTBOX;
import static io.roadmapcoach.db.schema.Tables.SEEN_REQUEST;
import static org.assertj.core.api.Assertions.assertThat;

import io.roadmapcoach.core.caller.Platform;
import io.roadmapcoach.core.member.Workspaces;
import io.roadmapcoach.core.testing.CoachFixture;
import io.roadmapcoach.db.testing.PostgresExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class HousekeepingTest {
  private final CoachFixture coach = CoachFixture.builtIn();
  private final Workspaces workspaces =
      new Workspaces(
          coach.dsl(),
          coach.services().transactions(),
          coach.clock(),
          new OutboxRepository(coach.dsl())::dropPendingOf);

  @Test
  void eventIdsAreForgottenAfterTwoDaysAndARetryBeforeThatIsStillCaught() {
    workspaces.firstDelivery(Platform.SLACK, "Ev-old");
    coach.clock().advance(Duration.ofDays(2).plusMinutes(1));
    workspaces.firstDelivery(Platform.SLACK, "Ev-new");

    new Housekeeping(coach.dsl()).purge(coach.now());

    assertThat(coach.dsl().fetchValues(HANDLED_EVENT.EVENT_ID)).containsExactly("Ev-new");
    assertThat(workspaces.firstDelivery(Platform.SLACK, "Ev-new")).isFalse();
  }

  @Test
  void finishedDeliveriesGoAfterTwoWeeksAndPendingOnesStay() {
    var ana = coach.caller("ana");
    coach.say(ana, "start");
    coach.say(coach.admin("lead"), "set-stage @ana 2"); // a notice, pending
    coach.say(coach.admin("lead"), "set-stage @ana 3"); // another notice
    long first =
        coach
            .dsl()
            .select(OUTBOX.ID)
            .from(OUTBOX)
            .orderBy(OUTBOX.ID)
            .limit(1)
            .fetchSingle(OUTBOX.ID);
    coach.dsl().update(OUTBOX).set(OUTBOX.STATUS, "sent").where(OUTBOX.ID.eq(first)).execute();

    coach.clock().advance(Duration.ofDays(15));
    int purged = new Housekeeping(coach.dsl()).purge(coach.now());

    assertThat(purged).isEqualTo(1);
    assertThat(coach.dsl().fetchValues(OUTBOX.STATUS)).containsExactly("pending");
  }

  @Test
  void aSignedRequestIsClaimedOnceAndForgottenOnlyWhenItsTimestampCouldNoLongerBeAccepted() {
    var signedAt = coach.now();
    assertThat(workspaces.firstRequest(Platform.SLACK, signedAt, "v0=abc")).isTrue();
    assertThat(workspaces.firstRequest(Platform.SLACK, signedAt, "v0=abc")).isFalse();
    // another signature, or the same one at another second, is another request
    assertThat(workspaces.firstRequest(Platform.SLACK, signedAt, "v0=abd")).isTrue();
    assertThat(workspaces.firstRequest(Platform.SLACK, signedAt.plusSeconds(1), "v0=abc")).isTrue();

    coach.clock().advance(Duration.ofMinutes(5));
    new Housekeeping(coach.dsl()).purge(coach.now());
    assertThat(workspaces.firstRequest(Platform.SLACK, signedAt, "v0=abc")).isFalse();

    coach.clock().advance(Duration.ofMinutes(2));
    new Housekeeping(coach.dsl()).purge(coach.now());
    assertThat(coach.dsl().fetchCount(SEEN_REQUEST)).isZero();
  }
}
