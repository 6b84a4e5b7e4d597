/**
 * The platform-neutral coach, assembled by hand in {@link io.roadmapcoach.core.Core}. Its packages
 * are layered, each reaching only the floors below it; the floors and the few ports between
 * features are declared in the ArchUnit test ({@code ArchitectureTest}), the one place that says
 * who may use whom.
 */
package io.roadmapcoach.core;
