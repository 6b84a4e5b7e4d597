/**
 * Time-zone names and the conversions between database timestamps and the core's instants.
 * Vocabulary: uses nothing of the core.
 */
package io.roadmapcoach.core.time;
