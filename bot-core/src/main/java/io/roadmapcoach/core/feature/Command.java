package io.roadmapcoach.core.feature;

/**
 * Anything a member can ask of the coach. Each feature's commands are a sealed interface of records
 * extending this one, in the feature's own package (Java lets a sealed interface permit classes of
 * its own package only), and each record is declared once, by a {@link CommandDeclaration}.
 */
public interface Command {}
