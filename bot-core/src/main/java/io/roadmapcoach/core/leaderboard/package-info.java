/** The channel's boards by points, this week and all time. */
package io.roadmapcoach.core.leaderboard;
