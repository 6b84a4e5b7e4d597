package io.roadmapcoach.core.quiz;

import io.roadmapcoach.core.action.Buttons;
import io.roadmapcoach.core.reply.Button;
import io.roadmapcoach.core.reply.Reply;
import io.roadmapcoach.core.reply.Text;
import io.roadmapcoach.core.roadmap.Roadmap;
import io.roadmapcoach.core.roadmap.Stage;
import java.util.List;

/** How quiz questions, verdicts and results read. */
final class QuizReplies {
  private QuizReplies() {}

  static Reply question(
      Attempt attempt, int position, QuizBank bank, Roadmap roadmap, boolean resumed) {
    Reply.Builder reply = Reply.builder();
    if (resumed) {
      reply.context(Text.of("Picking up your open quiz where you left it."));
    }
    return questionBlocks(reply, attempt, position, bank, roadmap).build();
  }

  static Reply afterAnswer(
      Text verdict, Attempt attempt, int position, QuizBank bank, Roadmap roadmap) {
    Reply.Builder reply = Reply.builder().section(verdict).divider();
    return questionBlocks(reply, attempt, position, bank, roadmap).replacingOriginal().build();
  }

  private static Reply.Builder questionBlocks(
      Reply.Builder reply, Attempt attempt, int position, QuizBank bank, Roadmap roadmap) {
    Attempt.Drawn drawn = attempt.questions().get(position - 1);
    Question question = bank.question(drawn.questionId()).orElseThrow();
    String title =
        attempt.review()
            ? "Review · question " + position + " of " + attempt.questions().size()
            : "Stage "
                + attempt.stage()
                + " quiz · question "
                + position
                + " of "
                + attempt.questions().size();
    List<Button> options =
        drawn.optionOrder().stream()
            .map(
                option ->
                    Buttons.answer(question.options().get(option), attempt.key(), position, option))
            .toList();
    reply
        .header(title)
        .section(Text.of(question.text()))
        .buttons(options)
        .context(
            Text.of(
                attempt.review()
                    ? "Questions you missed before, from across the roadmap."
                    : roadmap.stage(attempt.stage()).title()
                        + " · 4 of 5 right passes · the quiz stays open for a day"));
    return reply;
  }

  static Text verdict(Question question, int chosen, int points) {
    if (question.isCorrect(chosen)) {
      return Text.of("✅ ")
          .bold("Right: " + question.correctText() + ".")
          .plain(points > 0 ? " +" + points + " points. " : " ")
          .plain(question.explanation());
    }
    return Text.of("❌ ")
        .bold("Not quite.")
        .plain(" You chose \"" + question.options().get(chosen) + "\"; the answer is ")
        .bold(question.correctText())
        .plain(". " + question.explanation());
  }

  static Reply result(
      Text verdict,
      Attempt attempt,
      Stage stage,
      int score,
      int count,
      boolean passed,
      boolean firstPass,
      List<Question> missed,
      boolean objectivesDone,
      int stageCount) {
    Reply.Builder reply = Reply.builder().section(verdict).divider();
    if (attempt.review()) {
      reply.header("Review done: " + score + " of " + count + " right");
    } else if (passed) {
      reply
          .header("🎉 Passed: " + score + " of " + count + " on " + stage.title())
          .section(
              Text.of(
                      firstPass
                          ? "+"
                              + io.roadmapcoach.core.journey.Points.QUIZ_PASSED
                              + " points for passing. "
                          : "")
                  .append(
                      objectivesDone
                          ? Text.of("Every objective is done too, so ")
                              .code("/roadmap next")
                              .plain(" moves you on.")
                          : Text.of("Finish the stage's objectives (")
                              .code("/roadmap status")
                              .plain("), then ")
                              .code("/roadmap next")
                              .plain(".")));
    } else {
      reply
          .header("Not this time: " + score + " of " + count + " on " + stage.title())
          .section(
              Text.of("You need 4 of 5 to pass. Retry whenever you like with ")
                  .code("/roadmap quiz")
                  .plain("; the questions you missed come back first."));
    }
    if (!missed.isEmpty()) {
      StringBuilder revisit = new StringBuilder();
      for (Question q : missed) {
        revisit.append("• ").append(q.text()).append(" → ").append(q.correctText()).append('\n');
      }
      reply.section(
          Text.empty().bold("Worth revisiting:").plain("\n" + revisit.toString().strip()));
    }
    if (passed && objectivesDone) {
      reply.buttons(List.of(Buttons.moveOn(stage.number(), stageCount)));
    }
    return reply.replacingOriginal().build();
  }
}
