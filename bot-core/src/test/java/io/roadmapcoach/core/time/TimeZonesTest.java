package io.roadmapcoach.core.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class TimeZonesTest {

  @Test
  void areaCityNamesAreFoundInAnyLetterCase() {
    assertThat(TimeZones.parse("Pacific/Auckland")).contains(ZoneId.of("Pacific/Auckland"));
    assertThat(TimeZones.parse(" america/los_angeles ")).contains(ZoneId.of("America/Los_Angeles"));
    assertThat(TimeZones.parse("utc")).contains(ZoneId.of("UTC"));
  }

  @Test
  void abbreviationsOffsetsAndInventedPlacesAreNotZones() {
    assertThat(TimeZones.parse("Mars/Olympus")).isEmpty();
    assertThat(TimeZones.parse("CET")).isEmpty();
    assertThat(TimeZones.parse("+02:00")).isEmpty();
    assertThat(TimeZones.parse("Etc/GMT+2")).isEmpty();
    assertThat(TimeZones.parse("")).isEmpty();
  }

  @Test
  void aCityAloneSuggestsItsZone() {
    assertThat(TimeZones.suggest("berlin")).contains("Europe/Berlin");
    assertThat(TimeZones.suggest("Los Angeles")).contains("America/Los_Angeles");
    assertThat(TimeZones.suggest("Mars/Olympus")).isEmpty();
    assertThat(TimeZones.suggest("/")).isEmpty();
  }

  @Test
  void matchingListsZonesContainingTheFragmentUpToALimit() {
    assertThat(TimeZones.matching("auck", 5)).containsExactly("Pacific/Auckland");
    assertThat(TimeZones.matching("america/", 3)).hasSize(3);
  }
}
