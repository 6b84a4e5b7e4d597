package io.roadmapcoach.core.lead;

import io.roadmapcoach.core.journey.Enrollment;
import io.roadmapcoach.core.member.Member;
import java.util.Optional;

/**
 * One member of a channel as a lead sees them.
 *
 * @param lead whether they are a named lead of the channel
 */
public record TeamRow(
    Member member,
    Enrollment enrollment,
    int objectivesDone,
    Optional<String> lastQuizScore,
    boolean lead) {}
