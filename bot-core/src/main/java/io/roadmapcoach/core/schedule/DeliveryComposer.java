package io.roadmapcoach.core.schedule;

import io.roadmapcoach.core.command.ActionCodec;
import io.roadmapcoach.core.command.Command;
import io.roadmapcoach.core.lead.TeamRepository;
import io.roadmapcoach.core.lead.TeamRow;
import io.roadmapcoach.core.member.Channel;
import io.roadmapcoach.core.member.Member;
import io.roadmapcoach.core.member.MemberRepository;
import io.roadmapcoach.core.member.Times;
import io.roadmapcoach.core.progress.Enrollment;
import io.roadmapcoach.core.progress.EnrollmentRepository;
import io.roadmapcoach.core.progress.StreakView;
import io.roadmapcoach.core.progress.Streaks;
import io.roadmapcoach.core.quiz.QuizRepository;
import io.roadmapcoach.core.quiz.QuizService;
import io.roadmapcoach.core.reply.Button;
import io.roadmapcoach.core.reply.Reply;
import io.roadmapcoach.core.reply.Text;
import io.roadmapcoach.core.reply.Visibility;
import io.roadmapcoach.core.roadmap.Roadmap;
import io.roadmapcoach.core.roadmap.Stage;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Writes what a claimed outbox row says, from the state at sending time (not at enqueue time), and
 * decides when a row is no longer worth sending: a nudge for a past day, or for a member who has
 * been active since it was enqueued.
 */
public final class DeliveryComposer {
  static final int DIGEST_NAMES = 25;

  private final Roadmap roadmap;
  private final MemberRepository members;
  private final EnrollmentRepository enrollments;
  private final QuizRepository quizzes;
  private final TeamRepository team;

  public DeliveryComposer(
      Roadmap roadmap,
      MemberRepository members,
      EnrollmentRepository enrollments,
      QuizRepository quizzes,
      TeamRepository team) {
    this.roadmap = roadmap;
    this.members = members;
    this.enrollments = enrollments;
    this.quizzes = quizzes;
    this.team = team;
  }

  /** A composer reading through its own repositories on {@code dsl}. */
  public static DeliveryComposer on(org.jooq.DSLContext dsl, Roadmap roadmap) {
    return new DeliveryComposer(
        roadmap,
        new MemberRepository(dsl),
        new EnrollmentRepository(dsl),
        new QuizRepository(dsl),
        new TeamRepository(dsl));
  }

  /** A delivery to send, or the reason it is dropped. */
  public sealed interface Composed {}

  public record Send(Delivery delivery, Optional<Long> memberId, Optional<Long> channelId)
      implements Composed {}

  public record Drop(String reason) implements Composed {}

  public Composed compose(DeliveryQueue.Claimed row, Instant now) {
    // the outbox keeps plain ids (no foreign keys): its recipient may be gone by now
    if (row.memberId().isPresent() && !members.exists(row.memberId().get())) {
      return new Drop("the member no longer exists");
    }
    if (row.channelId().isPresent() && !members.channelExists(row.channelId().get())) {
      return new Drop("the channel no longer exists");
    }
    return switch (row.kind()) {
      case NUDGE -> forMember(row, now, true);
      case QUIZ -> forMember(row, now, false);
      case NOTICE -> notice(row);
      case CHANNEL_DIGEST -> digest(row, now);
      case CHANNEL_QUIZ -> channelQuiz(row);
    };
  }

  private Composed forMember(DeliveryQueue.Claimed row, Instant now, boolean nudge) {
    Member member = members.member(row.memberId().orElseThrow());
    Optional<Enrollment> enrollment = enrollments.find(member.id());
    if (enrollment.isEmpty()) {
      return new Drop("not enrolled");
    }
    Channel home = members.channel(enrollment.get().channelId());
    LocalDate today = now.atZone(member.zone(home)).toLocalDate();
    if (nudge && row.localDate().isBefore(today)) {
      return new Drop("a nudge for " + row.localDate() + " is stale on " + today);
    }
    if (nudge && !enrollment.get().lastActiveDate().isBefore(today)) {
      return new Drop("already active today");
    }
    Reply reply =
        nudge ? nudge(member, enrollment.get(), today) : quizInvitation(member, enrollment.get());
    return new Send(direct(row, member, reply), Optional.of(member.id()), Optional.empty());
  }

  private Delivery direct(DeliveryQueue.Claimed row, Member member, Reply reply) {
    return new Delivery(
        row.id(),
        row.idempotencyKey(),
        row.workspaceExternalId(),
        new Delivery.Direct(
            member.externalId(), member.displayName(), members.dmChannel(member.id())),
        reply);
  }

