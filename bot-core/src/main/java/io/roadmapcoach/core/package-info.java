/**
 * The platform-neutral coach. {@link io.roadmapcoach.core.Core} assembles it; the packages below
 * are layered: the coach ({@code command}) on top, features in the middle, the shared vocabulary
 * ({@code caller}, {@code action}, {@code reply}, {@code roadmap}, {@code time}, {@code tx}) at the
 * bottom. No package cycle (an ArchUnit rule keeps it so).
 */
package io.roadmapcoach.core;
