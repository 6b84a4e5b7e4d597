package io.roadmapcoach.core.journey;

/**
 * A streak as of today.
 *
 * @param days consecutive study days (0 once broken)
 * @param todayDone whether today already has activity
 * @param freezeLeft whether this week's freeze is still unspent
 * @param atRisk whether skipping today would break a running streak
 */
public record StreakView(int days, boolean todayDone, boolean freezeLeft, boolean atRisk) {}
