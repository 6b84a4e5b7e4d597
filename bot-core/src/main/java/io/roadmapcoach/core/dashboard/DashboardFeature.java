package io.roadmapcoach.core.dashboard;

import io.roadmapcoach.core.dashboard.DashboardCommand.Dashboard;
import io.roadmapcoach.core.dashboard.DashboardCommand.TeamChart;
import io.roadmapcoach.core.feature.CommandDeclaration;
import io.roadmapcoach.core.feature.Feature;
import io.roadmapcoach.core.feature.Slash;
import io.roadmapcoach.core.feature.Words;
import io.roadmapcoach.core.lead.LeadFeature;
import java.util.List;

/**
 * The leads' view of their channel: {@code dashboard} (a link to the web) and {@code team chart}.
 */
public final class DashboardFeature implements Feature {
  public static final Words DASHBOARD = Words.of("dashboard");
  public static final Words TEAM_CHART = LeadFeature.TEAM.then("chart");

  private final DashboardService dashboard;

  public DashboardFeature(DashboardService dashboard) {
    this.dashboard = dashboard;
  }

  @Override
  public List<CommandDeclaration<?>> commands() {
    return List.of(
        CommandDeclaration.of(Dashboard.class, DASHBOARD)
            .none(new Dashboard())
            .usage("", "a link to the leads' dashboard (works once, 15 min)")
            .lead()
            .slash(
                Slash.in(
                    LeadFeature.TEAM_GROUP, DASHBOARD, "Lead: the channel at a glance, on the web"))
            .handledBy((scope, c) -> dashboard.link(scope)),
        CommandDeclaration.of(TeamChart.class, TEAM_CHART)
            .none(new TeamChart())
            .usage("", "the stage funnel and the last 12 weeks, as a picture")
            .lead()
            .slash(
                Slash.in(
                    LeadFeature.TEAM_GROUP, TEAM_CHART, "Lead: everyone's progress as a chart"))
            .readsOnly()
            .handledBy((scope, c) -> dashboard.teamChart(scope)));
  }
}
