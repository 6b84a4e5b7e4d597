package io.roadmapcoach.core.dashboard;

import io.roadmapcoach.core.feature.Command;

/** The leads' view of their channel: the web dashboard and the chart in chat. */
public sealed interface DashboardCommand extends Command {

  /** A single-use link to the leads' dashboard. */
  record Dashboard() implements DashboardCommand {}

  /** The channel's funnel and last weeks as a picture. */
  record TeamChart() implements DashboardCommand {}
}
