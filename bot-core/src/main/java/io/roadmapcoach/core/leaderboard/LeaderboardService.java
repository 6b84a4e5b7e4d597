package io.roadmapcoach.core.leaderboard;

import io.roadmapcoach.core.journey.RoadmapLibrary;
import io.roadmapcoach.core.journey.StreakView;
import io.roadmapcoach.core.journey.Streaks;
import io.roadmapcoach.core.member.Channel;
import io.roadmapcoach.core.member.MemberRepository;
import io.roadmapcoach.core.member.Memberships;
import io.roadmapcoach.core.member.Scope;
import io.roadmapcoach.core.reply.Reply;
import io.roadmapcoach.core.reply.Text;
import io.roadmapcoach.core.reply.Visibility;
import io.roadmapcoach.core.time.Dates;
import io.roadmapcoach.core.time.Times;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The channel's leaderboards. Names, never mentions: a board posted to the channel must not ping
 * ten people.
 */
public final class LeaderboardService {
  public static final int TOP = 10;

  private final RoadmapLibrary roadmaps;
  private final LeaderboardRepository boards;
  private final MemberRepository members;
  private final Memberships memberships;

  public LeaderboardService(
      RoadmapLibrary roadmaps,
      LeaderboardRepository boards,
      MemberRepository members,
      Memberships memberships) {
    this.roadmaps = roadmaps;
    this.boards = boards;
    this.members = members;
    this.memberships = memberships;
  }

  /** Leaves the boards ({@code hidden}) or comes back to them. */
  public Reply visibility(Scope scope, boolean hidden) {
    if (scope.member().hiddenFromLeaderboard() == hidden) {
      return Reply.text(
          hidden
              ? Text.of("🙈 You are off the leaderboards already. ")
                  .code(LeaderboardFeature.LEADERBOARD.hint("show"))
                  .plain(" puts you back.")
              : Text.of("🏆 You are on the leaderboards already. ")
                  .code(LeaderboardFeature.LEADERBOARD.hint("hide"))
                  .plain(" takes you off them."));
    }
    members.setHidden(scope.member().id(), hidden);
    return Reply.text(
        hidden
            ? Text.of("🙈 You are off the leaderboards. ")
                .code(LeaderboardFeature.LEADERBOARD.hint("show"))
                .plain(" puts you back.")
            : Text.of("🏆 You are back on the leaderboards."));
  }

  public Reply board(Scope scope, Period period) {
    Channel channel = scope.channel();
    LocalDate week = Times.weekStart(scope.now().atZone(channel.zoneOrUtc()).toLocalDate());
    List<Standing> top = boards.top(channel.id(), period, week, TOP);
    String title =
        period == Period.WEEK
            ? "🏆 #"
                + channel.name()
                + " this week ("
                + Dates.day(week)
                + " to "
                + Dates.day(week.plusDays(6))
                + ")"
            : "🏆 #" + channel.name() + " of all time";
    Reply.Builder reply = Reply.builder().header(title).visibleTo(Visibility.CHANNEL);
    if (top.isEmpty()) {
      reply.section(
          period == Period.WEEK
              ? Text.of("No points yet this week. The first objective checked off leads the board!")
              : Text.of("Nobody here has points yet. ").code("/roadmap start").plain(" to join."));
      return reply.build();
    }
    StringBuilder lines = new StringBuilder();
    for (Standing s : top) {
      lines.append(line(s, scope)).append('\n');
    }
    reply.section(Text.of(lines.toString().stripTrailing()));
    boolean callerListed = top.stream().anyMatch(s -> s.member().id() == scope.member().id());
    // the board is posted to the channel: someone outside it is not named under it
    if (!callerListed && memberships.isMember(channel.id(), scope.member().id())) {
      Optional<Standing> own = boards.standingOf(channel.id(), period, week, scope.member().id());
      // the board is posted to the channel: the caller is named as a line of it, not as "you"
      reply.context(
          own.map(s -> Text.of("… " + line(s, scope))).orElseGet(() -> notOnBoard(scope)));
    }
    Text footer =
        Text.empty()
            .code(LeaderboardFeature.LEADERBOARD.hint(period == Period.WEEK ? "all" : "week"))
            .plain(period == Period.WEEK ? " for all time · " : " for this week · ")
            .code(LeaderboardFeature.LEADERBOARD.hint("hide"))
            .plain(" to leave the boards");
    return reply.context(footer).build();
  }

  /** Why the caller has no line: a member who hid must not read that they have no points yet. */
  private static Text notOnBoard(Scope scope) {
    if (scope.member().hiddenFromLeaderboard()) {
      return Text.of("You are hidden from the leaderboards; ")
          .code(LeaderboardFeature.LEADERBOARD.hint("show"))
          .plain(" puts you back.");
    }
    return Text.of("Not on this board yet: " + scope.member().displayName() + ".");
  }

  private String line(Standing s, Scope scope) {
    String medal =
        switch (s.rank()) {
          case 1 -> "🥇";
          case 2 -> "🥈";
          case 3 -> "🥉";
          default -> s.rank() + ".";
        };
    var member = s.member();
    LocalDate today = scope.now().atZone(member.zone(scope.channel())).toLocalDate();
    StreakView streak =
        Streaks.asOf(s.enrollment().streak(), today, s.enrollment().activeOn(today), member);
    String stage =
        s.enrollment().graduated()
            ? "graduated 🎓"
            : "stage "
                + s.enrollment().stage()
                + "/"
                + roadmaps.of(s.enrollment().roadmapId()).stageCount();
    return medal
        + " "
        + member.displayName()
        + " · "
        + s.points()
        + " pts · "
        + stage
        + (streak.days() > 0 ? " · 🔥 " + streak.days() : "");
  }
}
