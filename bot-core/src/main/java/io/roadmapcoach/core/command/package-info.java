/**
 * The coach: parses {@code /roadmap ...} text in one place, answers help and bad input, and
 * dispatches each command to its feature in one transaction. The top layer: may use every feature;
 * nothing in the core uses it.
 */
package io.roadmapcoach.core.command;
