package io.roadmapcoach.core.privacy;

import java.util.List;
import java.util.Optional;

/**
 * What {@code forget-me} erased, for the answer that says so.
 *
 * @param handovers channels the member led alone, and who leads each now
 */
record Erased(Counts counts, List<Handover> handovers) {

  /** How many rows of each kind there were. */
  record Counts(
      int progressEvents,
      int quizAnswers,
      int channels,
      int leadRoles,
      int deliveries,
      boolean journey) {}

  /** A channel the member led alone: its earliest member leads it now, if it has any left. */
  record Handover(String channel, Optional<String> newLead) {}
}
