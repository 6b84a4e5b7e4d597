package io.roadmapcoach.core.privacy;

import static io.roadmapcoach.db.schema.Tables.CHANNEL;
import static io.roadmapcoach.db.schema.Tables.MEMBER;
import static io.roadmapcoach.db.schema.Tables.OUTBOX;
import static io.roadmapcoach.db.schema.Tables.ROADMAP;
import static io.roadmapcoach.db.schema.Tables.WORKSPACE;
import static org.assertj.core.api.Assertions.assertThat;

import io.roadmapcoach.core.caller.Caller;
import io.roadmapcoach.core.caller.Platform;
import io.roadmapcoach.core.curriculum.TestRoadmaps;
import io.roadmapcoach.core.member.Workspaces;
import io.roadmapcoach.core.testing.CoachFixture;
import io.roadmapcoach.core.testing.SchemaWalk;
import io.roadmapcoach.db.testing.PostgresExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A workspace that removed the app: deliveries stop at once, and after the retention period
 * (default 30 days) the housekeeping routine leaves no row of it, unless it came back first.
 */
@ExtendWith(PostgresExtension.class)
class WorkspaceRetentionTest {
  private final CoachFixture coach = CoachFixture.builtIn();
  private Workspaces workspaces;

  private static Caller in(String workspace, String user, String channel) {
    return CoachFixture.onDiscord(workspace, user, channel);
  }

  @BeforeEach
  void twoServersWithMembers() {
    workspaces = coach.core().workspaces();
    for (String ws : List.of("G1", "G2")) {
      coach.say(in(ws, ws + "-ana", "general"), "start");
      coach.say(in(ws, ws + "-ana", "general"), "done 1");
      coach.takeQuiz(in(ws, ws + "-ana", "general"), 2);
      coach.say(in(ws, ws + "-bo", "study"), "start");
      coach.say(in(ws, ws + "-ana", "study"), "start");
    }
  }

  /** Everything that names the workspace: its ids and its members' and channels' ids. */
  private record Traces(
      long workspaceId, List<Long> members, List<Long> channels, List<String> externalIds) {}

  private Traces traces(String ws) {
    long id =
        coach
            .dsl()
            .select(WORKSPACE.ID)
            .from(WORKSPACE)
            .where(WORKSPACE.EXTERNAL_ID.eq(ws))
            .fetchSingle(WORKSPACE.ID);
    List<String> external = new ArrayList<>(List.of(ws));
    external.addAll(
        coach
            .dsl()
            .select(MEMBER.EXTERNAL_ID)
            .from(MEMBER)
            .where(MEMBER.WORKSPACE_ID.eq(id))
            .fetch(MEMBER.EXTERNAL_ID));
    external.addAll(
        coach
            .dsl()
            .select(CHANNEL.EXTERNAL_ID)
            .from(CHANNEL)
            .where(CHANNEL.WORKSPACE_ID.eq(id))
            .fetch(CHANNEL.EXTERNAL_ID));
    return new Traces(
        id,
        coach
            .dsl()
            .select(MEMBER.ID)
            .from(MEMBER)
            .where(MEMBER.WORKSPACE_ID.eq(id))
            .fetch(MEMBER.ID),
        coach
            .dsl()
            .select(CHANNEL.ID)
            .from(CHANNEL)
            .where(CHANNEL.WORKSPACE_ID.eq(id))
            .fetch(CHANNEL.ID),
        external);
  }

  private List<String> rowsNaming(Traces t) {
    var dsl = coach.dsl();
    List<String> found = new ArrayList<>();
    found.addAll(
        SchemaWalk.holding(
            dsl, SchemaWalk.columnsReferencing(dsl, "workspace"), List.of(t.workspaceId())));
    found.addAll(
        SchemaWalk.holding(dsl, SchemaWalk.columnsReferencing(dsl, "member"), t.members()));
    found.addAll(
        SchemaWalk.holding(dsl, SchemaWalk.columnsReferencing(dsl, "channel"), t.channels()));
    found.addAll(SchemaWalk.holding(dsl, SchemaWalk.textColumns(dsl), t.externalIds()));
    return found;
  }

  private int pending(String ws) {
    return coach
        .dsl()
        .fetchCount(
            OUTBOX, OUTBOX.WORKSPACE_ID.eq(traces(ws).workspaceId()), OUTBOX.STATUS.eq("pending"));
  }

