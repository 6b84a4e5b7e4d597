package io.roadmapcoach.app.dashboard;

import io.roadmapcoach.core.dashboard.Charts;
import io.roadmapcoach.core.dashboard.DashboardAddress;
import io.roadmapcoach.core.dashboard.DashboardRepository;
import io.roadmapcoach.core.dashboard.DashboardService;
import io.roadmapcoach.core.lead.TeamCsv;
import io.roadmapcoach.core.lead.TeamRepository;
import io.roadmapcoach.core.quiz.QuizBank;
import io.roadmapcoach.core.roadmap.Roadmap;
import io.roadmapcoach.core.tx.Transactions;
import java.security.SecureRandom;
import java.time.Clock;
import org.jooq.DSLContext;

/** Builds the dashboard's service from the app's parts. */
public final class Dashboards {
  private Dashboards() {}

  public static DashboardService service(
      DSLContext dsl, Roadmap roadmap, QuizBank bank, Clock clock, DashboardAddress address) {
    return new DashboardService(
        roadmap,
        bank,
        new DashboardRepository(dsl),
        new TeamCsv(roadmap, new TeamRepository(dsl)),
        new Transactions(dsl),
        clock,
        new SecureRandom(),
        address,
        Charts.withBundledFont());
  }
}
