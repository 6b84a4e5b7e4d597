/**
 * Coaching that adapts to people: study buddies paired by stage every Monday, a pause for members
 * who let five nudges in a row go unanswered, holidays (a channel's, and a member's away status)
 * that skip nudges and keep streaks, and the evening warning before a streak breaks. Uses {@code
 * journey}, {@code member}, {@code delivery} and the vocabulary; {@code progress} and {@code lead}
 * use it for the daily nudge and the daily post.
 */
package io.roadmapcoach.core.coaching;
