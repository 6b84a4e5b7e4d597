package io.roadmapcoach.core.lead;

import io.roadmapcoach.core.delivery.Composer;
import io.roadmapcoach.core.delivery.DeliveryComposer;
import io.roadmapcoach.core.delivery.DeliveryComposer.Composed;
import io.roadmapcoach.core.delivery.DeliveryComposer.Drop;
import io.roadmapcoach.core.delivery.DeliveryQueue;
import io.roadmapcoach.core.journey.Enrollment;
import io.roadmapcoach.core.journey.StreakView;
import io.roadmapcoach.core.journey.Streaks;
import io.roadmapcoach.core.member.Channel;
import io.roadmapcoach.core.member.MemberRepository;
import io.roadmapcoach.core.reply.Reply;
import io.roadmapcoach.core.reply.Text;
import io.roadmapcoach.core.reply.Visibility;
import io.roadmapcoach.core.roadmap.Roadmap;
import io.roadmapcoach.core.time.Times;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A study group's daily post in its channel, written when it is sent. */
public final class ChannelPostComposer implements Composer {
  static final int POST_NAMES = 25;

  private final Roadmap roadmap;
  private final MemberRepository members;
  private final TeamRepository team;

  public ChannelPostComposer(Roadmap roadmap, MemberRepository members, TeamRepository team) {
    this.roadmap = roadmap;
    this.members = members;
    this.team = team;
  }

  @Override
  public Composed compose(DeliveryQueue.Claimed row, Instant now) {
    Channel channel = members.channel(row.channelId().orElseThrow());
    List<TeamRow> rows = team.stalestFirst(channel.id(), Integer.MAX_VALUE);
    if (rows.isEmpty()) {
      return new Drop("nobody enrolled");
    }
    Instant weekStart =
        Times.weekStart(now.atZone(channel.zoneOrUtc()).toLocalDate())
            .atStartOfDay(channel.zoneOrUtc())
            .toInstant();
    StringBuilder who = new StringBuilder();
    List<String> quiet = new ArrayList<>();
    int listed = 0;
    for (TeamRow r : rows.reversed()) {
      if (r.member().hiddenFromLeaderboard()) {
        continue;
      }
      if (r.enrollment().lastActivityAt().isBefore(weekStart)) {
        quiet.add(r.member().displayName());
      }
      if (listed++ < POST_NAMES) {
        who.append(line(r, now, channel)).append('\n');
      }
    }
    Reply.Builder reply =
        Reply.builder()
            .header("☀️ Good morning, #" + channel.name() + "!")
            .section(
                Text.of(
                    who.toString().strip().isEmpty()
                        ? "Everyone here keeps to themselves today."
                        : who.toString().strip()));
    if (listed > POST_NAMES) {
      reply.context(Text.of("…and " + (listed - POST_NAMES) + " more on the roadmap."));
    }
    if (!quiet.isEmpty()) {
      reply.section(
          Text.of(
                  "🌱 Quiet so far this week: "
                      + String.join(", ", quiet.subList(0, Math.min(quiet.size(), POST_NAMES))))
              .plain(". One objective today is a fine way back in."));
    }
    reply.context(
        Text.empty()
            .code("/roadmap status")
            .plain(" for your own next step · ")
            .code("/roadmap remind dm")
            .plain(" to get this as a DM instead"));
    return DeliveryComposer.toChannel(row, channel, reply.visibleTo(Visibility.CHANNEL).build());
  }

  private String line(TeamRow r, Instant now, Channel channel) {
    Enrollment e = r.enrollment();
    LocalDate today = now.atZone(r.member().zone(channel)).toLocalDate();
    StreakView streak =
        Streaks.asOf(e.streak(), today, e.lastActiveDate().equals(today), r.member());
    String stage =
        e.graduated()
            ? "graduated 🎓"
            : "stage " + e.stage() + " (" + roadmap.stage(e.stage()).title() + ")";
    return "• "
        + r.member().displayName()
        + ": "
        + stage
        + (streak.days() > 0 ? " · 🔥 " + streak.days() : "");
  }
}
