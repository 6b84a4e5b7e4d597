package io.roadmapcoach.core.progress;

import io.roadmapcoach.core.action.Buttons;
import io.roadmapcoach.core.feature.Words;
import io.roadmapcoach.core.journey.Enrollment;
import io.roadmapcoach.core.journey.Points;
import io.roadmapcoach.core.journey.StreakView;
import io.roadmapcoach.core.member.Channel;
import io.roadmapcoach.core.member.Member;
import io.roadmapcoach.core.member.ReminderDays;
import io.roadmapcoach.core.member.ReminderMode;
import io.roadmapcoach.core.policy.Outlook;
import io.roadmapcoach.core.policy.PromiseWords;
import io.roadmapcoach.core.policy.Why;
import io.roadmapcoach.core.reply.Block;
import io.roadmapcoach.core.reply.Button;
import io.roadmapcoach.core.reply.Echo;
import io.roadmapcoach.core.reply.Reply;
import io.roadmapcoach.core.reply.Text;
import io.roadmapcoach.core.roadmap.Roadmap;
import io.roadmapcoach.core.roadmap.Stage;
import io.roadmapcoach.core.time.Dates;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** How progress reads: status, the stage list, one stage, and the answers to done/undo/next. */
final class StatusReplies {
  static final String DONE_MARK = "✅";
  static final String OPEN_MARK = "⬜";

  /** The labels of the promises on a status (the simulation in the tests reads them). */
  static final String NEXT_NUDGE = "Next nudge";

  static final String NEXT_POST = "Next post naming you";
  static final String WEEKLY_QUIZ = "Weekly quiz";
  static final String EVENING = "Evening warning";
  static final String PAIRING = "Buddy pairing";

  private final Roadmap roadmap;

  StatusReplies(Roadmap roadmap) {
    this.roadmap = roadmap;
  }

  /**
   * Everything a status shows about one member.
   *
   * @param pointsShown whether the caller may see the member's points: always their own; another's
   *     unless that member left the boards, when only the channel's leads may
   */
  record Facts(
      Member member,
      Enrollment enrollment,
      Channel home,
      Set<Integer> done,
      int doneBefore,
      boolean quizPassed,
      StreakView streak,
      boolean own,
      LocalDate today,
      Optional<Outlook> outlook,
      boolean pointsShown) {}

  Reply notStarted() {
    return Reply.text(
        Text.of("You have not started the roadmap yet. Type ")
            .code(ProgressFeature.START.hint())
            .plain(" to begin with stage 1: " + roadmap.stage(1).title() + "."));
  }

  Reply alreadyIn(Channel channel, Enrollment e) {
    return Reply.text(
        Text.of("You are already in #" + channel.name() + ", on ")
            .append(stageNamed(e))
            .plain(". ")
            .code(ProgressFeature.STATUS.hint())
            .plain(" shows where you are."));
  }

  Reply joined(Channel channel, Enrollment e, boolean firstLead) {
    Text text =
        Text.of("👋 You joined #" + channel.name() + "; your progress comes with you: ")
            .append(stageNamed(e))
            .plain(". You are on its boards and its team list now.");
    Reply.Builder reply = Reply.builder().section(text);
    if (firstLead) {
      reply.context(firstLeadLine(channel));
    }
    return reply.build();
  }

  private Text stageNamed(Enrollment e) {
    if (e.graduated()) {
      return Text.of("graduated 🎓");
    }
    Stage stage = roadmap.stage(e.stage());
    return Text.of("stage " + stage.number() + " of " + roadmap.stageCount() + ": ")
        .bold(stage.title());
  }

  private static Text firstLeadLine(Channel channel) {
    return Text.of("You are the first member in #" + channel.name() + ", so you are its lead: ")
        .code(Words.HELP.hint())
        .plain(" lists the lead commands.");
  }

  Reply welcome(Member member, boolean firstLead, Channel home) {
    Stage first = roadmap.stage(1);
    Reply.Builder reply =
        Reply.builder()
            .header("Welcome to the " + roadmap.title() + " roadmap, " + member.displayName() + "!")
            .section(
                Text.of(roadmap.stageCount() + " stages lie ahead. You start on stage 1: ")
                    .bold(first.title())
                    .plain(" - " + first.summary()))
            .section(objectiveList(first, Set.of()))
            .section(
                Text.of("Check objectives off with ")
                    .code(ProgressFeature.DONE.hint(1))
                    .plain(", take the stage quiz with ")
                    .code(ProgressFeature.QUIZ.hint())
                    .plain(", and move on with ")
                    .code(ProgressFeature.NEXT.hint())
                    .plain(". ")
                    .append(nudgeLine(member, home)));
    if (firstLead) {
      reply.context(firstLeadLine(home));
    }
    return reply.build();
  }

