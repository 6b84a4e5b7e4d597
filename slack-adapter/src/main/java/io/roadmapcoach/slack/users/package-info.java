/**
 * Who a Slack user is, for the core's {@code Caller}: name, time zone, admin, direct conversations;
 * and their away status, from {@code users.info} and from {@code user_change}.
 */
package io.roadmapcoach.slack.users;
