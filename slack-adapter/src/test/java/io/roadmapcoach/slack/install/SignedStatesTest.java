package io.roadmapcoach.slack.install;

import static org.assertj.core.api.Assertions.assertThat;

import io.roadmapcoach.core.testing.TestClock;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** States that prove themselves: ours and in time, or refused, with nothing stored to say so. */
class SignedStatesTest {
  private static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";

  private final TestClock clock = TestClock.at("2026-03-02T10:00:00Z");
  private final SignedStates states = new SignedStates(SECRET, clock::instant);

  @Test
  void aStateIsRandomUrlSafeAndOursUntilTenMinutesHavePassed() {
    String state = states.issue();

    assertThat(state).hasSize(43).matches("[A-Za-z0-9_-]+").isNotEqualTo(states.issue());
    assertThat(states.expiry(state)).contains(clock.instant().plus(Duration.ofMinutes(10)));
    clock.advance(Duration.ofMinutes(10).minusSeconds(1));
    assertThat(states.expiry(state).filter(states::inTime)).isPresent();
    clock.advance(Duration.ofSeconds(1));
    assertThat(states.expiry(state).filter(states::inTime)).isEmpty();
  }

  @Test
  void aStateAlteredInAnyByteOrSignedWithAnotherSecretIsNotOurs() {
    String state = states.issue();
    byte[] bytes = Base64.getUrlDecoder().decode(state);

    for (int i = 0; i < bytes.length; i++) {
      byte[] altered = bytes.clone();
      altered[i] ^= 1;
      String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(altered);
      assertThat(states.expiry(forged)).as("byte %d altered", i).isEmpty();
    }
    SignedStates elsewhere = new SignedStates("another-signing-secret-0123456789", clock::instant);
    assertThat(elsewhere.expiry(state)).isEmpty();
  }

  @Test
  void aStateOfTheWrongShapeIsNotOurs() {
    assertThat(states.expiry(null)).isEmpty();
    assertThat(states.expiry("")).isEmpty();
    assertThat(states.expiry("F".repeat(43))).isEmpty();
    assertThat(states.expiry("not a state at all, with spaces and = signs!!")).isEmpty();
    assertThat(states.expiry(states.issue() + "A")).isEmpty();
  }

  @Test
  void theKeyNeverShows() {
    assertThat(states.toString()).doesNotContain(SECRET);
  }
}
