/**
 * The channel's boards by points, this week and all time. Uses {@code journey}, {@code member} and
 * the vocabulary.
 */
package io.roadmapcoach.core.leaderboard;
