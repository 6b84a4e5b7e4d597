/**
 * The engine of scheduled work: a {@link io.roadmapcoach.core.schedule.Routine} is named work with
 * a cadence, contributed by the feature it belongs to; {@link
 * io.roadmapcoach.core.schedule.Routines} runs the list (the console's clock minute by minute) and
 * Quartz fires it on one instance of a cluster.
 */
package io.roadmapcoach.core.schedule;
