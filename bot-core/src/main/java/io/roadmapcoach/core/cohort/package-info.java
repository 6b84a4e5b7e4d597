/**
 * Study groups: a member in several channels, leaving one, choosing the home channel that direct
 * messages act in, and a channel's settings for anyone to read.
 */
package io.roadmapcoach.core.cohort;
