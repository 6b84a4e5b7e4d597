package io.roadmapcoach.slack.events;

import static io.roadmapcoach.db.schema.Tables.CHANNEL;
import static io.roadmapcoach.db.schema.Tables.INSTALLATION;
import static io.roadmapcoach.db.schema.Tables.MEMBER;
import static io.roadmapcoach.db.schema.Tables.OBJECTIVE_DONE;
import static io.roadmapcoach.db.schema.Tables.WORKSPACE;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.roadmapcoach.core.testing.SchemaWalk;
import io.roadmapcoach.db.testing.PostgresExtension;
import io.roadmapcoach.slack.testing.FakeSlack;
import io.roadmapcoach.slack.testing.FakeSlack.Call;
import io.roadmapcoach.slack.testing.InstallHarness;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

/**
 * A workspace removes the app: its installation goes at once, deliveries to it stop, its events are
 * acknowledged and ignored, and after the retention period no row of it is left, unless it installs
 * again first.
 */
@ExtendWith(PostgresExtension.class)
class UninstallEndToEndTest {
  private static final String A = "T0AAA";
  private static final String B = "T0BBB";
  private static final String UNINSTALLED = "{\"type\":\"app_uninstalled\",\"event_ts\":\"1.2\"}";

  private InstallHarness slack;
  private DSLContext dsl;

  @BeforeEach
  void twoWorkspacesWithAMemberEach(DSLContext dsl) {
    this.dsl = dsl;
    slack = new InstallHarness(dsl, Optional.empty());
    slack.fake.user("UA1", "Ana", "UTC", false).user("UB1", "Bo", "UTC", false);
    slack.install(A, "Team A", "UA1");
    slack.install(B, "Team B", "UB1");
    slack.command(A, "UA1", "start");
    slack.command(A, "UA1", "done 1");
    slack.command(B, "UB1", "start");
  }

  @AfterEach
  void close() {
    slack.close();
  }

  private static String homeOpened(String user) {
    return "{\"type\":\"app_home_opened\",\"user\":\""
        + user
        + "\",\"channel\":\"D"
        + user
        + "\",\"tab\":\"home\",\"event_ts\":\"1.3\"}";
  }

  private List<String> postsTo() {
    return slack.fake.calls("chat.postMessage").stream()
        .map(c -> c.params().get("channel"))
        .toList();
  }

  @Test
  void uninstallDeletesTheInstallationAndStopsDeliveriesAtOnce() {
    HttpResponse<String> ack = slack.event(A, "Ev-1", UNINSTALLED);

    assertThat(ack.statusCode()).isEqualTo(200);
    assertThat(dsl.fetch(INSTALLATION).getValues(INSTALLATION.WORKSPACE_EXTERNAL_ID))
        .containsExactly(B);
    var workspace = dsl.fetchSingle(WORKSPACE, WORKSPACE.EXTERNAL_ID.eq(A));
    assertThat(workspace.getDeliverable()).isFalse();
    assertThat(workspace.getRemovedAt()).isNotNull();
    slack.fake.clear();

    slack.tick("2026-03-03T09:00:00Z");

    assertThat(postsTo()).containsExactly("DUB1");
  }

  @Test
  void revokingTheBotTokenCountsAsRemoval() {
    slack.event(
        B,
        "Ev-2",
        "{\"type\":\"tokens_revoked\",\"tokens\":{\"bot\":[\"UBOT\"]},\"event_ts\":\"1.2\"}");

    assertThat(dsl.fetch(INSTALLATION).getValues(INSTALLATION.WORKSPACE_EXTERNAL_ID))
        .containsExactly(A);
    assertThat(dsl.fetchSingle(WORKSPACE, WORKSPACE.EXTERNAL_ID.eq(B)).getRemovedAt()).isNotNull();
  }

