package io.roadmapcoach.core.leaderboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.roadmapcoach.core.caller.Caller;
import io.roadmapcoach.core.reply.Block;
import io.roadmapcoach.core.reply.Reply;
import io.roadmapcoach.core.reply.Visibility;
import io.roadmapcoach.core.testing.CoachFixture;
import io.roadmapcoach.core.testing.TableSnapshot;
import io.roadmapcoach.db.testing.PostgresExtension;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The channel's boards: ranking, weeks, ties, hiding, and names rather than mentions. */
@ExtendWith(PostgresExtension.class)
class LeaderboardServiceTest {
  private final CoachFixture f = CoachFixture.builtIn();
  private final Caller ana = f.caller("ana");
  private final Caller bob = f.caller("bob");
  private final Caller cy = f.caller("cy");

  /** The board's ranked lines, one per member. */
  private static List<String> lines(Reply board) {
    return board.blocks().stream()
        .filter(Block.Section.class::isInstance)
        .flatMap(b -> ((Block.Section) b).text().plainText().lines())
        .filter(line -> line.contains(" pts · "))
        .toList();
  }

  /** The member names of the board's lines, in rank order. */
  private static List<String> names(Reply board) {
    List<String> names = new ArrayList<>();
    for (String line : lines(board)) {
      names.add(line.split(" · ")[0].replaceFirst("^\\S+ ", ""));
    }
    return names;
  }

  private void doneObjectives(Caller caller, int count) {
    for (int n = 1; n <= count; n++) {
      f.say(caller, "done " + n);
    }
  }

  @Test
  void theWeekBoardRanksByPointsThisWeekWithMedalsAndIsPostedToTheChannel() {
    f.say(ana, "start");
    f.say(bob, "start");
    f.say(cy, "start");
    doneObjectives(bob, 3);
    doneObjectives(ana, 1);
    doneObjectives(cy, 2);

    Reply board = f.say(ana, "leaderboard");

    assertThat(board.visibility()).isEqualTo(Visibility.CHANNEL);
    assertThat(board.plainText()).startsWith("🏆 #general this week (Mon 2 Mar to Sun 8 Mar)");
    assertThat(lines(board))
        .containsExactly(
            "🥇 bob · 30 pts · stage 1/15 · 🔥 1",
            "🥈 cy · 20 pts · stage 1/15 · 🔥 1",
            "🥉 ana · 10 pts · stage 1/15 · 🔥 1");
  }

  @Test
  void theAllTimeBoardCountsEveryWeekAndTheWeekBoardOnlyThisOne() {
    f.say(ana, "start");
    f.say(bob, "start");
    doneObjectives(ana, 3);
    f.after(Duration.ofDays(7));
    doneObjectives(bob, 1);

    assertThat(names(f.say(bob, "leaderboard week"))).containsExactly("bob");
    assertThat(names(f.say(bob, "leaderboard all"))).containsExactly("ana", "bob");
    assertThat(f.say(bob, "leaderboard all").plainText()).startsWith("🏆 #general of all time");
  }

  @Test
  void tiesRankWhoeverReachedTheScoreFirst() {
    f.say(ana, "start");
    f.say(bob, "start");
    f.say(cy, "start");
    f.say(cy, "done 1");
    f.after(Duration.ofMinutes(1)).say(ana, "done 1");
    f.after(Duration.ofMinutes(1)).say(bob, "done 1");

    assertThat(names(f.say(ana, "leaderboard"))).containsExactly("cy", "ana", "bob");
    assertThat(names(f.say(ana, "leaderboard all"))).containsExactly("cy", "ana", "bob");
  }

  @Test
  void reachingTheSameScoreAgainLaterLosesTheTie() {
    f.say(ana, "start");
    f.say(bob, "start");
    doneObjectives(ana, 1);
    f.after(Duration.ofMinutes(1));
    doneObjectives(bob, 2);
    f.after(Duration.ofMinutes(1)).say(bob, "undo 2"); // bob is back to 10, reached now

    assertThat(names(f.say(ana, "leaderboard all"))).containsExactly("ana", "bob");
  }

  @Test
  void theWeekFollowsTheChannelsTimeZone() {
    Caller kai = f.caller("kai", "Pacific/Auckland");
    f.say(kai, "start"); // #general takes Auckland time
    // Sunday 8 March 23:00 UTC is Monday 9 March, noon, in Auckland: a new week there
    f.at("2026-03-08T23:00:00Z").say(kai, "done 1");

    Reply board = f.say(kai, "leaderboard");

    assertThat(board.plainText()).startsWith("🏆 #general this week (Mon 9 Mar to Sun 15 Mar)");
    assertThat(names(board)).containsExactly("kai");
    // a day earlier in Auckland, the same points are last week's
    f.at("2026-03-08T10:00:00Z");
    assertThat(f.say(kai, "leaderboard").plainText()).contains("(Mon 2 Mar to Sun 8 Mar)");
    assertThat(names(f.say(kai, "leaderboard"))).isEmpty();
  }

  @Test
  void pointsFromTheLastMinuteOfSundayBelongToThatWeek() {
    f.say(ana, "start");
    f.at("2026-03-08T23:59:00Z").say(ana, "done 1");

    f.at("2026-03-09T00:00:00Z");

    assertThat(names(f.say(ana, "leaderboard"))).isEmpty();
    assertThat(f.say(ana, "leaderboard").plainText())
        .contains("No points yet this week. The first objective checked off leads the board!");
  }

