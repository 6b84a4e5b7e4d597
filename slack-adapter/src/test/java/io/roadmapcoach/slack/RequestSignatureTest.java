package io.roadmapcoach.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.app_backend.SlackSignature;
import io.roadmapcoach.slack.RequestSignature.Verdict;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RequestSignatureTest {
  // Slack's own published example (docs: verifying requests from Slack)
  static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
  static final String TIMESTAMP = "1531420618";
  static final String BODY =
      "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
  static final String SIGNATURE =
      "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

  private static RequestSignature at(long epochSeconds) {
    return new RequestSignature(
        SECRET, Clock.fixed(Instant.ofEpochSecond(epochSeconds), ZoneOffset.UTC));
  }

  @Test
  void slacksPublishedExampleVerifies() {
    long sent = Long.parseLong(TIMESTAMP);

    assertThat(at(sent + 10).check(TIMESTAMP, SIGNATURE, BODY)).isEqualTo(Verdict.VALID);
    // and Bolt's own verifier agrees at the same moment
    assertThat(
            new SlackSignature.Verifier(new SlackSignature.Generator(SECRET))
                .isValid(TIMESTAMP, BODY, SIGNATURE, (sent + 10) * 1000))
        .isTrue();
  }

  @Test
  void timestampsWithinFiveMinutesEitherWayAreAccepted() {
    long sent = Long.parseLong(TIMESTAMP);

    assertThat(at(sent + 299).check(TIMESTAMP, SIGNATURE, BODY)).isEqualTo(Verdict.VALID);
    assertThat(at(sent - 299).check(TIMESTAMP, SIGNATURE, BODY)).isEqualTo(Verdict.VALID);
  }

  @Test
  void eachForgeryIsRefusedForItsOwnReason() {
    long sent = Long.parseLong(TIMESTAMP);
    RequestSignature check = at(sent);

    assertThat(
            new RequestSignature(
                    "another-secret", Clock.fixed(Instant.ofEpochSecond(sent), ZoneOffset.UTC))
                .check(TIMESTAMP, SIGNATURE, BODY))
        .isEqualTo(Verdict.BAD_SIGNATURE);
    assertThat(check.check(TIMESTAMP, SIGNATURE, BODY.replace("text=&", "text=x&")))
        .isEqualTo(Verdict.BAD_SIGNATURE);
    assertThat(at(sent + 360).check(TIMESTAMP, SIGNATURE, BODY)).isEqualTo(Verdict.STALE);
    assertThat(at(sent - 360).check(TIMESTAMP, SIGNATURE, BODY)).isEqualTo(Verdict.FROM_THE_FUTURE);
    assertThat(check.check("soon", SIGNATURE, BODY)).isEqualTo(Verdict.BAD_TIMESTAMP);
    assertThat(check.check(null, SIGNATURE, BODY)).isEqualTo(Verdict.MISSING_HEADERS);
    assertThat(check.check(TIMESTAMP, null, BODY)).isEqualTo(Verdict.MISSING_HEADERS);
    assertThat(check.check(TIMESTAMP, SIGNATURE.substring(3), BODY))
        .isEqualTo(Verdict.BAD_SIGNATURE);
    assertThat(check.check("99999999999999999", SIGNATURE, BODY))
        .isEqualTo(Verdict.FROM_THE_FUTURE);
    assertThat(check.check("-1", SIGNATURE, BODY)).isEqualTo(Verdict.STALE);
  }

  @Test
  void withoutASigningSecretNothingIsAccepted() {
    RequestSignature none =
        new RequestSignature("", Clock.fixed(Instant.ofEpochSecond(1531420618), ZoneOffset.UTC));

    assertThat(none.check(TIMESTAMP, SIGNATURE, BODY)).isEqualTo(Verdict.MISSING_HEADERS);
  }
}
