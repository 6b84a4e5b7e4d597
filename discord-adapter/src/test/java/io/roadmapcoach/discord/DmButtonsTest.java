package io.roadmapcoach.discord;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DmButtonsTest {

  @Test
  void aDirectMessageButtonCarriesItsGuildAndTheCoresIdVerbatim() {
    String id = DmButtons.wrap("200000000000000002", "rc:a:17:2:3");

    assertThat(id).isEqualTo("g200000000000000002|rc:a:17:2:3");
    assertThat(DmButtons.unwrap(id))
        .contains(new DmButtons.Routed("200000000000000002", "rc:a:17:2:3"));
    assertThat(DmButtons.actionId(id)).isEqualTo("rc:a:17:2:3");
  }

  @Test
  void idsWithoutARouteAreLeftAlone() {
    assertThat(DmButtons.unwrap("rc:q")).isEmpty();
    assertThat(DmButtons.unwrap("gabc|rc:q")).isEmpty();
    assertThat(DmButtons.unwrap("g1|")).isEmpty();
    assertThat(DmButtons.unwrap(null)).isEmpty();
    assertThat(DmButtons.actionId("rc:q")).isEqualTo("rc:q");
  }
}
