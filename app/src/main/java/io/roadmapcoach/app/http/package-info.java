/** The HTTP server: Slack's events, health and metrics. */
package io.roadmapcoach.app.http;