  @Test
  void eventsFromAWorkspaceWithoutAnInstallationAreAcknowledgedIgnoredAndLoggedOnce() {
    slack.event(A, "Ev-1", UNINSTALLED);
    slack.fake.clear();
    Logger log = (Logger) LoggerFactory.getLogger(UnknownWorkspaces.class);
    ListAppender<ILoggingEvent> lines = new ListAppender<>();
    lines.start();
    log.addAppender(lines);
    try {
      HttpResponse<String> first = slack.event(A, "Ev-2", homeOpened("UA1"));
      HttpResponse<String> second = slack.event(A, "Ev-3", homeOpened("UA1"));
      HttpResponse<String> never = slack.event("T0NEVER", "Ev-4", homeOpened("UX1"));

      assertThat(List.of(first, second, never))
          .allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(200));
    } finally {
      log.detachAppender(lines);
    }
    assertThat(slack.fake.calls()).isEmpty();
    assertThat(lines.list)
        .extracting(ILoggingEvent::getFormattedMessage)
        .containsExactly(
            "Ignoring events from Slack workspace T0AAA: the app is not installed there",
            "Ignoring events from Slack workspace T0NEVER: the app is not installed there");
  }

  @Test
  void aCommandFromAnUninstalledWorkspaceIsPointedAtTheInstallPage() {
    slack.event(A, "Ev-1", UNINSTALLED);
    slack.fake.clear();

    HttpResponse<String> ack = slack.command(A, "UA1", "status");

    assertThat(ack.statusCode()).isEqualTo(200);
    Call guide = slack.fake.await("response_url", 1).getFirst();
    assertThat(FakeSlack.texts(guide.bodyJson()))
        .anySatisfy(
            t ->
                assertThat(t)
                    .contains("not installed in this workspace")
                    .contains(InstallHarness.PUBLIC_URL + "/slack/install"));
    assertThat(slack.fake.calls("users.info")).isEmpty();
  }

  /** Every id of a workspace, its members and channels, as the schema holds them. */
  private record Traces(
      long workspace, List<Long> members, List<Long> channels, List<String> external) {}

  private Traces traces(String team) {
    long workspace =
        dsl.select(WORKSPACE.ID)
            .from(WORKSPACE)
            .where(WORKSPACE.EXTERNAL_ID.eq(team))
            .fetchSingle(WORKSPACE.ID);
    List<String> external = new ArrayList<>(List.of(team));
    dsl.select(MEMBER.EXTERNAL_ID, MEMBER.DM_CHANNEL_ID)
        .from(MEMBER)
        .where(MEMBER.WORKSPACE_ID.eq(workspace))
        .forEach(
            m -> {
              external.add(m.value1());
              if (m.value2() != null) {
                external.add(m.value2());
              }
            });
    external.addAll(
        dsl.select(CHANNEL.EXTERNAL_ID)
            .from(CHANNEL)
            .where(CHANNEL.WORKSPACE_ID.eq(workspace))
            .fetch(CHANNEL.EXTERNAL_ID));
    return new Traces(
        workspace,
        dsl.select(MEMBER.ID)
            .from(MEMBER)
            .where(MEMBER.WORKSPACE_ID.eq(workspace))
            .fetch(MEMBER.ID),
        dsl.select(CHANNEL.ID)
            .from(CHANNEL)
            .where(CHANNEL.WORKSPACE_ID.eq(workspace))
            .fetch(CHANNEL.ID),
        external);
  }

  private List<String> rowsNaming(String team) {
    return rowsHolding(traces(team));
  }

  private List<String> rowsHolding(Traces t) {
    List<String> found = new ArrayList<>();
    found.addAll(
        SchemaWalk.holding(
            dsl, SchemaWalk.columnsReferencing(dsl, "workspace"), List.of(t.workspace())));
    found.addAll(
        SchemaWalk.holding(dsl, SchemaWalk.columnsReferencing(dsl, "member"), t.members()));
    found.addAll(
        SchemaWalk.holding(dsl, SchemaWalk.columnsReferencing(dsl, "channel"), t.channels()));
    found.addAll(SchemaWalk.holding(dsl, SchemaWalk.textColumns(dsl), t.external()));
    return found;
  }

  @Test
  void afterTheRetentionPeriodNoRowOfTheWorkspaceIsLeft() {
    slack.tick("2026-03-03T09:00:00Z"); // a nudge each: outbox rows, DM channels kept
    Traces a = traces(A);
    assertThat(a.external()).contains("UA1", "C-" + A, "DUA1");
    assertThat(rowsHolding(a)).hasSizeGreaterThan(5);
    slack.event(A, "Ev-1", UNINSTALLED);

    slack.tick("2026-04-02T08:00:00Z"); // retention runs on the hour: 30 days less one after
    assertThat(rowsNaming(A)).isNotEmpty();

    slack.tick("2026-04-02T10:00:00Z");

    assertThat(rowsHolding(a)).isEmpty();
    assertThat(rowsNaming(B)).isNotEmpty();
    slack.fake.clear();
    assertThat(slack.command(B, "UB1", "status").body()).contains("Stage 1");
  }

  @Test
  void aWorkspaceThatInstallsAgainWithinTheRetentionPeriodKeepsItsData() {
    slack.event(A, "Ev-1", UNINSTALLED);
    slack.tick("2026-03-20T10:00:00Z");

    slack.install(A, "Team A", "UA1");
    slack.tick("2026-05-01T10:00:00Z");

    assertThat(dsl.fetchSingle(WORKSPACE, WORKSPACE.EXTERNAL_ID.eq(A)).getRemovedAt()).isNull();
    assertThat(slack.command(A, "UA1", "status").statusCode()).isEqualTo(200);
    // objective 1, done before the uninstall, is still done
    assertThat(dsl.fetchCount(OBJECTIVE_DONE)).isEqualTo(1);
  }
}
