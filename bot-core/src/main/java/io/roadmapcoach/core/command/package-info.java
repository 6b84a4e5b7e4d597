/**
 * The coach: parses {@code /roadmap ...} text, answers help and bad input, and hands each command
 * to its feature in one transaction.
 */
package io.roadmapcoach.core.command;
