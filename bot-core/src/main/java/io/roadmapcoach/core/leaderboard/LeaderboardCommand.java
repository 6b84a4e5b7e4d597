package io.roadmapcoach.core.leaderboard;

import io.roadmapcoach.core.feature.Command;

/** The channel's boards, and a member's place on them. */
public sealed interface LeaderboardCommand extends Command {

  record Leaderboard(Period period) implements LeaderboardCommand {}

  record LeaderboardVisibility(boolean hidden) implements LeaderboardCommand {}
}
