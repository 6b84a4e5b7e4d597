/**
 * A member's journey on the roadmap: enrollment, objectives done, points, streaks, and the event
 * ledger that records every change. Uses {@code member} and the vocabulary.
 */
package io.roadmapcoach.core.journey;
