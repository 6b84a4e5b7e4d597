package io.roadmapcoach.slack.events;

import io.roadmapcoach.core.caller.Platform;
import io.roadmapcoach.core.member.Workspaces;

/**
 * Each Events API delivery is handled once: its {@code event_id} is claimed in the database before
 * it is handled, so a retry (Slack resends with {@code X-Slack-Retry-Num} when an answer was slow
 * or lost) is acknowledged and dropped, on every instance behind a load balancer.
 */
public final class EventClaims {
  private final Workspaces workspaces;

  public EventClaims(Workspaces workspaces) {
    this.workspaces = workspaces;
  }

  boolean first(String eventId) {
    return eventId == null || workspaces.firstDelivery(Platform.SLACK, eventId);
  }
}
