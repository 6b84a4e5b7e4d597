package io.roadmapcoach.core.leaderboard;

import io.roadmapcoach.core.journey.Enrollment;
import io.roadmapcoach.core.member.Member;

/** One member's line on a leaderboard. */
public record Standing(int rank, Member member, Enrollment enrollment, int points) {}
