package io.roadmapcoach.core.leaderboard;

import io.roadmapcoach.core.member.Member;
import io.roadmapcoach.core.progress.Enrollment;

/** One member's line on a leaderboard. */
public record Standing(int rank, Member member, Enrollment enrollment, int points) {}
