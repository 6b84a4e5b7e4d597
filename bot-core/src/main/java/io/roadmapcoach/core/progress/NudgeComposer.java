package io.roadmapcoach.core.progress;

import static java.util.stream.Collectors.toSet;

import io.roadmapcoach.core.action.Buttons;
import io.roadmapcoach.core.coaching.NudgeCourtesies;
import io.roadmapcoach.core.delivery.Composer;
import io.roadmapcoach.core.delivery.DeliveryComposer;
import io.roadmapcoach.core.delivery.DeliveryComposer.Composed;
import io.roadmapcoach.core.delivery.DeliveryComposer.Drop;
import io.roadmapcoach.core.delivery.DeliveryQueue;
import io.roadmapcoach.core.delivery.Recipients;
import io.roadmapcoach.core.journey.Enrollment;
import io.roadmapcoach.core.journey.EnrollmentRepository;
import io.roadmapcoach.core.journey.RoadmapLibrary;
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
import io.roadmapcoach.db.schema.tables.records.MemberRecord;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A member's daily nudge, written when it is sent: their next objective with a button to check it
 * off, their streak, a line on their study buddy, and a way to snooze or take the quiz. A nudge for
 * a past day, for a member who has been active since it was enqueued, on a holiday of their home
 * channel or while their status says they are away, is dropped; after five unanswered in a row the
 * sixth is a goodbye for now ({@link NudgeCourtesies}).
 */
public final class NudgeComposer implements Composer {
  private final RoadmapLibrary library;
  private final MemberRepository members;
  private final EnrollmentRepository enrollments;
  private final QuizRepository quizzes;
  private final NudgeCourtesies courtesies;

  public NudgeComposer(
      RoadmapLibrary library,
      MemberRepository members,
      EnrollmentRepository enrollments,
      QuizRepository quizzes,
      NudgeCourtesies courtesies) {
    this.library = library;
    this.members = members;
    this.enrollments = enrollments;
    this.quizzes = quizzes;
    this.courtesies = courtesies;
  }

