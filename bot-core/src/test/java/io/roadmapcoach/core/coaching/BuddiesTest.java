package io.roadmapcoach.core.coaching;

import static io.roadmapcoach.db.schema.Tables.MEMBER;
import static org.assertj.core.api.Assertions.assertThat;

import io.roadmapcoach.core.caller.Caller;
import io.roadmapcoach.core.delivery.Delivery;
import io.roadmapcoach.core.testing.CoachFixture;
import io.roadmapcoach.core.testing.TableSnapshot;
import io.roadmapcoach.db.testing.PostgresExtension;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Study buddies through the coach on PostgreSQL: members of #general ask for a buddy, and on Monday
 * at 08:00 in the channel's time zone (UTC here) each gets a direct message introducing theirs. The
 * clock starts on Monday 2 March 2026, so the first pairing is on 9 March.
 */
@ExtendWith(PostgresExtension.class)
class BuddiesTest {
  private static final String FIRST_PAIRING = "2026-03-09T08:00:00Z";
  private static final String SECOND_PAIRING = "2026-03-16T08:00:00Z";

  private CoachFixture f;
  private Caller lee;

  @BeforeEach
  void aChannelWithALead() {
    f = CoachFixture.builtIn();
    lee = f.caller("lee", "UTC");
    f.say(lee, "start");
  }

  /** Members who start in #general and ask for a buddy. */
  private Caller seeker(String name, String zone) {
    Caller caller = f.caller(name, zone);
    f.say(caller, "start");
    f.say(caller, "buddy on");
    return caller;
  }

  private Caller seeker(String name) {
    return seeker(name, "UTC");
  }

  /** Each introduced member's name, with the buddies their introduction names. */
  private static Map<String, String> introductions(List<Delivery> sent) {
    Map<String, String> buddies = new TreeMap<>();
    for (Delivery d : sent) {
      String text = d.reply().plainText();
      String marker = " this week: ";
      if (text.startsWith("🤝 Your study budd") && d.target() instanceof Delivery.Direct to) {
        int at = text.indexOf(marker) + marker.length();
        buddies.put(to.memberName(), text.substring(at, text.indexOf('\n', at)));
      }
    }
    return buddies;
  }

  private static String textTo(List<Delivery> sent, String member) {
    return sent.stream()
        .filter(d -> d.target() instanceof Delivery.Direct to && to.memberName().equals(member))
        .map(d -> d.reply().plainText())
        .reduce("", (a, b) -> a + b + "\n");
  }

