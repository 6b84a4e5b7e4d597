package io.roadmapcoach.core.leaderboard;

import io.roadmapcoach.core.feature.Choice;
import io.roadmapcoach.core.feature.CommandDeclaration;
import io.roadmapcoach.core.feature.Feature;
import io.roadmapcoach.core.feature.Slash;
import io.roadmapcoach.core.feature.SlashOption;
import io.roadmapcoach.core.feature.Words;
import io.roadmapcoach.core.leaderboard.LeaderboardCommand.Leaderboard;
import io.roadmapcoach.core.leaderboard.LeaderboardCommand.LeaderboardVisibility;
import java.util.List;

/** The channel's boards ({@code leaderboard [week|all]}), and leaving or rejoining them. */
public final class LeaderboardFeature implements Feature {
  public static final Words LEADERBOARD = Words.of("leaderboard").or("board");

  private final LeaderboardService boards;

  public LeaderboardFeature(LeaderboardService boards) {
    this.boards = boards;
  }

  @Override
  public List<CommandDeclaration<?>> commands() {
    return List.of(
        CommandDeclaration.of(Leaderboard.class, LEADERBOARD)
            .grammar(
                Choice.<Leaderboard>of()
                    .orNone(new Leaderboard(Period.WEEK))
                    .word("week", new Leaderboard(Period.WEEK))
                    .word("all", new Leaderboard(Period.ALL_TIME), "all-time", "alltime"))
            .usage("[week|all]", "the channel's top members")
            // one subcommand for both: the core refuses a period and a visibility together
            .slash(
                Slash.of(
                    LEADERBOARD,
                    "The channel's top members, or leave and rejoin the boards",
                    SlashOption.choice(
                        "period", "Which board", false, "This week", "week", "All time", "all"),
                    SlashOption.choice(
                        "me",
                        "Hide yourself from the boards, or show again",
                        false,
                        "Hide me",
                        "hide",
                        "Show me",
                        "show")))
            .likelyPublic()
            .handledBy((scope, c) -> boards.board(scope, c.period())),
        CommandDeclaration.of(LeaderboardVisibility.class, LEADERBOARD)
            .grammar(
                Choice.<LeaderboardVisibility>of()
                    .word("hide", new LeaderboardVisibility(true))
                    .word("show", new LeaderboardVisibility(false)))
            .usage("hide|show", "leave or rejoin the leaderboards")
            .needsMember()
            .handledBy((scope, c) -> boards.visibility(scope, c.hidden())));
  }
}
