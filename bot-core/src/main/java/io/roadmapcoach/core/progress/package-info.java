/**
 * The member's own progress commands (start, status, stages, done, undo, next) and the wording of
 * the daily nudge. Uses {@code quiz}, {@code journey}, {@code member}, {@code delivery} and the
 * vocabulary.
 */
package io.roadmapcoach.core.progress;