  /**
   * When the member's nudges come: they may have set a time (or turned them off) before starting,
   * and a channel may carry its members' nudges in its daily post.
   */
  private static Text nudgeLine(Member member, Channel home) {
    if (!member.remindEnabled()) {
      return Text.of("Daily nudges are off (").code("/roadmap remind on").plain(" turns them on).");
    }
    if (member.reminderMode(home) == ReminderMode.CHANNEL) {
      return Text.of("Your nudge comes in #" + home.name() + "'s daily post (")
          .plain(home.postTime())
          .plain("; ")
          .code("/roadmap remind dm")
          .plain(" for a direct message instead).");
    }
    String days = member.remindDays() == ReminderDays.WEEKDAYS ? "each weekday" : "every day";
    return Text.of("A nudge comes " + days + " at " + member.remindTime() + " your time (")
        .code("/roadmap remind at 08:00")
        .plain(" to change it).");
  }

  Reply status(Facts f) {
    Enrollment e = f.enrollment();
    Stage stage = roadmap.stage(e.stage());
    int doneOverall = e.graduated() ? roadmap.totalObjectives() : f.doneBefore() + f.done().size();
    doneOverall = Math.min(doneOverall, roadmap.totalObjectives());
    String who = f.own() ? "" : f.member().displayName() + " · ";
    Reply.Builder reply = Reply.builder();
    if (e.graduated()) {
      reply
          .header(who + "🎓 Graduated: all " + roadmap.stageCount() + " stages done")
          .section(
              Text.of(
                      "The whole "
                          + roadmap.title()
                          + " roadmap is behind "
                          + (f.own() ? "you" : "them")
                          + ".")
                  .plain(f.own() ? " " : "")
                  .append(
                      f.own()
                          ? Text.empty()
                              .code(ProgressFeature.QUIZ.hint())
                              .plain(" reviews questions you missed along the way.")
                          : Text.empty()));
    } else {
      reply
          .header(
              who
                  + "Stage "
                  + stage.number()
                  + " of "
                  + roadmap.stageCount()
                  + ": "
                  + stage.title())
          .section(Text.empty().italic(stage.summary()))
          .section(objectiveList(stage, f.done()));
    }
    reply.progress(
        doneOverall,
        roadmap.totalObjectives(),
        doneOverall + " of " + roadmap.totalObjectives() + " objectives across the roadmap");
    reply.fields(fields(f));
    if (!e.graduated() && f.own()) {
      reply.context(nextStep(stage, f.done(), f.quizPassed()));
      reply.buttons(buttons(stage, f.done(), f.quizPassed()));
    }
    return reply.build();
  }

  private List<Block.Field> fields(Facts f) {
    StreakView s = f.streak();
    List<Block.Field> fields = new ArrayList<>();
    if (f.pointsShown()) {
      fields.add(new Block.Field("Points", Text.of(String.valueOf(f.enrollment().points()))));
    }
    String streak = s.days() == 1 ? "1 day" : s.days() + " days";
    streak +=
        s.todayDone()
            ? " · today done ✅"
            : s.atRisk() ? " · study today to keep it!" : " · not yet today";
    fields.add(new Block.Field("Streak", Text.of(streak)));
    fields.add(
        new Block.Field("Freeze", Text.of(s.freezeLeft() ? "1 left this week" : "used this week")));
    if (!f.enrollment().graduated()) {
      fields.add(
          new Block.Field("Stage quiz", Text.of(f.quizPassed() ? "passed ✅" : "not passed yet")));
    }
    fields.add(new Block.Field("Reminders", Text.of(reminders(f.member(), f.home(), f.today()))));
    f.outlook().ifPresent(outlook -> fields.addAll(promises(outlook, f.home())));
    return fields;
  }

  /**
   * What the coaching policy promises the member, on their own status: the next nudge (by DM, or
   * the next post naming them), the weekly quiz, and, when asked for, the evening warning and the
   * buddy pairing. With reminders off, "Reminders: off" says it all for the nudge.
   */
  private static List<Block.Field> promises(Outlook outlook, Channel home) {
    List<Block.Field> fields = new ArrayList<>();
    Outlook.Nudge nudge = outlook.nudge();
    if (!nudge.why().equals(Optional.of(Why.OFF))) {
      fields.add(
          new Block.Field(
              nudge.where() == Outlook.Where.DM ? NEXT_NUDGE : NEXT_POST,
              Text.of(PromiseWords.nudge(outlook, home))));
    }
    fields.add(new Block.Field(WEEKLY_QUIZ, Text.of(PromiseWords.quiz(outlook, home))));
    if (!outlook.evening().why().equals(Optional.of(Why.EVENING_OFF))) {
      fields.add(new Block.Field(EVENING, Text.of(PromiseWords.evening(outlook, home))));
    }
    if (!outlook.pairing().why().equals(Optional.of(Why.NOT_SEEKING))) {
      fields.add(new Block.Field(PAIRING, Text.of(PromiseWords.pairing(outlook, home))));
    }
    return fields;
  }

