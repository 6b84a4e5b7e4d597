/**
 * When things happen: the named routines (nudge sweep, weekly quiz, housekeeping) and Quartz, which
 * fires them on one instance of a cluster. Uses {@code delivery}, {@code member} and the
 * vocabulary.
 */
package io.roadmapcoach.core.schedule;
