/**
 * Coaching that adapts to people: study buddies paired by stage every Monday, a pause for members
 * who let five nudges in a row go unanswered, holidays and away days that skip nudges and keep
 * streaks, and the evening warning before a streak breaks.
 */
package io.roadmapcoach.core.coaching;