  private static String reminders(Member m, Channel home, LocalDate today) {
    if (!m.remindEnabled()) {
      return "off";
    }
    String snoozed =
        m.hasSnoozeLeft(today)
            ? " (snoozed through " + Dates.day(m.snoozedUntil().orElseThrow()) + ")"
            : "";
    ReminderMode via = m.remindVia().orElse(home.reminderMode());
    if (via == ReminderMode.CHANNEL) {
      // the channel's post carries them, at its time: not a time of the member's own
      Channel.Post post = home.post();
      return post.enabled()
          ? "in #"
              + home.name()
              + "'s daily post at "
              + post.time()
              + " "
              + home.zoneOrUtc().getId()
              + (post.days() == ReminderDays.WEEKDAYS ? ", weekdays" : ", daily")
              + snoozed
          : "in #" + home.name() + "'s daily post, which its leads have turned off";
    }
    String days = m.remindDays() == ReminderDays.WEEKDAYS ? "weekdays" : "daily";
    return days + " at " + m.remindTime() + " " + m.zone(home).getId() + ", by DM" + snoozed;
  }

  private static Text nextStep(Stage stage, Set<Integer> done, boolean quizPassed) {
    Optional<Integer> open = firstOpen(stage, done);
    if (open.isPresent()) {
      int n = open.get();
      Text resource = ResourceLines.startWith(stage, n);
      return Text.of("Next: objective " + n + " - " + stage.objective(n) + " ")
          .append(resource)
          .plain(resource.isEmpty() ? "Then " : " Then ")
          .code(ProgressFeature.DONE.hint(n))
          .plain(".");
    }
    if (!quizPassed) {
      return Text.of("Every objective is done. Pass the stage quiz: ")
          .code(ProgressFeature.QUIZ.hint())
          .plain(".");
    }
    return Text.of("All set: ")
        .code(ProgressFeature.NEXT.hint())
        .plain(" moves you to the next stage.");
  }

  private List<Button> buttons(Stage stage, Set<Integer> done, boolean quizPassed) {
    List<Button> buttons = new ArrayList<>();
    firstOpen(stage, done).ifPresent(n -> buttons.add(Buttons.markDone(stage.number(), n)));
    if (!quizPassed) {
      buttons.add(Buttons.startQuiz("Take the stage quiz"));
    }
    if (readyToMoveOn(stage, done, quizPassed)) {
      buttons.add(Buttons.moveOn(stage.number(), roadmap.stageCount()));
    }
    return buttons;
  }

  private static boolean readyToMoveOn(Stage stage, Set<Integer> done, boolean quizPassed) {
    return quizPassed && done.size() >= stage.objectiveCount();
  }

  /** A "Move on" button pressed after the member has moved (or been moved) from its stage. */
  Reply staleMoveOn(int shownStage, Enrollment e) {
    String where =
        e.graduated()
            ? "you have finished the roadmap. "
            : "you are on stage " + e.stage() + " now. ";
    return Reply.text(
        Text.of("That button was for stage " + shownStage + "; " + where)
            .code(ProgressFeature.STATUS.hint())
            .plain(" shows where you are."));
  }

  private static Optional<Integer> firstOpen(Stage stage, Set<Integer> done) {
    for (int n = 1; n <= stage.objectiveCount(); n++) {
      if (!done.contains(n)) {
        return Optional.of(n);
      }
    }
    return Optional.empty();
  }

  static Text objectiveList(Stage stage, Set<Integer> done) {
    StringBuilder lines = new StringBuilder();
    for (int n = 1; n <= stage.objectiveCount(); n++) {
      lines
          .append(done.contains(n) ? DONE_MARK : OPEN_MARK)
          .append(' ')
          .append(n)
          .append(". ")
          .append(stage.objective(n));
      if (n < stage.objectiveCount()) {
        lines.append('\n');
      }
    }
    return Text.of(lines.toString());
  }

  Reply stages(Optional<Enrollment> enrollment) {
    StringBuilder lines = new StringBuilder();
    for (Stage stage : roadmap.stages()) {
      String mark =
          enrollment
              .map(
                  e ->
                      e.graduated() || stage.number() < e.stage()
                          ? DONE_MARK
                          : stage.number() == e.stage() ? "👉" : OPEN_MARK)
              .orElse(OPEN_MARK);
      lines.append(mark).append(' ').append(stage.number()).append(". ").append(stage.title());
      if (enrollment.isPresent()
          && stage.number() == enrollment.get().stage()
          && !enrollment.get().graduated()) {
        lines.append("  ← you are here");
      }
      lines.append('\n');
    }
    Text hint =
        enrollment.isPresent()
            // an example stage that exists in whichever roadmap is loaded
            ? Text.empty()
                .code(ProgressFeature.STAGE.hint(Math.min(7, roadmap.stageCount())))
                .plain(" shows any stage's objectives.")
            : Text.of("Begin with ").code(ProgressFeature.START.hint()).plain(".");
    return Reply.builder()
        .header(roadmap.title() + " roadmap: " + roadmap.stageCount() + " stages")
        .section(Text.of(lines.toString().stripTrailing()))
        .context(hint)
        .build();
  }

