package io.roadmapcoach.core.lead;

import io.roadmapcoach.core.delivery.Composer;
import io.roadmapcoach.core.delivery.DeliveryComposer;
import io.roadmapcoach.core.delivery.DeliveryComposer.Composed;
import io.roadmapcoach.core.delivery.DeliveryComposer.Drop;
import io.roadmapcoach.core.delivery.DeliveryQueue;
import io.roadmapcoach.core.delivery.Recipients;
import io.roadmapcoach.core.journey.RoadmapLibrary;
import io.roadmapcoach.core.member.Channel;
import io.roadmapcoach.core.member.LeadRepository;
import io.roadmapcoach.core.member.Member;
import io.roadmapcoach.core.policy.CoachingPolicy;
import io.roadmapcoach.core.quiz.Question;
import io.roadmapcoach.core.quiz.QuizBank;
import io.roadmapcoach.core.reply.Reply;
import io.roadmapcoach.core.reply.Text;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A lead's weekly digest of a channel, by direct message at the channel's weekly quiz slot: who
 * moved ahead, who is stuck and where, quizzes passed and failed, the questions the channel missed
 * most, and how many members are on each stage.
 */
public final class LeadDigestComposer implements Composer {
  static final Duration WEEK = Duration.ofDays(7);
  static final int NAMES = 15;
  static final int MISSED = 3;
  static final int BAR_WIDTH = 12;

  private final RoadmapLibrary roadmaps;
  private final QuizBank bank;
  private final LeadRepository leads;
  private final Digests digests;
  private final ChartSource charts;

  public LeadDigestComposer(
      RoadmapLibrary roadmaps,
      QuizBank bank,
      LeadRepository leads,
      Digests digests,
      ChartSource charts) {
    this.roadmaps = roadmaps;
    this.bank = bank;
    this.leads = leads;
    this.digests = digests;
    this.charts = charts;
  }

  /**
   * A batch of digests, their leads and channels read with the batch; each digest reads its own
   * channel's week, one digest a lead and channel a week.
   */
  @Override
  public List<Composed> composeAll(List<DeliveryQueue.Claimed> rows, Recipients to, Instant now) {
    return rows.stream().map(row -> compose(row, to, now)).toList();
  }

  private Composed compose(DeliveryQueue.Claimed row, Recipients to, Instant now) {
    Member lead = to.member(row);
    Channel channel = to.channel(row);
    if (!leads.isLead(channel.id(), lead.id())) {
      return new Drop(lead.displayName() + " no longer leads #" + channel.name());
    }
    Instant from = now.minus(WEEK);
    Reply reply =
        Reply.builder()
            .header("📊 Your week in #" + channel.name())
            .section(movedAhead(channel, from))
            .section(stuck(channel, now))
            .section(notNudged(channel, now))
            .section(quizzes(channel, from))
            .section(funnel(channel))
            .context(
                Text.empty()
                    .code(LeadFeature.TEAM.hint())
                    .plain(" for everyone · ")
                    .code(LeadFeature.DIGEST.hint("off"))
                    .plain(" stops this digest"))
            .build()
            .withAttachment(charts.chartOf(channel, now));
    return DeliveryComposer.toMember(row, lead, to.dmChannel(lead.id()), reply);
  }

  private Text movedAhead(Channel channel, Instant from) {
    List<Digests.MovedAhead> moved = digests.movedAhead(channel.id(), from);
    if (moved.isEmpty()) {
      return Text.of("🚀 Moved ahead: nobody finished a stage this week.");
    }
    return Text.empty()
        .bold("🚀 Moved ahead: ")
        .plain(
            names(
                moved.stream()
                    .map(
                        m ->
                            m.name()
                                + (m.graduated()
                                    ? " (graduated 🎓)"
                                    : " (now stage " + m.stageNow() + ")"))
                    .toList()));
  }

