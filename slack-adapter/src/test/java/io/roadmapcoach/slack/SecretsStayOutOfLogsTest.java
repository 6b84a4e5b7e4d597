package io.roadmapcoach.slack;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import io.roadmapcoach.core.delivery.Delivery;
import io.roadmapcoach.core.reply.Reply;
import io.roadmapcoach.db.testing.PostgresExtension;
import io.roadmapcoach.slack.testing.FakeSlack;
import io.roadmapcoach.slack.testing.FakeSlack.Answer;
import io.roadmapcoach.slack.testing.SlackHarness;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

@ExtendWith(PostgresExtension.class)
class SecretsStayOutOfLogsTest {

  @Test
  void neitherTheTokenNorTheSigningSecretIsEverLogged(DSLContext dsl) {
    // everything the adapter and the Slack SDK log, at DEBUG, kept off the console meanwhile
    Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
    Logger ours = (Logger) LoggerFactory.getLogger("io.roadmapcoach");
    Logger sdk = (Logger) LoggerFactory.getLogger("com.slack.api");
    Level oursLevel = ours.getLevel();
    Level sdkLevel = sdk.getLevel();
    var console = root.getAppender("STDERR");
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    logs.start();
    root.addAppender(logs);
    root.detachAppender(console);
    ours.setLevel(Level.DEBUG);
    sdk.setLevel(Level.DEBUG);
    try (SlackHarness slack = new SlackHarness(dsl)) {
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
    } finally {
      root.detachAppender(logs);
      root.addAppender(console);
      ours.setLevel(oursLevel);
      sdk.setLevel(sdkLevel);
    }

    assertThat(logs.list).isNotEmpty();
    for (ILoggingEvent event : logs.list) {
      String all =
          event.getFormattedMessage()
              + (event.getThrowableProxy() == null
                  ? ""
                  : ThrowableProxyUtil.asString(event.getThrowableProxy()));
      assertThat(all)
          .doesNotContain(SlackHarness.TOKEN)
          .doesNotContain(SlackHarness.SIGNING_SECRET);
    }
  }
}