  @Test
  void removedDeliveriesStopAtOnceAndWhatWaitedIsDropped() {
    // Tuesday's daily posts fall due; no Discord messenger is registered, so they wait
    coach.tick("2026-03-03T09:00:00Z");
    assertThat(pending("G1")).isPositive();
    assertThat(pending("G2")).isPositive();

    workspaces.removed(Platform.DISCORD, "G1");

    assertThat(pending("G1")).isZero();
    assertThat(pending("G2")).isPositive();
    // Wednesday's sweep enqueues nothing more for it
    coach.tick("2026-03-04T09:00:00Z");
    assertThat(pending("G1")).isZero();
    assertThat(coach.dsl().fetchSingle(WORKSPACE, WORKSPACE.EXTERNAL_ID.eq("G1")).getRemovedAt())
        .isNotNull();
  }

  @Test
  void afterTheRetentionPeriodNoRowOfTheWorkspaceIsLeft() {
    Traces g1 = traces("G1");
    Traces g2 = traces("G2");
    assertThat(rowsNaming(g1)).isNotEmpty();
    workspaces.removed(Platform.DISCORD, "G1");

    coach.tick("2026-03-31T09:00:00Z"); // not yet 30 days (retention runs on the hour)
    assertThat(rowsNaming(g1)).isNotEmpty();

    coach.tick("2026-04-01T11:00:00Z");

    assertThat(rowsNaming(g1)).isEmpty();
    // the other server is untouched
    assertThat(traces("G2").members()).containsExactlyInAnyOrderElementsOf(g2.members());
    assertThat(coach.say(in("G2", "G2-ana", "general"), "status").plainText()).contains("Stage 1");
  }

  @Test
  void aRemovedWorkspacesRoadmapsGoWithItAndTheOthersStay() {
    for (String ws : List.of("G1", "G2")) {
      Caller ana = in(ws, ws + "-ana", "general");
      var preview =
          coach
              .coach()
              .handleText(
                  ana,
                  "roadmap upload",
                  Optional.of(TestRoadmaps.upload("web.yaml", TestRoadmaps.webV1())));
      coach.press(ana, preview.buttons().getFirst().actionId());
    }
    Traces g1 = traces("G1");
    Traces g2 = traces("G2");
    assertThat(coach.dsl().fetchCount(ROADMAP, ROADMAP.WORKSPACE_ID.eq(g1.workspaceId()))).isOne();
    workspaces.removed(Platform.DISCORD, "G1");

    coach.tick("2026-04-01T11:00:00Z");

    assertThat(rowsNaming(g1)).isEmpty();
    assertThat(coach.dsl().fetchCount(ROADMAP, ROADMAP.WORKSPACE_ID.eq(g1.workspaceId()))).isZero();
    assertThat(coach.dsl().fetchCount(ROADMAP, ROADMAP.WORKSPACE_ID.eq(g2.workspaceId()))).isOne();
    assertThat(coach.say(in("G2", "G2-ana", "general"), "roadmap").plainText())
        .contains("#general follows Web development");
  }

  @Test
  void aWorkspaceThatCameBackIsKept() {
    workspaces.removed(Platform.DISCORD, "G1");
    workspaces.returned(Platform.DISCORD, "G1");
    workspaces.removed(Platform.DISCORD, "G2");
    coach.after(Duration.ofDays(10));
    coach.say(in("G2", "G2-bo", "study"), "status"); // a command: it is back too

    coach.tick("2026-05-01T10:00:00Z");

    assertThat(traces("G1").members()).hasSize(2);
    assertThat(traces("G2").members()).hasSize(2);
    assertThat(coach.dsl().fetchCount(WORKSPACE, WORKSPACE.REMOVED_AT.isNotNull())).isZero();
  }

  @Test
  void aSecondRemovalNoticeKeepsTheFirstOnesTime() {
    workspaces.removed(Platform.DISCORD, "G1");
    var first = coach.dsl().fetchSingle(WORKSPACE, WORKSPACE.EXTERNAL_ID.eq("G1")).getRemovedAt();
    coach.after(Duration.ofDays(3));

    workspaces.removed(Platform.DISCORD, "G1");

    assertThat(coach.dsl().fetchSingle(WORKSPACE, WORKSPACE.EXTERNAL_ID.eq("G1")).getRemovedAt())
        .isEqualTo(first);
  }
}