  /**
   * Who is stuck, and who joined in the last 7 days and has not started: neither stuck yet nor
   * among those who made progress, so "everyone made progress" is said only when it is true.
   */
  private Text stuck(Channel channel, Instant now) {
    Instant weekAgo = now.minus(LeadService.STUCK_AFTER);
    List<Digests.Stuck> stuck = digests.stuck(channel.id(), weekAgo);
    List<String> notStarted = digests.notStarted(channel.id(), weekAgo);
    Text newcomers =
        notStarted.isEmpty()
            ? Text.empty()
            : Text.of("\n").bold("🌱 New, not started yet: ").plain(names(notStarted));
    if (stuck.isEmpty()) {
      return notStarted.isEmpty()
          ? Text.of("🧭 Stuck: nobody; everyone made progress in the last 7 days.")
          : Text.of("🧭 Stuck: nobody.").append(newcomers);
    }
    return Text.empty()
        .bold("🧭 Stuck (7 days without progress): ")
        .plain(names(stuck.stream().map(s -> s.name() + " on stage " + s.stage()).toList()))
        .append(newcomers);
  }

  /** Who the coach does not nudge now, and why, in the coaching policy's words. */
  private Text notNudged(Channel channel, Instant now) {
    List<String> quiet = new ArrayList<>();
    for (Digests.HomedMember m : digests.members(channel.id())) {
      LocalDate today = now.atZone(m.member().zone(m.home())).toLocalDate();
      String why =
          switch (CoachingPolicy.standing(m.member(), today, now)) {
            case ON -> "";
            case SNOOZED -> "snoozed";
            case AWAY -> "away";
            case PAUSED -> "paused after five unanswered nudges";
            case OFF -> "reminders off";
          };
      if (!why.isEmpty()) {
        quiet.add(m.member().displayName() + " (" + why + ")");
      }
    }
    return quiet.isEmpty()
        ? Text.of("🔔 Nudged: everyone.")
        : Text.empty().bold("🔕 Not nudged now: ").plain(names(quiet));
  }

  private Text quizzes(Channel channel, Instant from) {
    int[] passedFailed = digests.quizzes(channel.id(), from);
    Text text =
        Text.empty()
            .bold("📝 Quizzes: ")
            .plain(passedFailed[0] + " passed, " + passedFailed[1] + " failed.");
    List<Digests.Missed> missed = digests.mostMissed(channel.id(), from, MISSED);
    if (missed.isEmpty()) {
      return text;
    }
    text = text.plain("\nMissed most this week:");
    for (Digests.Missed m : missed) {
      Optional<Question> q = bank.question(m.questionId());
      String question = q.map(Question::text).orElse(m.questionId());
      String answer = q.map(x -> x.options().get(x.correctOption())).orElse("?");
      text =
          text.plain("\n• " + clip(question, 140) + " (" + m.members() + " missed) · answer: ")
              .italic(clip(answer, 80));
    }
    return text;
  }

  private Text funnel(Channel channel) {
    Map<Integer, Integer> byStage = digests.funnel(channel.id());
    int most = byStage.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    StringBuilder bars = new StringBuilder();
    // the stages of the roadmap the channel follows
    for (int stage = 1; stage <= roadmaps.of(channel).stageCount(); stage++) {
      bars.append(bar("Stage " + stage, byStage.getOrDefault(stage, 0), most)).append('\n');
    }
    bars.append(bar("Graduated", byStage.getOrDefault(0, 0), most));
    return Text.empty().bold("🪜 Where everyone is:").plain("\n").code(bars.toString());
  }

  private static String bar(String label, int count, int most) {
    int width = most == 0 ? 0 : (int) Math.round((double) count * BAR_WIDTH / most);
    return String.format(
        "%-9s %s%s %d", label, "█".repeat(width), "·".repeat(BAR_WIDTH - width), count);
  }

  private static String names(List<String> all) {
    String shown = all.stream().limit(NAMES).collect(Collectors.joining(", "));
    return all.size() > NAMES ? shown + " and " + (all.size() - NAMES) + " more." : shown + ".";
  }

  private static String clip(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
