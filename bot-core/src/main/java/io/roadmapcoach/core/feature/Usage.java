package io.roadmapcoach.core.feature;

/**
 * One line of help: a form of a command and what it does.
 *
 * @param form how it is typed after {@code /roadmap}: {@code remind at HH:MM}
 * @param does one line on what it does
 */
public record Usage(String form, String does) {}