  Reply nudge(Member member, Enrollment e, LocalDate today) {
    StreakView streak = Streaks.asOf(e.streak(), today, false, member);
    Reply.Builder reply = Reply.builder();
    List<Button> buttons = new ArrayList<>();
    if (e.graduated()) {
      reply
          .header("🎓 Hello " + member.displayName() + ", graduate!")
          .section(Text.of("A few minutes on the questions you missed keeps it all fresh."));
    } else {
      Stage stage = roadmap.stage(e.stage());
      Set<Integer> done = enrollments.objectivesDone(member.id(), stage.number());
      reply.header(
          "👋 "
              + member.displayName()
              + ", stage "
              + stage.number()
              + " of "
              + roadmap.stageCount()
              + ": "
              + stage.title());
      Optional<Integer> open = firstOpen(stage, done);
      if (open.isPresent()) {
        int n = open.get();
        reply.section(Text.of("").bold("Next: objective " + n).plain(" - " + stage.objective(n)));
        buttons.add(
            Button.primary(
                "Mark objective " + n + " done",
                ActionCodec.encode(new Command.MarkDone(stage.number(), n))));
      } else if (!quizzes.hasPassed(member.id(), stage.number())) {
        reply.section(Text.of("Every objective of the stage is done: pass its quiz to move on."));
      } else {
        reply.section(Text.of("All done here: ").code("/roadmap next").plain(" moves you on."));
      }
    }
    reply.context(streakLine(streak));
    buttons.add(Button.of("Snooze 1 day", ActionCodec.encode(new Command.Snooze(1))));
    buttons.add(QuizService.startButton(e.graduated() ? "Review quiz" : "Start quiz"));
    return reply.buttons(buttons).build();
  }

  private static Text streakLine(StreakView streak) {
    if (streak.days() == 0) {
      return Text.of("Start a streak today: one objective or one quiz answer counts.");
    }
    String days = streak.days() == 1 ? "1-day" : streak.days() + "-day";
    if (streak.atRisk()) {
      return Text.of("⚠️ ")
          .bold("Your " + days + " streak breaks if you skip today")
          .plain(": this week's freeze is used.");
    }
    return Text.of(
        "🔥 "
            + days
            + " streak."
            + (streak.freezeLeft() ? " A freeze covers one missed day this week." : ""));
  }

  private Reply quizInvitation(Member member, Enrollment e) {
    String what =
        e.graduated()
            ? "a review of the questions you missed"
            : "stage " + e.stage() + ", " + roadmap.stage(e.stage()).title();
    return Reply.builder()
        .header("📝 Your weekly quiz is ready, " + member.displayName())
        .section(
            Text.of("Five questions on " + what + ". Four right passes; it stays open for a day."))
        .buttons(List.of(QuizService.startButton("Start quiz")))
        .build();
  }

  private Composed notice(DeliveryQueue.Claimed row) {
    Member member = members.member(row.memberId().orElseThrow());
    Reply reply = Reply.text(Text.of(row.noticeText().orElse("")));
    return new Send(direct(row, member, reply), Optional.of(member.id()), Optional.empty());
  }

  private Composed channelQuiz(DeliveryQueue.Claimed row) {
    Channel channel = members.channel(row.channelId().orElseThrow());
    Reply reply =
        Reply.builder()
            .header("📝 Weekly quiz time, #" + channel.name() + "!")
            .section(
                Text.of(
                    "Everyone on the roadmap: press Start quiz for five questions on your own stage. Four right passes."))
            .buttons(List.of(QuizService.startButton("Start quiz")))
            .visibleTo(Visibility.CHANNEL)
            .build();
    return new Send(post(row, channel, reply), Optional.empty(), Optional.of(channel.id()));
  }

  private Composed digest(DeliveryQueue.Claimed row, Instant now) {
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
      if (listed++ < DIGEST_NAMES) {
        who.append(digestLine(r, now, channel)).append('\n');
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
    if (listed > DIGEST_NAMES) {
      reply.context(Text.of("…and " + (listed - DIGEST_NAMES) + " more on the roadmap."));
    }
    if (!quiet.isEmpty()) {
      reply.section(
          Text.of(
                  "🌱 Quiet so far this week: "
                      + String.join(", ", quiet.subList(0, Math.min(quiet.size(), DIGEST_NAMES))))
              .plain(". One objective today is a fine way back in."));
    }
    reply.context(
        Text.of("")
            .code("/roadmap status")
            .plain(" for your own next step · ")
            .code("/roadmap remind dm")
            .plain(" to get this as a DM instead"));
    return new Send(
        post(row, channel, reply.visibleTo(Visibility.CHANNEL).build()),
        Optional.empty(),
        Optional.of(channel.id()));
  }

  private String digestLine(TeamRow r, Instant now, Channel channel) {
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

  private static Delivery post(DeliveryQueue.Claimed row, Channel channel, Reply reply) {
    return new Delivery(
        row.id(),
        row.idempotencyKey(),
        row.workspaceExternalId(),
        new Delivery.ChannelPost(channel.externalId(), channel.name()),
        reply);
  }

  private static Optional<Integer> firstOpen(Stage stage, Set<Integer> done) {
    for (int n = 1; n <= stage.objectiveCount(); n++) {
      if (!done.contains(n)) {
        return Optional.of(n);
      }
    }
    return Optional.empty();
  }
}
