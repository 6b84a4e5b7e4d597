/**
 * What the Events API tells the app: the App Home opened, the app uninstalled or its token revoked,
 * events from workspaces without an installation; each event handled once ({@code EventClaims}).
 */
package io.roadmapcoach.slack.events;
