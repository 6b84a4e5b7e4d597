package io.roadmapcoach.core.quiz;

import io.roadmapcoach.core.roadmap.Ids;
import io.roadmapcoach.core.roadmap.PlainYaml;
import io.roadmapcoach.core.roadmap.Problems;
import io.roadmapcoach.core.roadmap.Roadmap;
import io.roadmapcoach.core.roadmap.RoadmapDocument;
import io.roadmapcoach.core.roadmap.RoadmapFileException;
import io.roadmapcoach.core.roadmap.RoadmapSource;
import io.roadmapcoach.core.roadmap.Stage;
import io.roadmapcoach.core.roadmap.Strictness;
import io.roadmapcoach.core.roadmap.YamlFields;
import io.roadmapcoach.core.roadmap.YamlNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Reads and checks a roadmap's questions, written inline under their stages ({@code questions:}) or
 * in the file {@code quiz_bank:} names: enough questions for every stage, each with one right
 * answer, naming its stage and objective by id (or, in a lenient file, by number).
 */
public final class QuizBankLoader {
  public static final int MIN_QUESTIONS_PER_STAGE = 10;

  /** A thousand questions is fifty a stage for twenty stages; more is a question dump. */
  public static final int MAX_QUESTIONS = 1000;

  static final int MIN_OPTIONS = 3;
  static final int MAX_OPTIONS = 4;

  /** Options become buttons; Slack cuts a button label at 75 characters. */
  static final int MAX_OPTION_LENGTH = 75;

  static final List<String> BANK_FIELDS = List.of("stages");
  static final List<String> BANK_STAGE_FIELDS = List.of("stage", "questions");
  static final List<String> QUESTION_FIELDS =
      List.of("id", "objective", "question", "options", "explanation");
  static final List<String> OPTION_FIELDS = List.of("text", "correct");

  private final PlainYaml yaml = new PlainYaml();

  /**
   * The questions of a built-in roadmap or a {@code ROADMAP_FILE}, read {@link
   * Strictness#LENIENT}ly.
   *
   * @param roadmap the roadmap {@link io.roadmapcoach.core.roadmap.RoadmapLoader} read from the
   *     same source
   * @throws RoadmapFileException naming every problem found
   */
  public QuizBank load(RoadmapSource source, Roadmap roadmap) {
    return switch (new RoadmapCheck(Strictness.LENIENT).check(source)) {
      case RoadmapCheck.Refused refused ->
          throw new RoadmapFileException(source, refused.problems(), refused.more());
      case RoadmapCheck.Valid valid -> {
        if (!valid.roadmap().equals(roadmap)) {
          throw new IllegalArgumentException(
              "the roadmap was not read from " + source.describe(source.roadmapName()));
        }
        yield valid.bank();
      }
    };
  }

  /**
   * Reads the questions of {@code document} (inline, and in its quiz bank file unless {@link
   * Strictness#STRICT}), adding every problem to {@code problems}.
   */
  QuizBank read(
      RoadmapSource source, RoadmapDocument document, Strictness strictness, Problems problems) {
    Reading reading = new Reading(document, problems);
    new TreeMap<>(document.questions())
        .forEach(
            (stage, node) -> {
              Stage ofRoadmap = document.roadmap().stage(stage);
              String at = "stages[" + stage + "] (\"" + ofRoadmap.title() + "\").questions";
              reading.questions(document.file(), ofRoadmap, node, at, strictness);
            });
    String bankFile = document.roadmap().quizBankFile();
    boolean readsBank = !bankFile.isEmpty() && strictness == Strictness.LENIENT;
    boolean bankRead = readsBank && !problems.full() && reading.bankFile(source, bankFile);
    // a roadmap without a question anywhere (no stage lists any, no quiz bank) has no quiz, and
    // moving on needs its objectives only; one with questions needs enough in every stage
    boolean withoutQuiz = bankFile.isEmpty() && document.questions().isEmpty();
    if ((bankFile.isEmpty() || bankRead) && !withoutQuiz) {
      // a bank that could not be opened, or an upload told to write its questions inline, has
      // nothing worth counting yet
      reading.counts(readsBank ? bankFile : document.file());
    }
    return new QuizBank(reading.questions);
  }

  /** One reading of a roadmap's questions, wherever they are written. */
  private final class Reading {
    private final RoadmapDocument document;
    private final Roadmap roadmap;
    private final Problems problems;
    private final List<Question> questions = new ArrayList<>();
    private final Set<String> ids = new HashSet<>();
    private final Map<Integer, Integer> perStage = new HashMap<>();
    private final Map<Integer, Integer> bankLines = new HashMap<>();

    Reading(RoadmapDocument document, Problems problems) {
      this.document = document;
      this.roadmap = document.roadmap();
      this.problems = problems;
    }

