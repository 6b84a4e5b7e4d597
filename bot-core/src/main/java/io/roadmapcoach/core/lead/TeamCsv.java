package io.roadmapcoach.core.lead;

import io.roadmapcoach.core.journey.RoadmapLibrary;
import io.roadmapcoach.core.journey.StreakView;
import io.roadmapcoach.core.journey.Streaks;
import io.roadmapcoach.core.member.Channel;
import io.roadmapcoach.core.reply.Attachment;
import io.roadmapcoach.core.roadmap.Roadmap;
import java.time.Instant;

/**
 * The team as a CSV file, stalest first: what {@code /roadmap team csv} sends and the dashboard's
 * download serves, so both give a lead the same columns.
 */
public final class TeamCsv {
  static final String HEADER =
      "member,stage,stage_title,objectives_done,objectives_in_stage,points,streak_days,last_active,last_quiz,stuck\n";

  private final RoadmapLibrary roadmaps;
  private final TeamRepository team;

  public TeamCsv(RoadmapLibrary roadmaps, TeamRepository team) {
    this.roadmaps = roadmaps;
    this.team = team;
  }

  /** Everyone in {@code channel} as of {@code now}, as a file named after the channel. */
  public Attachment of(Channel channel, Instant now) {
    StringBuilder csv = new StringBuilder(HEADER);
    team.forEach(
        channel.id(),
        row -> {
          var e = row.enrollment();
          var today = now.atZone(row.member().zone(channel)).toLocalDate();
          StreakView streak = Streaks.asOf(e.streak(), today, e.activeOn(today), row.member());
          Roadmap roadmap = roadmaps.of(e.roadmapId());
          var stage = roadmap.stage(Math.min(e.stage(), roadmap.stageCount()));
          csv.append(Csv.field(row.member().displayName()))
              .append(',')
              .append(e.graduated() ? "graduated" : String.valueOf(e.stage()))
              .append(',')
              .append(Csv.field(stage.title()))
              .append(',')
              .append(row.objectivesDone())
              .append(',')
              .append(stage.objectiveCount())
              .append(',')
              .append(e.points())
              .append(',')
              .append(streak.days())
              .append(',')
              .append(e.lastActivityAt())
              .append(',')
              .append(row.lastQuizScore().orElse(""))
              .append(',')
              .append(e.lastActivityAt().isBefore(now.minus(LeadService.STUCK_AFTER)))
              .append('\n');
        });
    return new Attachment(fileName(channel), "text/csv", csv.toString());
  }

  static String fileName(Channel channel) {
    return "team-" + channel.name().replaceAll("[^A-Za-z0-9_-]", "") + ".csv";
  }
}
