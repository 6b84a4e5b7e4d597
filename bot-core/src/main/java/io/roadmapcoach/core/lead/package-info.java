/**
 * What leads do for their channel: team reports, lead roles, channel settings, setting a member's
 * stage, the channel's daily post and the lead's weekly digest.
 */
package io.roadmapcoach.core.lead;
