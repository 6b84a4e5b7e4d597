package io.roadmapcoach.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.app_backend.SlackSignature;
import io.roadmapcoach.core.testing.TableSnapshot;
import io.roadmapcoach.db.testing.PostgresExtension;
import io.roadmapcoach.slack.testing.SlackHarness;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Everything Slack would not send is refused with 401 before the core is asked anything. */
@ExtendWith(PostgresExtension.class)
class ForgedRequestEndToEndTest {
  private static final String TS = "X-Slack-Request-Timestamp";
  private static final String SIG = "X-Slack-Signature";

  private SlackHarness slack;
  private DSLContext dsl;

  @BeforeEach
  void start(DSLContext dsl) {
    this.dsl = dsl;
    slack = new SlackHarness(dsl);
    slack.fake.user("U1", "Ana", "UTC", false);
  }

  @AfterEach
  void stop() {
    slack.close();
  }

  private static String body() {
    return SlackHarness.slashBody(
        "U1", SlackHarness.CHANNEL, SlackHarness.CHANNEL_NAME, "start", "http://127.0.0.1:9/x");
  }

  private static Map<String, String> headers(String ts, String signature) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/x-www-form-urlencoded");
    if (ts != null) {
      headers.put(TS, ts);
    }
    if (signature != null) {
      headers.put(SIG, signature);
    }
    return headers;
  }

  private static String sign(String secret, long ts, String body) {
    return new SlackSignature.Generator(secret).generate(String.valueOf(ts), body);
  }

  record Forgery(
      String name, Function<String, Map<String, String>> headers, Function<String, String> sent) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Arguments> forgeries() {
    long now = SlackHarness.now();
    return Stream.of(
            new Forgery(
                "wrong secret",
                b -> headers(String.valueOf(now), sign("not-the-secret", now, b)),
                b -> b),
            new Forgery(
                "body changed by one byte",
                b -> headers(String.valueOf(now), sign(SlackHarness.SIGNING_SECRET, now, b)),
                b -> b.replace("text=start", "text=stars")),
            new Forgery(
                "timestamp 6 minutes old",
                b ->
                    headers(
                        String.valueOf(now - 360), sign(SlackHarness.SIGNING_SECRET, now - 360, b)),
                b -> b),
            new Forgery(
                "timestamp 6 minutes ahead",
                b ->
                    headers(
                        String.valueOf(now + 360), sign(SlackHarness.SIGNING_SECRET, now + 360, b)),
                b -> b),
            new Forgery(
                "timestamp not a number",
                b ->
                    headers(
                        "yesterday",
                        new SlackSignature.Generator(SlackHarness.SIGNING_SECRET)
                            .generate("yesterday", b)),
                b -> b),
            new Forgery("headers missing", b -> headers(null, null), b -> b),
            new Forgery(
                "signature without v0=",
                b ->
                    headers(
                        String.valueOf(now),
                        sign(SlackHarness.SIGNING_SECRET, now, b).substring(3)),
                b -> b))
        .map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("forgeries")
  void forgedRequestIsRefusedAndChangesNothing(Forgery forgery) {
    TableSnapshot before = TableSnapshot.of(dsl);
    String signedBody = body();

    HttpResponse<String> response =
        slack.send(forgery.sent().apply(signedBody), forgery.headers().apply(signedBody));

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(TableSnapshot.of(dsl)).isEqualTo(before);
    assertThat(slack.fake.methods()).doesNotContain("users.info", "response_url");
  }

  @Test
  void theSameRequestProperlySignedIsAccepted() {
    HttpResponse<String> response = slack.post(body());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(TableSnapshot.of(dsl).count("enrollment")).isEqualTo(1);
  }

  @Test
  void aReplayedSignedRequestIsAcknowledgedAndNotHandledAgain() {
    slack.post(body());
    String done =
        SlackHarness.slashBody(
            "U1",
            SlackHarness.CHANNEL,
            SlackHarness.CHANNEL_NAME,
            "done 1",
            "http://127.0.0.1:9/x");
    Map<String, String> signed = headers(String.valueOf(SlackHarness.now()), null);
    signed.putAll(SlackHarness.signed(done, Long.parseLong(signed.get(TS))));
    HttpResponse<String> first = slack.send(done, signed);
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.body()).contains("10 points");
    TableSnapshot afterFirst = TableSnapshot.of(dsl);

    HttpResponse<String> replayed = slack.send(done, signed);

    assertThat(replayed.statusCode()).isEqualTo(200);
    assertThat(replayed.body()).isEmpty();
    assertThat(TableSnapshot.of(dsl)).isEqualTo(afterFirst);
    assertThat(slack.command("U1", "status").body()).contains("Points: 10");
  }

  @Test
  void aBodyOver64KiBGets413EvenWhenSigned() {
    String big =
        SlackHarness.slashBody(
            "U1",
            SlackHarness.CHANNEL,
            SlackHarness.CHANNEL_NAME,
            "x".repeat(70_000),
            "http://127.0.0.1:9/x");
    TableSnapshot before = TableSnapshot.of(dsl);

    HttpResponse<String> response = slack.post(big);

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(TableSnapshot.of(dsl)).isEqualTo(before);
  }

  @Test
  void onlyPostIsServed() throws Exception {
    var request = HttpRequest.newBuilder(slack.eventsUri()).GET().build();

    var response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(405);
  }
}
