/**
 * The core's replies as Block Kit and mrkdwn, within Slack's limits, and the few replies the
 * adapter writes itself.
 */
package io.roadmapcoach.slack.render;
