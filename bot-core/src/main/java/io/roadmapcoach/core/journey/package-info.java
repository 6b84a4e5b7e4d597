/**
 * A member's journey on the roadmap: enrollment, objectives done, points, streaks, and the event
 * ledger that records every change.
 */
package io.roadmapcoach.core.journey;
