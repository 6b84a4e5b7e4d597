/**
 * The coaching policy: for a member at an instant, what the coach sends them next and when (the
 * daily nudge, by DM or in which channel's post; the weekly quiz invitation; the evening warning;
 * the buddy pairing), and why not when nothing comes. Every reply that promises something reads
 * {@link io.roadmapcoach.core.policy.CoachingPolicy}, and the routines act on the same rules: in
 * Java where they decide in Java, and in SQL ({@link io.roadmapcoach.core.policy.PolicySql}) where
 * a routine claims in PostgreSQL for speed. A simulation in the tests holds the two together.
 *
 * <p>It sits below the features, so that each of the many that promise or act reads it without a
 * port to another feature; it reads members, journeys and the outbox, and nothing above them.
 */
package io.roadmapcoach.core.policy;
