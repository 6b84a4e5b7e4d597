/**
 * What the core tells an operator about its own work (commands answered, routines run, misfires),
 * through a port the app implements with its metrics library. Vocabulary: uses nothing of the core
 * but the caller's platform.
 */
package io.roadmapcoach.core.observe;
