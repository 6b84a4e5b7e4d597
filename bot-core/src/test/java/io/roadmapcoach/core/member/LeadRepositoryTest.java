package io.roadmapcoach.core.member;

import static org.assertj.core.api.Assertions.assertThat;

import io.roadmapcoach.core.testing.CoachFixture;
import io.roadmapcoach.db.testing.PostgresExtension;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class LeadRepositoryTest {
  private static final Instant NOW = CoachFixture.MONDAY_MORNING;

  private final CoachFixture f = CoachFixture.builtIn();
  private final LeadRepository leads = f.services().leads();
  private long ana;
  private long bob;
  private long general;

  @BeforeEach
  void anaAndBobAreKnown() {
    f.say(f.caller("ana"), "tz UTC"); // known by a setting: reading stores nobody
    f.say(f.caller("bob"), "tz UTC");
    ana = f.memberId(f.caller("ana"));
    bob = f.memberId(f.caller("bob"));
    general = f.channelId("general");
  }

  @Test
  void onlyTheFirstClaimOfALeaderlessChannelWins() {
    assertThat(leads.claimIfLeaderless(general, ana, NOW)).isTrue();
    assertThat(leads.claimIfLeaderless(general, bob, NOW)).isFalse();

    assertThat(leads.isLead(general, ana)).isTrue();
    assertThat(leads.isLead(general, bob)).isFalse();
  }

  @Test
  void aNamedLeadIsAddedAndRemovedOnce() {
    assertThat(leads.add(general, bob, Optional.of(ana), NOW)).isTrue();
    assertThat(leads.add(general, bob, Optional.of(ana), NOW)).isFalse();
    assertThat(leads.claimIfLeaderless(general, ana, NOW)).as("no longer leaderless").isFalse();

    assertThat(leads.remove(general, bob)).isTrue();
    assertThat(leads.remove(general, bob)).isFalse();
  }

  @Test
  void leadNamesComeInTheOrderTheyWereNamed() {
    leads.add(general, bob, Optional.empty(), NOW);
    leads.add(general, ana, Optional.empty(), NOW.plusSeconds(60));

    assertThat(leads.leadNames(general)).containsExactly("bob", "ana");
  }
}