  @Test
  void aHiddenMemberIsLeftOffUntilTheyShowAgain() {
    f.say(ana, "start");
    f.say(bob, "start");
    doneObjectives(ana, 2);
    doneObjectives(bob, 1);

    f.say(ana, "leaderboard hide");
    assertThat(names(f.say(bob, "leaderboard"))).containsExactly("bob");
    assertThat(names(f.say(bob, "leaderboard all"))).containsExactly("bob");
    assertThat(f.say(ana, "leaderboard").plainText())
        .contains("You are hidden from the leaderboards; /roadmap leaderboard show puts you back.");
    f.say(cy, "start");
    assertThat(f.say(cy, "leaderboard").plainText()).contains("Not on this board yet: cy.");

    f.say(ana, "leaderboard show");
    assertThat(names(f.say(bob, "leaderboard"))).containsExactly("ana", "bob");
  }

  @Test
  void theCallerOutsideTheTopTenSeesTheirOwnRank() {
    List<Caller> members = new ArrayList<>();
    for (int i = 1; i <= 12; i++) {
      Caller member = f.caller("m" + i);
      members.add(member);
      f.say(member, "start");
    }
    for (Caller member : members) { // each reaches 10 points a minute after the one before
      f.after(Duration.ofMinutes(1)).say(member, "done 1");
    }

    Reply board = f.say(members.get(11), "leaderboard");

    assertThat(lines(board)).hasSize(10);
    assertThat(names(board)).startsWith("m1", "m2").endsWith("m10");
    // the board is posted to the channel: the caller's own place reads as a line of it
    assertThat(board.plainText()).contains("… 12. m12 · 10 pts · stage 1/15");
    assertThat(f.say(members.get(0), "leaderboard").plainText()).doesNotContain("… ");
  }

  @Test
  void theCallersRankCountsMorePointsAndEarlierTiesButNoHiddenMemberAhead() {
    List<Caller> members = new ArrayList<>();
    for (int i = 1; i <= 12; i++) {
      Caller member = f.caller("m" + i);
      members.add(member);
      f.say(member, "start");
    }
    for (Caller member : members) { // each reaches 10 points a minute after the one before
      f.after(Duration.ofMinutes(1)).say(member, "done 1");
    }
    f.after(Duration.ofMinutes(1)).say(members.get(11), "done 2"); // m12 alone at 20 points
    f.say(members.get(0), "leaderboard hide");

    // m11 is behind m12 (more points) and m2..m10 (tied, earlier); m1, hidden, does not count
    for (String period : List.of("leaderboard", "leaderboard all")) {
      assertThat(f.say(members.get(10), period).plainText())
          .as(period)
          .contains("… 11. m11 · 10 pts · stage 1/15");
    }
  }

  @Test
  void boardsShowNamesNeverMentions() {
    Caller slackAna = f.member("U0ANA", "Ana Lima", Optional.of(ZoneId.of("UTC")), false);
    f.say(slackAna, "start");
    f.say(slackAna, "done 1");

    String board = f.say(slackAna, "leaderboard").plainText();

    assertThat(board).contains("🥇 Ana Lima · 10 pts");
    assertThat(board).doesNotContain("U0ANA").doesNotContain("<@").doesNotContain("@Ana");
  }

  @Test
  void aChannelBoardRanksOnlyMembersWhoEnrolledThere() {
    f.say(ana, "start");
    doneObjectives(ana, 1);
    CoachFixture random = f.in("random");
    Caller dan = random.caller("dan");
    random.say(dan, "start");
    random.say(dan, "done 1");

    assertThat(names(f.say(ana, "leaderboard"))).containsExactly("ana");
    assertThat(names(random.say(dan, "leaderboard"))).containsExactly("dan");
  }

  @Test
  void membersWithoutPointsAreNotRankedAndAnEmptyBoardInvitesMembersToStart() {
    f.say(ana, "start");

    assertThat(f.say(ana, "leaderboard all").plainText())
        .contains("Nobody here has points yet. /roadmap start to join.");
  }

  // ---- issue 23

  @Test
  void showingWhenNeverHiddenAndHidingWhenHiddenSayTheyChangeNothing() {
    f.say(ana, "start");
    TableSnapshot before = f.snapshot();

    assertThat(f.say(ana, "leaderboard show").plainText())
        .startsWith("🏆 You are on the leaderboards already.");
    assertThat(f.snapshot()).isEqualTo(before);

    f.say(ana, "leaderboard hide");
    TableSnapshot hidden = f.snapshot();
    assertThat(f.say(ana, "leaderboard hide").plainText())
        .startsWith("🙈 You are off the leaderboards already.")
        .contains("/roadmap leaderboard show puts you back.");
    assertThat(f.snapshot()).isEqualTo(hidden);
  }

  @Test
  void aBoardAskedForBySomeoneOutsideTheChannelDoesNotNameThemAndStoresNothing() {
    f.say(ana, "start");
    doneObjectives(ana, 1);
    Caller newbie = f.caller("newbie");
    TableSnapshot before = f.snapshot();

    Reply board = f.say(newbie, "leaderboard");

    assertThat(board.visibility()).isEqualTo(Visibility.CHANNEL);
    assertThat(names(board)).containsExactly("ana");
    assertThat(board.plainText()).doesNotContain("newbie").doesNotContain("Not on this board");
    assertThat(f.snapshot()).isEqualTo(before);
  }
}
