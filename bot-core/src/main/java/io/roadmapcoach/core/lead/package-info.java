/**
 * What leads do for their channel: team reports, lead roles, channel settings, setting a member's
 * stage, and the channel's daily post. Uses {@code progress}, {@code journey}, {@code member},
 * {@code delivery} and the vocabulary.
 */
package io.roadmapcoach.core.lead;
