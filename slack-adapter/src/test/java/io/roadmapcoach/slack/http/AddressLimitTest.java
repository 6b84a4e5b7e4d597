package io.roadmapcoach.slack.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.roadmapcoach.core.testing.TestClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Requests per address, counted in memory, each address on its own, and a bounded memory. */
class AddressLimitTest {
  private final TestClock clock = TestClock.at("2026-03-02T10:00:00Z");
  private final AddressLimit limit = new AddressLimit(3, Duration.ofMinutes(1), 100, clock);

  @Test
  void anAddressIsRefusedPastItsAllowanceUntilTheWindowEnds() {
    for (int i = 0; i < 3; i++) {
      assertThat(limit.refuse("192.0.2.1")).isEmpty();
    }
    clock.advance(Duration.ofSeconds(20));

    assertThat(limit.refuse("192.0.2.1")).contains(Duration.ofSeconds(40));
    assertThat(limit.refuse("192.0.2.2")).as("another address").isEmpty();
    clock.advance(Duration.ofSeconds(40));
    assertThat(limit.refuse("192.0.2.1")).isEmpty();
  }

  @Test
  void anIpv6SubscriberCountsOnceForTheirWholeSlash64() {
    for (int i = 1; i <= 3; i++) {
      assertThat(limit.refuse("2001:db8:1:2::" + i)).isEmpty();
    }

    assertThat(limit.refuse("2001:db8:1:2:ffff:ffff:ffff:ffff")).isPresent();
    assertThat(limit.refuse("2001:db8:1:3::1")).as("another /64").isEmpty();
    assertThat(AddressLimit.key("2001:0db8:0001:0002:0000:0000:0000:0001"))
        .isEqualTo(AddressLimit.key("2001:db8:1:2::9"));
  }

  @Test
  void whenEveryPlaceIsTakenANewAddressWaitsUntilOneFreesUp() {
    AddressLimit small = new AddressLimit(3, Duration.ofMinutes(1), 2, clock);
    assertThat(small.refuse("192.0.2.1")).isEmpty();
    assertThat(small.refuse("192.0.2.2")).isEmpty();

    assertThat(small.refuse("192.0.2.3")).isPresent();
    assertThat(small.refuse("192.0.2.1")).as("a tracked address goes on").isEmpty();
    clock.advance(Duration.ofMinutes(1));
    assertThat(small.refuse("192.0.2.3")).isEmpty();
  }
}
