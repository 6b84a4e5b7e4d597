package io.roadmapcoach.slack.uploads;

import static org.assertj.core.api.Assertions.assertThat;

import io.roadmapcoach.core.curriculum.TestRoadmaps;
import io.roadmapcoach.db.testing.PostgresExtension;
import io.roadmapcoach.slack.testing.FakeSlack;
import io.roadmapcoach.slack.testing.InstallHarness;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The upload form where each workspace installed the app with its own token and scopes. */
@ExtendWith(PostgresExtension.class)
class UploadsPerInstallEndToEndTest {
  private static final String A = "T0AAA";
  private static final String B = "T0BBB";

  private InstallHarness slack;

  @BeforeEach
  void start(DSLContext dsl) {
    slack = new InstallHarness(dsl, Optional.empty());
    slack.fake.user("UA1", "Ann", "UTC", true).user("UB1", "Ben", "UTC", true);
  }

  @AfterEach
  void stop() {
    slack.close();
  }

  @Test
  void anInstallFromBeforeUploadsIsAskedToReinstallInsteadOfGettingAForm() {
    slack.fake.scopes(FakeSlack.BASE_SCOPES.replace(",files:read", ""));
    slack.install(A, "Team A", "UA1");

    HttpResponse<String> answer = slack.command(A, "UA1", "roadmap upload");

    assertThat(answer.body()).contains("reinstall").contains("files:read");
    assertThat(slack.fake.calls("views.open")).isEmpty();
  }

  @Test
  void eachWorkspaceReadsItsFileWithItsOwnTokenAndAnswersByDmWhereTheBotIsNotInvited() {
    slack.install(A, "Team A", "UA1");
    slack.install(B, "Team B", "UB1");
    slack.command(A, "UA1", "start");
    String file =
        slack.fake.file("web.yaml", TestRoadmaps.webV1().getBytes(StandardCharsets.UTF_8));
    slack.command(A, "UA1", "roadmap upload");

    slack.submit(A, "UA1", file);

    FakeSlack.Call answer =
        slack.fake.await("chat.postMessage", 1).stream()
            .filter(c -> "DUA1".equals(c.params().get("channel")))
            .findFirst()
            .orElseThrow();
    assertThat(String.join(" ", FakeSlack.texts(answer.jsonArray("blocks"))))
        .contains("Web development")
        .contains("Apply");
    assertThat(slack.fake.calls("file_download").getFirst().authorization())
        .isEqualTo("Bearer " + slack.tokenOf(A));
    assertThat(slack.fake.calls("chat.postEphemeral")).hasSize(1);
  }
}