  Reply stage(Stage stage, Optional<Enrollment> enrollment, Set<Integer> done) {
    Reply.Builder reply =
        Reply.builder()
            .header(
                "Stage " + stage.number() + " of " + roadmap.stageCount() + ": " + stage.title())
            .section(Text.empty().italic(stage.summary()))
            .section(ResourceLines.objectivesWithResources(stage, done));
    String where =
        enrollment
            .map(
                e ->
                    e.graduated()
                        ? "You have finished the roadmap."
                        : e.stage() == stage.number()
                            ? "This is your stage."
                            : "You are on stage " + e.stage() + ".")
            .orElse("Start with " + ProgressFeature.START.hint() + ".");
    return reply.context(Text.of(where)).build();
  }

  Reply notAnObjective(String typed, Stage stage, Words verb) {
    int count = stage.objectiveCount();
    String range = count == 1 ? "only objective 1" : "objectives 1 to " + count;
    return Reply.text(
        Text.of(
                Echo.of(typed)
                    + " is not an objective of stage "
                    + stage.number()
                    + " ("
                    + stage.title()
                    + "): it has "
                    + range
                    + ". Try ")
            .code(verb.hint(Math.min(2, count)))
            .plain("."));
  }

  Reply checkedOff(Stage stage, int n, Set<Integer> done, boolean quizPassed, Enrollment after) {
    Reply.Builder reply =
        Reply.builder()
            .section(
                Text.of(DONE_MARK + " ")
                    .bold("Objective " + n + " of stage " + stage.number() + " done")
                    .plain(
                        " (+"
                            + Points.OBJECTIVE
                            + " points, "
                            + after.points()
                            + " in all): "
                            + stage.objective(n)))
            .progress(
                done.size(),
                stage.objectiveCount(),
                done.size() + " of " + stage.objectiveCount() + " objectives of this stage")
            .context(nextStep(stage, done, quizPassed));
    return reply.buttons(buttons(stage, done, quizPassed)).build();
  }

  Reply notReady(Stage stage, Set<Integer> done, boolean quizPassed) {
    List<String> open = new ArrayList<>();
    for (int n = 1; n <= stage.objectiveCount(); n++) {
      if (!done.contains(n)) {
        open.add(String.valueOf(n));
      }
    }
    Text text = Text.of("Not yet: to leave stage " + stage.number() + " ");
    if (!open.isEmpty()) {
      text =
          text.plain(
                  (open.size() == 1 ? "objective " : "objectives ")
                      + String.join(", ", open)
                      + " still "
                      + (open.size() == 1 ? "needs" : "need")
                      + " checking off (")
              .code(ProgressFeature.DONE.hint(open.getFirst()))
              .plain(")");
    }
    if (!quizPassed) {
      text =
          text.plain(open.isEmpty() ? "" : ", and ")
              .plain("the stage quiz needs a pass (")
              .code(ProgressFeature.QUIZ.hint())
              .plain(")");
    }
    return Reply.text(text.plain("."));
  }

  Reply advanced(Stage finished, Stage next, int points, Set<Integer> doneInNext) {
    return Reply.builder()
        .header(
            "🎉 Stage "
                + finished.number()
                + " done! On to stage "
                + next.number()
                + ": "
                + next.title())
        .section(
            Text.of(
                    points > 0
                        ? "+" + points + " points for finishing " + finished.title() + ". "
                        : "")
                .italic(next.summary()))
        .section(objectiveList(next, doneInNext))
        .context(
            Text.of("Check them off with ").code(ProgressFeature.DONE.hint(1)).plain(" and so on."))
        .build();
  }

  Reply graduated(int points) {
    return Reply.builder()
        .header("🎓 You have finished the " + roadmap.title() + " roadmap!")
        .section(
            Text.of(
                    (points > 0 ? "+" + points + " points for the last stage. " : "")
                        + "All "
                        + roadmap.stageCount()
                        + " stages are done.")
                .plain(" Daily nudges stop now; ")
                .code("/roadmap remind on")
                .plain(" brings them back. ")
                .code(ProgressFeature.QUIZ.hint())
                .plain(" reviews the questions you missed along the way."))
        .build();
  }
}
