/**
 * The runnable: configuration, start-up and shut-down, and the wiring of the core with each
 * configured platform. The only module that sees everything.
 */
package io.roadmapcoach.app;
