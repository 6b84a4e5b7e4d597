package io.roadmapcoach.core.progress;

import io.roadmapcoach.core.action.Action;
import io.roadmapcoach.core.delivery.Composer;
import io.roadmapcoach.core.delivery.DeliveryKind;
import io.roadmapcoach.core.feature.ButtonDeclaration;
import io.roadmapcoach.core.feature.CommandDeclaration;
import io.roadmapcoach.core.feature.Feature;
import io.roadmapcoach.core.feature.Grammar;
import io.roadmapcoach.core.feature.Kinds;
import io.roadmapcoach.core.feature.Slash;
import io.roadmapcoach.core.feature.SlashOption;
import io.roadmapcoach.core.feature.SlashOption.Range;
import io.roadmapcoach.core.feature.Words;
import io.roadmapcoach.core.member.Scope;
import io.roadmapcoach.core.progress.ProgressCommand.Done;
import io.roadmapcoach.core.progress.ProgressCommand.Next;
import io.roadmapcoach.core.progress.ProgressCommand.Quiz;
import io.roadmapcoach.core.progress.ProgressCommand.ShowStage;
import io.roadmapcoach.core.progress.ProgressCommand.Stages;
import io.roadmapcoach.core.progress.ProgressCommand.Start;
import io.roadmapcoach.core.progress.ProgressCommand.Status;
import io.roadmapcoach.core.progress.ProgressCommand.Undo;
import io.roadmapcoach.core.quiz.QuizService;
import io.roadmapcoach.core.reply.Reply;
import io.roadmapcoach.core.schedule.Routine;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * A member's way through the roadmap: {@code start}, {@code status}, {@code stages}, {@code stage},
 * {@code done}, {@code undo}, {@code quiz} (the quiz of the member's stage) and {@code next}, and
 * the buttons of nudges and status replies that do the same.
 */
public final class ProgressFeature implements Feature {
  public static final Words START = Words.of("start").or("join");
  public static final Words STATUS = Words.of("status");
  public static final Words STAGES = Words.of("stages");
  public static final Words STAGE = Words.of("stage");
  public static final Words DONE = Words.of("done");
  public static final Words UNDO = Words.of("undo");
  public static final Words QUIZ = Words.of("quiz");
  public static final Words NEXT = Words.of("next");

  private static final String OBJECTIVE_NUMBER = "The objective's number in your stage";

  private final ProgressService progress;
  private final QuizService quizzes;
  private final ProgressRoutines routines;
  private final ProgressComposers composers;

  public ProgressFeature(
      ProgressService progress,
      QuizService quizzes,
      ProgressRoutines routines,
      ProgressComposers composers) {
    this.routines = routines;
    this.composers = composers;
    this.progress = progress;
    this.quizzes = quizzes;
  }

  @Override
  public List<CommandDeclaration<?>> commands() {
    return List.of(
        CommandDeclaration.of(Start.class, START)
            .none(new Start())
            .usage("", "join the roadmap in this channel")
            .slash(Slash.of(START, "Join the roadmap in this channel"))
            .needsMember()
            .handledBy((scope, c) -> progress.start(scope)),
        CommandDeclaration.of(Status.class, STATUS)
            .grammar(Grammar.optional(Kinds.MEMBER, Status::new))
            .usage("[@member]", "your stage, objectives, points and streak")
            .slash(
                Slash.of(
                    STATUS,
                    "Your stage, objectives, points and streak (or a member's)",
                    SlashOption.optionalMember("Whose status; yours when left out")))
            .handledBy((scope, c) -> progress.statusOf(scope, c.member())),
        CommandDeclaration.of(Stages.class, STAGES)
            .none(new Stages())
            .usage("", "every stage, and where you are")
            .slash(Slash.of(STAGES, "Every stage, and where you are"))
            .handledBy((scope, c) -> progress.stages(scope)),
        CommandDeclaration.of(ShowStage.class, STAGE)
            .grammar(
                Grammar.optional(
                    Kinds.STAGE,
                    n -> new ShowStage(n.map(OptionalInt::of).orElseGet(OptionalInt::empty))))
            .usage("[n]", "one stage's objectives (yours when no number)")
            .example("7")
            .slash(
                Slash.of(
                    STAGE,
                    "One stage's objectives (yours when no number)",
                    SlashOption.number("number", "Stage number", new Range.Stages(), false)))
            .handledBy((scope, c) -> progress.stage(scope, c.number())),
        CommandDeclaration.of(Done.class, DONE)
            .grammar(Grammar.one(Kinds.OBJECTIVE, Done::new))
            .usage("<n>", "check objective n of your stage off")
            .slash(
                Slash.of(
                    DONE,
                    "Check an objective of your stage off",
                    SlashOption.number(
                        "objective", OBJECTIVE_NUMBER, new Range.Objectives(), true)))
            .handledBy((scope, c) -> progress.done(scope, c.objective())),
        CommandDeclaration.of(Undo.class, UNDO)
            .grammar(Grammar.one(Kinds.OBJECTIVE, Undo::new))
            .usage("<n>", "take objective n back")
            .slash(
                Slash.of(
                    UNDO,
                    "Take an objective back",
                    SlashOption.number(
                        "objective", OBJECTIVE_NUMBER, new Range.Objectives(), true)))
            .handledBy((scope, c) -> progress.undo(scope, c.objective())),
        CommandDeclaration.of(Quiz.class, QUIZ)
            .none(new Quiz())
            .usage("", "take (or resume) the quiz on your stage")
            .slash(Slash.of(QUIZ, "Take (or resume) the quiz on your stage"))
            .handledBy((scope, c) -> startQuiz(scope)),
        CommandDeclaration.of(Next.class, NEXT)
            .none(new Next())
            .usage("", "move on once every objective is done and the quiz passed")
            .slash(Slash.of(NEXT, "Move on once every objective is done and the quiz passed"))
            .handledBy((scope, c) -> progress.next(scope)));
  }

  @Override
  public List<ButtonDeclaration<?>> buttons() {
    return List.of(
        ButtonDeclaration.of(
            Action.MarkDone.class,
            (scope, pressed) -> progress.markDone(scope, pressed.stage(), pressed.objective())),
        ButtonDeclaration.of(Action.StartQuiz.class, (scope, pressed) -> startQuiz(scope)),
        ButtonDeclaration.of(
            Action.MoveOn.class, (scope, pressed) -> progress.moveOn(scope, pressed.fromStage())));
  }

  /** The quiz of the member's stage, on their locked enrollment. */
  private Reply startQuiz(Scope scope) {
    return progress.withEnrollment(scope, enrollment -> quizzes.start(scope, enrollment));
  }

  @Override
  public List<Routine> routines() {
    return routines.routines();
  }

  @Override
  public Map<DeliveryKind, Composer> composers() {
    return composers.composers();
  }
}