  @Test
  void membersOnTheSameStagePairUpFirst() {
    seeker("ana");
    seeker("bob");
    seeker("cy");
    seeker("dan");
    f.say(lee, "set-stage @cy 3");
    f.say(lee, "set-stage @dan 3");

    List<Delivery> sent = f.tick(FIRST_PAIRING);

    assertThat(introductions(sent))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("ana", "bob", "bob", "ana", "cy", "dan", "dan", "cy"));
    assertThat(textTo(sent, "cy"))
        .contains("dan: stage 3 of 15, Data Wrangling & Preprocessing: objective 1 next (")
        .contains("/roadmap buddy off");
    assertThat(introductions(sent)).doesNotContainKey("lee");
  }

  @Test
  void anOddOneOutJoinsAPairAsATrio() {
    seeker("ana");
    seeker("bob");
    seeker("cy");

    Map<String, String> introduced = introductions(f.tick(FIRST_PAIRING));

    assertThat(introduced).containsOnlyKeys("ana", "bob", "cy");
    assertThat(introduced.values()).allMatch(names -> names.contains(" and "));
    assertThat(introduced.get("ana")).contains("bob").contains("cy");
  }

  @Test
  void nobodyGetsLastWeeksBuddyWhenAnotherIsThere() {
    for (String name : List.of("ana", "bob", "cy", "dan")) {
      seeker(name);
    }
    Map<String, String> firstWeek = introductions(f.tick(FIRST_PAIRING));

    Map<String, String> secondWeek = introductions(f.tick(SECOND_PAIRING));

    assertThat(firstWeek).hasSize(4);
    assertThat(secondWeek).hasSize(4);
    secondWeek.forEach(
        (member, buddy) ->
            assertThat(buddy).as("%s's buddy", member).isNotEqualTo(firstWeek.get(member)));
  }

  @Test
  void membersSnoozedOnMondayOrWithRemindersOffOrPausedAreLeftOut() {
    seeker("ana");
    seeker("bob");
    Caller cy = seeker("cy");
    Caller dan = seeker("dan");
    f.at("2026-03-08T12:00:00Z").say(cy, "snooze 3d");
    f.say(dan, "remind off");

    Map<String, String> introduced = introductions(f.tick(FIRST_PAIRING));

    assertThat(introduced).containsExactlyInAnyOrderEntriesOf(Map.of("ana", "bob", "bob", "ana"));
  }

  @Test
  void buddiesWhoseRemindersComeAtTheSameHourArePreferred() {
    // 09:00 local: 08:00 UTC in Berlin and Paris, 00:00 UTC in Tokyo and Seoul
    seeker("ana", "Europe/Berlin");
    seeker("bob", "Asia/Tokyo");
    seeker("cy", "Europe/Paris");
    seeker("dan", "Asia/Seoul");

    Map<String, String> introduced = introductions(f.tick(FIRST_PAIRING));

    assertThat(introduced)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("ana", "cy", "cy", "ana", "bob", "dan", "dan", "bob"));
  }

  @Test
  void theDailyNudgeSaysWhatTheBuddyDidYesterday() {
    Caller ana = seeker("ana");
    Caller bob = seeker("bob");
    f.tick(FIRST_PAIRING);
    f.at("2026-03-09T12:00:00Z").say(bob, "done 2");

    List<Delivery> tuesday = f.tick("2026-03-10T09:00:00Z");

    assertThat(textTo(tuesday, "ana"))
        .contains("🤝 Your buddy bob finished objective 2 yesterday.");
    assertThat(textTo(tuesday, "bob"))
        .contains("🤝 Your buddy ana is on stage 1, objective 1 next.");
    assertThat(f.say(ana, "buddy").plainText())
        .contains("Your study buddy this week: bob")
        .contains("bob: stage 1 of 15")
        .contains("objective 1 next")
        .contains("Yesterday they finished objective 2.");
  }

  @Test
  void aBuddyWhoLeavesIsAnnouncedAndTheOtherIsRematchedNextMonday() {
    Caller ana = seeker("ana");
    Caller bob = seeker("bob");
    f.tick(FIRST_PAIRING);

    f.at("2026-03-11T10:00:00Z").say(bob, "leave");
    List<Delivery> told = f.deliver();

    assertThat(textTo(told, "ana"))
        .contains("bob left #general. You have no buddy for the rest of this week;")
        .contains("new pairs are made on Monday");
    assertThat(f.say(ana, "buddy").plainText()).contains("No buddy this week any more");
    Caller cy = seeker("cy");
    assertThat(introductions(f.tick(SECOND_PAIRING)))
        .containsExactlyInAnyOrderEntriesOf(Map.of("ana", "cy", "cy", "ana"));
  }

  @Test
  void aBuddyWhoSnoozesIsAnnouncedAndTheTrioGoesOn() {
    seeker("ana");
    seeker("bob");
    Caller cy = seeker("cy");
    f.tick(FIRST_PAIRING);

    f.at("2026-03-10T10:00:00Z").say(cy, "snooze 2d");
    List<Delivery> told = f.deliver();

    assertThat(textTo(told, "ana")).contains("cy is taking a break from the roadmap.");
    assertThat(textTo(told, "ana")).contains("bob is still with you this week");
    assertThat(textTo(told, "bob")).contains("ana is still with you this week");
    assertThat(textTo(told, "cy")).isEmpty();
  }

  @Test
  void aBuddyWhoseDataIsErasedIsAnnouncedWithoutTheirName() {
    seeker("ana");
    Caller bob = seeker("bob");
    f.tick(FIRST_PAIRING);

    f.dsl().deleteFrom(MEMBER).where(MEMBER.ID.eq(f.memberId(bob))).execute();
    List<Delivery> told = f.tick("2026-03-10T07:00:00Z");

    assertThat(textTo(told, "ana"))
        .contains("Your study buddy is no longer on the roadmap. You have no buddy");
    assertThat(f.tick("2026-03-10T07:05:00Z")).as("told once").isEmpty();
  }

  @Test
  void buddyOffStopsThePairingAndTellsTheBuddy() {
    Caller ana = seeker("ana");
    seeker("bob");
    f.tick(FIRST_PAIRING);

    assertThat(f.say(ana, "buddy off").plainText()).contains("No more study buddies for you");

    assertThat(textTo(f.deliver(), "bob")).contains("ana stopped pairing up.");
    assertThat(f.say(ana, "buddy").plainText()).contains("You have no study buddy");
    assertThat(introductions(f.tick(SECOND_PAIRING))).isEmpty();
  }

  @Test
  void onAMondayAfterEightTheReplySaysThisWeeksPairingRunsLateAndItDoes() {
    f.at("2026-03-02T13:44:00Z");
    Caller ana = seeker("ana");
    seeker("bob");

    assertThat(f.say(ana, "buddy").plainText())
        .contains("this week's pairing runs late: today at 13:45.");
    assertThat(introductions(f.tick("2026-03-02T13:45:00Z")))
        .containsExactlyInAnyOrderEntriesOf(Map.of("ana", "bob", "bob", "ana"));
  }

  @Test
  void aMemberAskingOnTuesdayIsPairedOnMondayAsTheReplySays() {
    f.at("2026-03-03T10:00:00Z");
    Caller ana = seeker("ana");
    seeker("bob");

    assertThat(f.say(ana, "buddy").plainText())
        .contains(
            "No buddy this week: you will be paired on Monday at 08:00 (9 Mar, #general's time, UTC).");
    assertThat(introductions(f.tick("2026-03-03T10:05:00Z"))).isEmpty();
    assertThat(introductions(f.tick(FIRST_PAIRING))).hasSize(2);
  }

  @Test
  void afterThisWeeksPairingTheReplyAndTheNoticeNameNextMondaysDate() {
    Caller ana = seeker("ana");
    Caller bob = seeker("bob");
    f.tick(FIRST_PAIRING);
    Caller dan = f.at("2026-03-09T13:44:00Z").caller("dan", "UTC");
    f.say(dan, "start");
    f.say(dan, "buddy on");

    assertThat(f.say(dan, "buddy").plainText())
        .contains("you will be paired on Monday at 08:00 (16 Mar, #general's time, UTC).");
    assertThat(introductions(f.tick("2026-03-09T13:45:00Z"))).isEmpty();
    f.at("2026-03-11T10:00:00Z").say(bob, "leave");
    assertThat(textTo(f.deliver(), "ana"))
        .contains("new pairs are made on Monday at 08:00 (16 Mar, #general's time, UTC).");
    assertThat(f.say(ana, "status").plainText()).contains("Buddy pairing: Mon 16 Mar 08:00");
  }

  @Test
  void buddyBeforeStartSaysToStartFirstAndStoresNothing() {
    Caller zoe = f.caller("zoe", "UTC");
    f.say(zoe, "status");
    TableSnapshot before = f.snapshot();

    String on = f.say(zoe, "buddy on").plainText();
    String shown = f.say(zoe, "buddy").plainText();

    assertThat(on).contains("start first: /roadmap start").contains("/roadmap buddy on");
    assertThat(shown).isEqualTo(on);
    assertThat(f.snapshot()).isEqualTo(before);
  }

  @Test
  void buddyOnSaysWhenPairingHappensAndWhatKeepsAMemberOut() {
    Caller ana = f.caller("ana", "UTC");
    f.say(ana, "start");
    f.say(ana, "remind off");

    assertThat(f.say(ana, "buddy on").plainText())
        .contains("every Monday at 08:00 (#general's time, UTC)")
        .contains("Your reminders are off");
    assertThat(f.say(ana, "buddy").plainText())
        .contains("No buddy this week: you will be paired on Monday at 08:00");
  }
}
