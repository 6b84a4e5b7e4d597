package io.roadmapcoach.slack;

import static org.assertj.core.api.Assertions.assertThat;

import io.roadmapcoach.core.delivery.Delivery;
import io.roadmapcoach.core.reply.Reply;
import io.roadmapcoach.db.testing.PostgresExtension;
import io.roadmapcoach.slack.testing.FakeSlack;
import io.roadmapcoach.slack.testing.FakeSlack.Answer;
import io.roadmapcoach.slack.testing.LogCapture;
import io.roadmapcoach.slack.testing.SlackHarness;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class SecretsStayOutOfLogsTest {

  @Test
  void neitherTheTokenNorTheSigningSecretIsEverLogged(DSLContext dsl) {
    LogCapture logs = new LogCapture();
    try (logs;
        SlackHarness slack = new SlackHarness(dsl)) {
      slack.fake.user("U1", "Ana", "UTC", false);
      slack.command("U1", "start");
      slack.send(
          "token=x&text=forged",
          Map.of("X-Slack-Signature", "v0=00", "X-Slack-Request-Timestamp", "1"));
      slack.fake.next("chat.postMessage", Answer.error("invalid_auth"));
      slack.fake.next("users.info", new Answer(500, Map.of(), "boom"));
      slack.fake.user("U2", "Bob", "UTC", false);
      slack.command("U2", "status");
      slack
          .adapter
          .messenger()
          .send(
              new Delivery(
                  1,
                  "k",
                  FakeSlack.TEAM,
                  new Delivery.Direct("U1", "Ana", Optional.of("DU1")),
                  Reply.text("hi")));
    }
    List<String> logged = logs.lines();

    assertThat(logged).isNotEmpty();
    for (String all : logged) {
      assertThat(all)
          .doesNotContain(SlackHarness.TOKEN)
          .doesNotContain(SlackHarness.SIGNING_SECRET);
    }
  }

  @Test
  void aSignedRequestBoltDoesNotRecogniseIsLoggedByItsTypeNeverItsBody(DSLContext dsl) {
    String words = "my-private-words-" + System.nanoTime();
    String json = "{\"type\":\"brand_new_kind\",\"team_id\":\"T1\",\"text\":\"" + words + "\"}";
    String form = "team_id=T1&user_id=U1&text=" + words;
    LogCapture logs = new LogCapture();
    HttpResponse<String> jsonAnswer;
    HttpResponse<String> formAnswer;
    try (logs;
        SlackHarness slack = new SlackHarness(dsl)) {
      Map<String, String> headers =
          new LinkedHashMap<>(SlackHarness.signed(json, SlackHarness.now()));
      headers.put("Content-Type", "application/json");
      jsonAnswer = slack.send(json, headers);
      formAnswer = slack.post(form);
    }
    List<String> logged = logs.lines();

    assertThat(jsonAnswer.statusCode()).isEqualTo(404);
    assertThat(formAnswer.statusCode()).isEqualTo(404);
    assertThat(logged).noneSatisfy(line -> assertThat(line).contains(words));
    assertThat(logged).anySatisfy(line -> assertThat(line).contains("payload type brand_new_kind"));
    assertThat(logged)
        .anySatisfy(line -> assertThat(line).contains("a form body that is no command"));
  }
}