    /** Reads the quiz bank file; false when there is none to read. */
    boolean bankFile(RoadmapSource source, String file) {
      InputStream in;
      try {
        in = source.open(file);
      } catch (IOException e) {
        // a bank that is not there is the roadmap's problem: its quiz_bank line names it
        problems.add(
            document.file(),
            document.quizBankLine(),
            "quiz_bank",
            "cannot read " + file + ": " + e.getMessage());
        return false;
      }
      yaml.read(in, file, problems)
          .flatMap(
              tree ->
                  YamlFields.of(
                      file, tree, "", "a quiz bank is a map with its stages (stages:)", problems))
          .ifPresent(bank -> bankStages(file, bank));
      return true;
    }

    private void bankStages(String file, YamlFields bank) {
      bank.only("a quiz bank", BANK_FIELDS);
      List<YamlNode> items = bank.items("stages", Integer.MAX_VALUE, "", "the bank has no stages");
      for (int i = 0; i < items.size() && !problems.full(); i++) {
        String at = "stages[" + (i + 1) + "]";
        YamlFields.of(
                file,
                items.get(i),
                at,
                "a stage of the bank is a map (stage:, questions:)",
                problems)
            .ifPresent(stage -> bankStage(file, stage));
      }
    }

    private void bankStage(String file, YamlFields fields) {
      fields.only("a stage of the bank", BANK_STAGE_FIELDS);
      Optional<Stage> stage = stageNamed(fields);
      if (stage.isEmpty()) {
        return;
      }
      int number = stage.get().number();
      bankLines.putIfAbsent(number, fields.map().line());
      Optional<YamlNode> listed = fields.value("questions");
      if (listed.isEmpty()) {
        problems.add(
            file, fields.line("questions"), "stage " + number, "the stage has no questions");
        return;
      }
      questions(file, stage.get(), listed.get(), "stage " + number, Strictness.LENIENT);
    }

    /** The roadmap's stage a bank's {@code stage:} names, by id or by number. */
    private Optional<Stage> stageNamed(YamlFields fields) {
      OptionalLong number = fields.integer("stage");
      if (number.isPresent()) {
        long n = number.getAsLong();
        if (n < 1 || n > roadmap.stageCount()) {
          problems.add(
              fields.file(),
              fields.line("stage"),
              "stage " + n,
              "the roadmap has stages 1 to " + roadmap.stageCount());
          return Optional.empty();
        }
        return Optional.of(roadmap.stage((int) n));
      }
      Optional<String> id = fields.optionalWritten("stage");
      boolean wrongKind =
          fields.value("stage").filter(v -> !(v instanceof YamlNode.Scalar)).isPresent();
      if (id.isEmpty() && !wrongKind) {
        fields.problem(
            "stage", "name the stage by its id (stage: " + roadmap.stage(1).id() + ") or number");
      }
      if (id.isEmpty()) {
        return Optional.empty();
      }
      Optional<Stage> stage = roadmap.stageById(id.get());
      if (stage.isEmpty()) {
        fields.problem(
            "stage",
            "the roadmap has no stage `"
                + id.get()
                + "` (its stages: "
                + roadmap.stages().stream().map(Stage::id).collect(Collectors.joining(", "))
                + ")");
      }
      return stage;
    }

    /** The questions listed at {@code node}, all of {@code stage}. */
    void questions(String file, Stage stage, YamlNode node, String at, Strictness strictness) {
      if (!(node instanceof YamlNode.Sequence list)) {
        problems.add(
            file,
            node.line(),
            at,
            "the questions are a list (one `- id: ...` per question), not " + node.kind());
        return;
      }
      for (int i = 0; i < list.items().size() && !problems.full(); i++) {
        YamlNode item = list.items().get(i);
        String place = "stage " + stage.number() + ", question " + (i + 1);
        if (item instanceof YamlNode.Scalar s && s.isNull()) {
          problems.add(file, item.line(), place, "the question is empty");
          continue;
        }
        YamlFields.of(file, item, place, "a question is a map (id:, question:, options:)", problems)
            .flatMap(fields -> question(stage, fields, strictness))
            .ifPresent(this::add);
      }
    }

    private void add(Question question) {
      perStage.merge(question.stage(), 1, Integer::sum);
      questions.add(question);
    }

