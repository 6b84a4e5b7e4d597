/** Time-zone names and the conversions between database timestamps and the core's instants. */
package io.roadmapcoach.core.time;
