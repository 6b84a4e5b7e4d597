package io.roadmapcoach.core.lead;

import io.roadmapcoach.core.journey.Enrollment;
import io.roadmapcoach.core.member.Member;
import java.util.Optional;

/** One enrolled member as a lead sees them. */
public record TeamRow(
    Member member, Enrollment enrollment, int objectivesDone, Optional<String> lastQuizScore) {}
