/**
 * What the core tells an operator about its own work (commands answered, routines run, misfires),
 * through a port the app implements with its metrics library.
 */
package io.roadmapcoach.core.observe;