    private Optional<Question> question(Stage stage, YamlFields fields, Strictness strictness) {
      Optional<String> id = fields.text("id", "the question needs an id");
      if (id.isEmpty()) {
        return Optional.empty();
      }
      String place = "stage " + stage.number() + ", question \"" + id.get() + "\"";
      YamlFields q = new YamlFields(fields.file(), fields.map(), place, problems);
      q.only("a question", QUESTION_FIELDS);
      boolean fine = true;
      if (strictness == Strictness.STRICT && !Ids.valid(id.get())) {
        q.problem("id", "`" + id.get() + "` is not an id: " + Ids.rule());
        fine = false;
      }
      if (!ids.add(id.get())) {
        q.problem("another question has this id");
        fine = false;
      } else if (questions.size() == MAX_QUESTIONS) {
        q.problem("a roadmap has at most " + MAX_QUESTIONS + " questions; this is one more");
        fine = false;
      }
      Optional<String> text = q.text("question", "the question has no text");
      Optional<String> explanation =
          q.text("explanation", "the question needs a one-line explanation");
      Optional<Options> options = options(q);
      Optional<OptionalInt> objective = objective(stage, q, strictness);
      if (!fine
          || text.isEmpty()
          || explanation.isEmpty()
          || options.isEmpty()
          || objective.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(
          new Question(
              id.get(),
              stage.number(),
              text.get(),
              options.get().texts(),
              options.get().correct(),
              explanation.get(),
              objective.get()));
    }

    private record Options(List<String> texts, int correct) {}

    private Optional<Options> options(YamlFields q) {
      List<YamlNode> items = q.list("options").map(YamlNode.Sequence::items).orElse(List.of());
      if (items.size() < MIN_OPTIONS || items.size() > MAX_OPTIONS) {
        q.problem(
            "options",
            "needs " + MIN_OPTIONS + " or " + MAX_OPTIONS + " options, has " + items.size());
        return Optional.empty();
      }
      List<String> texts = new ArrayList<>();
      int correct = -1;
      boolean fine = true;
      for (int i = 0; i < items.size(); i++) {
        String at = q.field("options") + "[" + (i + 1) + "]";
        Optional<YamlFields> option =
            YamlFields.of(
                q.file(), items.get(i), at, "an option is a map (text:, correct:)", problems);
        if (option.isEmpty()) {
          fine = false;
          continue;
        }
        YamlFields o = option.get();
        o.only("an option", OPTION_FIELDS);
        Optional<String> text = o.rawText("text", "option " + (i + 1) + " has no text");
        if (text.isPresent() && text.get().length() > MAX_OPTION_LENGTH) {
          o.problem(
              "text", "option " + (i + 1) + " is longer than " + MAX_OPTION_LENGTH + " characters");
          fine = false;
        }
        text.ifPresentOrElse(t -> texts.add(t.strip()), () -> texts.add(""));
        fine &= text.isPresent();
        if (o.has("correct") && o.value("correct").isPresent()) {
          boolean right =
              o.bool("correct", "`correct` is true or left out, not anything else").orElse(false);
          if (right && correct >= 0) {
            q.problem("options", "has more than one correct option");
            fine = false;
          } else if (right) {
            correct = i;
          }
        }
      }
      if (correct < 0) {
        q.problem("options", "has no correct option (mark one with correct: true)");
        return Optional.empty();
      }
      return fine ? Optional.of(new Options(texts, correct)) : Optional.empty();
    }

    /** The objective a question examines: none, or one of its stage's, by id or number. */
    private Optional<OptionalInt> objective(Stage stage, YamlFields q, Strictness strictness) {
      if (q.value("objective").isEmpty()) {
        return Optional.of(OptionalInt.empty());
      }
      OptionalLong number = q.integer("objective");
      if (number.isPresent()) {
        long n = number.getAsLong();
        if (strictness == Strictness.STRICT) {
          q.problem(
              "objective",
              "name the objective by its id (objective: "
                  + stage.objectiveAt(1).id()
                  + "), not by its number");
          return Optional.empty();
        }
        if (n < 1 || n > stage.objectiveCount()) {
          q.problem(
              "objective",
              "objective "
                  + n
                  + " is not one of the stage's objectives (1 to "
                  + stage.objectiveCount()
                  + ")");
          return Optional.empty();
        }
        return Optional.of(OptionalInt.of((int) n));
      }
      Optional<String> id = q.optionalWritten("objective");
      Optional<Integer> found =
          id.flatMap(stage::objectiveById).map(io.roadmapcoach.core.roadmap.Objective::number);
      if (found.isEmpty()) {
        q.problem(
            "objective",
            "objective `"
                + id.orElse("")
                + "` is not one of stage "
                + stage.number()
                + "'s objectives (their ids: "
                + stage.objectives().stream()
                    .map(io.roadmapcoach.core.roadmap.Objective::id)
                    .collect(Collectors.joining(", "))
                + ")");
        return Optional.empty();
      }
      return Optional.of(OptionalInt.of(found.get()));
    }

    /** Every stage needs enough questions for quizzes that do not repeat at once. */
    void counts(String file) {
      boolean bank = !file.equals(document.file());
      for (Stage stage : roadmap.stages()) {
        int count = perStage.getOrDefault(stage.number(), 0);
        if (count < MIN_QUESTIONS_PER_STAGE) {
          int line =
              bank
                  ? bankLines.getOrDefault(stage.number(), 0)
                  : document.stageLines().getOrDefault(stage.number(), 0);
          problems.add(
              file,
              line,
              "stage " + stage.number() + " (\"" + stage.title() + "\")",
              "has " + count + " questions; every stage needs at least " + MIN_QUESTIONS_PER_STAGE);
        }
      }
    }
  }
}
