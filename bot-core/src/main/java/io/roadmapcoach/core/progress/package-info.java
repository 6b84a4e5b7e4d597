/**
 * The member's own progress (start, status, stages, done, undo, next) and the daily nudge: the
 * sweep that finds it due and its wording.
 */
package io.roadmapcoach.core.progress;
