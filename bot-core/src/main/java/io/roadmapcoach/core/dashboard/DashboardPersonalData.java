package io.roadmapcoach.core.dashboard;

import io.roadmapcoach.core.member.PersonalData;
import java.util.Map;

/**
 * A lead's dashboard links and sessions name them but are no data of theirs to take: kept only as
 * hashes, briefly, and gone with the member's row.
 */
public final class DashboardPersonalData implements PersonalData {
  @Override
  public Map<String, String> leftOut() {
    return Map.of(
        "dashboard_link",
        "a lead's single-use sign-in links, kept only as hashes and for 15 minutes",
        "dashboard_session",
        "a lead's dashboard sessions, kept only as hashes and for 12 hours");
  }
}