  /**
   * A batch of nudges, read at once: the members, their enrollments and home channels, what they
   * checked off, and what the courtesies need. Those dropped are set aside first; the rest are
   * counted towards the pause together, then written, in order.
   */
  @Override
  public List<Composed> composeAll(List<DeliveryQueue.Claimed> rows, Recipients to, Instant now) {
    Set<Long> ids = new HashSet<>();
    rows.forEach(row -> ids.add(row.memberId().orElseThrow()));
    if (ids.size() < rows.size() && rows.size() > 1) {
      // two days' nudges of one member: each counts towards the pause after the other
      return rows.stream().map(row -> composeAll(List.of(row), to, now).getFirst()).toList();
    }
    Map<Long, Enrollment> enrolled = enrollments.findAll(ids);
    Recipients homes =
        to.withChannels(
            members, enrolled.values().stream().map(Enrollment::channelId).collect(toSet()));
    Map<Long, Set<Integer>> done = enrollments.objectivesDone(enrolled.values());
    Map<Long, List<EnrollmentRepository.Elsewhere>> elsewhere = enrollments.otherJourneys(ids);
    List<NudgeCourtesies.Subject> subjects = new ArrayList<>();
    for (DeliveryQueue.Claimed row : rows) {
      Enrollment e = enrolled.get(row.memberId().orElseThrow());
      if (e != null) {
        subjects.add(new NudgeCourtesies.Subject(e.memberId(), e.channelId(), row.localDate()));
      }
    }
    NudgeCourtesies.Prepared prepared = courtesies.prepare(subjects, now);

    Composed[] composed = new Composed[rows.size()];
    Map<Integer, Going> going = new LinkedHashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      DeliveryQueue.Claimed row = rows.get(i);
      long id = row.memberId().orElseThrow();
      MemberRecord record = to.memberRow(id).orElseThrow();
      Enrollment enrollment = enrolled.get(id);
      if (enrollment == null) {
        composed[i] = new Drop("not enrolled");
        continue;
      }
      Going nudge =
          new Going(
              MemberRepository.member(record),
              Optional.ofNullable(record.getDmChannelId()),
              enrollment,
              homes.channel(enrollment.channelId()),
              done.getOrDefault(id, Set.of()),
              elsewhere.getOrDefault(id, List.of()));
      Optional<Drop> drop = dropped(row, nudge, prepared, now);
      if (drop.isPresent()) {
        composed[i] = drop.get();
      } else {
        going.put(i, nudge);
      }
    }
    Map<Long, LocalDate> counted = new HashMap<>();
    going.forEach((i, g) -> counted.put(g.member().id(), rows.get(i).localDate()));
    Set<Long> pausing = counted.isEmpty() ? Set.of() : courtesies.pauseAmong(counted, now);
    going.forEach(
        (i, g) ->
            composed[i] = write(rows.get(i), g, pausing.contains(g.member().id()), prepared, now));
    return List.of(composed);
  }

  /** A nudge that is going out, and what writing it needs. */
  private record Going(
      Member member,
      Optional<String> dmChannel,
      Enrollment enrollment,
      Channel home,
      Set<Integer> done,
      List<EnrollmentRepository.Elsewhere> elsewhere) {}

  /** Why the nudge is not sent after all, if it is not. */
  private static Optional<Drop> dropped(
      DeliveryQueue.Claimed row, Going g, NudgeCourtesies.Prepared prepared, Instant now) {
    Member member = g.member();
    Optional<Drop> stale =
        DeliveryComposer.staleness(
            row, member.remindTime(), member.zone(g.home()), now, "the nudge");
    if (stale.isPresent()) {
      return stale;
    }
    if (g.enrollment().activeSince(row.localDate())) {
      return Optional.of(new Drop("active since the nudge was due"));
    }
    // the day the nudge is for: one found late, after midnight, still speaks of its own day
    return prepared.skipped(member, g.home(), row.localDate()).map(Drop::new);
  }

  private Composed write(
      DeliveryQueue.Claimed row,
      Going g,
      boolean pauses,
      NudgeCourtesies.Prepared prepared,
      Instant now) {
    Member member = g.member();
    LocalDate today = now.atZone(member.zone(g.home())).toLocalDate();
    Reply reply =
        pauses
            ? courtesies.goodbye()
            : nudge(
                member,
                g.enrollment(),
                today,
                Optional.empty(),
                g.done(),
                g.elsewhere(),
                () -> prepared.buddyLine(member, today));
    return DeliveryComposer.toMember(row, member, g.dmChannel(), reply);
  }

  /**
   * Composes a lead's nudge: the daily nudge's next step, with who is cheering them on. The rows'
   * enrollments, home channels and what they checked off are read once for the batch.
   */
  public Composer fromLead() {
    return Composer.reading(this::readForLead, this::leadNudge);
  }

  /** What a batch of lead nudges needs, read at once. */
  private record LeadRead(
      Recipients to, Map<Long, Enrollment> enrolled, Map<Long, Set<Integer>> done) {}

  private LeadRead readForLead(List<DeliveryQueue.Claimed> rows, Recipients to, Instant now) {
    Set<Long> ids = rows.stream().map(row -> row.memberId().orElseThrow()).collect(toSet());
    Map<Long, Enrollment> enrolled = enrollments.findAll(ids);
    return new LeadRead(
        to.withChannels(
            members, enrolled.values().stream().map(Enrollment::channelId).collect(toSet())),
        enrolled,
        enrollments.objectivesDone(enrolled.values()));
  }

  private Composed leadNudge(DeliveryQueue.Claimed row, LeadRead read, Instant now) {
    Member member = read.to().member(row);
    Enrollment enrollment = read.enrolled().get(member.id());
    if (enrollment == null) {
      return new Drop("not enrolled");
    }
    Channel home = read.to().channel(enrollment.channelId());
    LocalDate today = now.atZone(member.zone(home)).toLocalDate();
    String from = row.noticeText().orElse("A lead");
    Set<Integer> done =
        enrollment.graduated() ? Set.of() : read.done().getOrDefault(member.id(), Set.of());
    return DeliveryComposer.toMember(
        row,
        member,
        read.to().dmChannel(member.id()),
        nudge(member, enrollment, today, Optional.of(from), done, List.of(), Optional::empty));
  }

  /**
   * @param done what the member checked off in their stage
   * @param elsewhere the member's other journeys: a line for each, after the home journey's step
   * @param buddyLine the line on their study buddy, read only for a nudge of their own
   */
  private Reply nudge(
      Member member,
      Enrollment e,
      LocalDate today,
      Optional<String> cheeredBy,
      Set<Integer> done,
      List<EnrollmentRepository.Elsewhere> elsewhere,
      Supplier<Optional<Text>> buddyLine) {
    Roadmap roadmap = library.of(e.roadmapId());
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
      } else if (!quizzes.hasPassed(e, stage.number())) {
        reply.section(Text.of("Every objective of the stage is done: pass its quiz to move on."));
      } else {
        reply.section(
            Text.of("All done here: ").code(ProgressFeature.NEXT.hint()).plain(" moves you on."));
      }
    }
    for (EnrollmentRepository.Elsewhere other : elsewhere) {
      reply.section(otherJourney(other));
    }
    if (cheeredBy.isEmpty()) {
      buddyLine.get().ifPresent(reply::section);
    }
    reply.context(streakLine(streak));
    buttons.add(Buttons.snooze(1));
    buttons.add(Buttons.startQuiz(e.graduated() ? "Review quiz" : "Start quiz"));
    return reply.buttons(buttons).build();
  }

  /**
   * "📚 Web development (#web): stage 1 of 2, objective 2 next - Lay the page out with CSS": a
   * member's other journey, in one line of the one nudge of their day.
   */
  private Text otherJourney(EnrollmentRepository.Elsewhere other) {
    Enrollment j = other.journey();
    Roadmap roadmap = library.of(j.roadmapId());
    Stage stage = roadmap.stage(Math.min(j.stage(), roadmap.stageCount()));
    Text line =
        Text.of(
            "📚 "
                + roadmap.title()
                + " (#"
                + other.channelName()
                + "): stage "
                + stage.number()
                + " of "
                + roadmap.stageCount()
                + ", ");
    Optional<Integer> open = firstOpen(stage, enrollments.objectivesDone(j));
    if (open.isPresent()) {
      return line.plain("objective " + open.get() + " next - " + stage.objective(open.get()));
    }
    return line.plain("its quiz next: ")
        .code(ProgressFeature.QUIZ.hint())
        .plain(" in #" + other.channelName());
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
