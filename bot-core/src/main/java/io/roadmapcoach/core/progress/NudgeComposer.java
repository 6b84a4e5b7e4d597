package io.roadmapcoach.core.progress;

import io.roadmapcoach.core.action.Buttons;
import io.roadmapcoach.core.coaching.NudgeCourtesies;
import io.roadmapcoach.core.delivery.Composer;
import io.roadmapcoach.core.delivery.DeliveryComposer;
import io.roadmapcoach.core.delivery.DeliveryComposer.Composed;
import io.roadmapcoach.core.delivery.DeliveryComposer.Drop;
import io.roadmapcoach.core.delivery.DeliveryQueue;
import io.roadmapcoach.core.journey.Enrollment;
import io.roadmapcoach.core.journey.EnrollmentRepository;
import io.roadmapcoach.core.journey.StreakView;
import io.roadmapcoach.core.journey.Streaks;
import io.roadmapcoach.core.member.Channel;
import io.roadmapcoach.core.member.Member;
import io.roadmapcoach.core.member.MemberRepository;
import io.roadmapcoach.core.quiz.QuizRepository;
import io.roadmapcoach.core.reply.Button;
import io.roadmapcoach.core.reply.Reply;
import io.roadmapcoach.core.reply.Text;
import io.roadmapcoach.core.roadmap.Roadmap;
import io.roadmapcoach.core.roadmap.Stage;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A member's daily nudge, written when it is sent: their next objective with a button to check it
 * off, their streak, a line on their study buddy, and a way to snooze or take the quiz. A nudge for
 * a past day, for a member who has been active since it was enqueued, on a holiday of their home
 * channel or while their status says they are away, is dropped; after five unanswered in a row the
 * sixth is a goodbye for now ({@link NudgeCourtesies}).
 */
public final class NudgeComposer implements Composer {
  private final Roadmap roadmap;
  private final MemberRepository members;
  private final EnrollmentRepository enrollments;
  private final QuizRepository quizzes;
  private final NudgeCourtesies courtesies;

  public NudgeComposer(
      Roadmap roadmap,
      MemberRepository members,
      EnrollmentRepository enrollments,
      QuizRepository quizzes,
      NudgeCourtesies courtesies) {
    this.roadmap = roadmap;
    this.members = members;
    this.enrollments = enrollments;
    this.quizzes = quizzes;
    this.courtesies = courtesies;
  }

  @Override
  public Composed compose(DeliveryQueue.Claimed row, Instant now) {
    Member member = members.member(row.memberId().orElseThrow());
    Optional<Enrollment> enrollment = enrollments.find(member.id());
    if (enrollment.isEmpty()) {
      return new Drop("not enrolled");
    }
    Channel home = members.channel(enrollment.get().channelId());
    LocalDate today = now.atZone(member.zone(home)).toLocalDate();
    Optional<Drop> stale =
        DeliveryComposer.staleness(row, member.remindTime(), member.zone(home), now, "the nudge");
    if (stale.isPresent()) {
      return stale.get();
    }
    if (!enrollment.get().lastActiveDate().isBefore(row.localDate())) {
      return new Drop("active since the nudge was due");
    }
    // the day the nudge is for: one found late, after midnight, still speaks of its own day
    Optional<String> skipped = courtesies.skipped(member, home, row.localDate(), now);
    if (skipped.isPresent()) {
      return new Drop(skipped.get());
    }
    Reply reply =
        courtesies.pausesInstead(member, row.localDate(), now)
            ? courtesies.goodbye()
            : nudge(member, enrollment.get(), today, Optional.empty());
    return DeliveryComposer.toMember(row, member, members.dmChannel(member.id()), reply);
  }

  /** Composes a lead's nudge: the daily nudge's next step, with who is cheering them on. */
  public Composer fromLead() {
    return (row, now) -> {
      Member member = members.member(row.memberId().orElseThrow());
      Optional<Enrollment> enrollment = enrollments.find(member.id());
      if (enrollment.isEmpty()) {
        return new Drop("not enrolled");
      }
      Channel home = members.channel(enrollment.get().channelId());
      LocalDate today = now.atZone(member.zone(home)).toLocalDate();
      String from = row.noticeText().orElse("A lead");
      return DeliveryComposer.toMember(
          row,
          member,
          members.dmChannel(member.id()),
          nudge(member, enrollment.get(), today, Optional.of(from)));
    };
  }

  Reply nudge(Member member, Enrollment e, LocalDate today, Optional<String> cheeredBy) {
    StreakView streak = Streaks.asOf(e.streak(), today, false, member);
    Reply.Builder reply = Reply.builder();
    List<Button> buttons = new ArrayList<>();
    if (e.graduated()) {
      reply
          .header(
              cheeredBy
                  .map(lead -> "📣 " + lead + " is cheering you on, graduate!")
                  .orElse("🎓 Hello " + member.displayName() + ", graduate!"))
          .section(Text.of("A few minutes on the questions you missed keeps it all fresh."));
    } else {
      Stage stage = roadmap.stage(e.stage());
      Set<Integer> done = enrollments.objectivesDone(member.id(), stage.number());
      String where =
          "stage " + stage.number() + " of " + roadmap.stageCount() + ": " + stage.title();
      reply.header(
          cheeredBy
              .map(lead -> "📣 " + lead + " is cheering you on · " + where)
              .orElse("👋 " + member.displayName() + ", " + where));
      Optional<Integer> open = firstOpen(stage, done);
      if (open.isPresent()) {
        int n = open.get();
        reply.section(Text.empty().bold("Next: objective " + n).plain(" - " + stage.objective(n)));
        nextResource(stage, n).ifPresent(reply::context);
        buttons.add(Buttons.markDone(stage.number(), n));
      } else if (!quizzes.hasPassed(member.id(), stage.number())) {
        reply.section(Text.of("Every objective of the stage is done: pass its quiz to move on."));
      } else {
        reply.section(Text.of("All done here: ").code("/roadmap next").plain(" moves you on."));
      }
    }
    if (cheeredBy.isEmpty()) {
      courtesies.buddyLine(member, today).ifPresent(reply::section);
    }
    reply.context(streakLine(streak));
    buttons.add(Buttons.snooze(1));
    buttons.add(Buttons.startQuiz(e.graduated() ? "Review quiz" : "Start quiz"));
    return reply.buttons(buttons).build();
  }

  /** Where to learn the next objective: its first resource, when the roadmap names one. */
  private static Optional<Text> nextResource(Stage stage, int n) {
    Text line = ResourceLines.startWith(stage, n);
    return line.isEmpty() ? Optional.empty() : Optional.of(line);
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

  private static Optional<Integer> firstOpen(Stage stage, Set<Integer> done) {
    for (int n = 1; n <= stage.objectiveCount(); n++) {
      if (!done.contains(n)) {
        return Optional.of(n);
      }
    }
    return Optional.empty();
  }
}
