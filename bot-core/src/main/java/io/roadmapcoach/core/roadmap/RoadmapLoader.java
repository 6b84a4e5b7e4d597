package io.roadmapcoach.core.roadmap;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads and checks a roadmap file: every problem found (up to {@link Problems#LIMIT}) with its line
 * and field. {@link #load} is the start-up's: a broken file stops it with a message saying where.
 * The questions a stage carries inline are left to the quiz bank's loader.
 */
public final class RoadmapLoader {
  /** Objectives become button labels and list lines; longer text does not fit either. */
  static final int MAX_OBJECTIVE_LENGTH = 200;

  /** A stage list longer than this is a course catalogue, not a roadmap a team walks. */
  static final int MAX_STAGES = 50;

  /** Objectives of a stage are listed in one reply and named by number in commands. */
  static final int MAX_OBJECTIVES = 20;

  /** Resources are listed under their objective; more than a few is a reading list, not a hint. */
  static final int MAX_RESOURCES = 5;

  /** A resource's title becomes a link's text in one line of a reply. */
  static final int MAX_RESOURCE_TITLE_LENGTH = 120;

  static final List<String> ROADMAP_FIELDS = List.of("id", "title", "quiz_bank", "stages");
  static final List<String> STAGE_FIELDS =
      List.of("id", "title", "summary", "objectives", "questions");
  static final List<String> OBJECTIVE_FIELDS = List.of("id", "text", "resources");
  static final List<String> RESOURCE_FIELDS = List.of("title", "by", "url", "free");

  private final PlainYaml yaml = new PlainYaml();

  /**
   * The built-in roadmap's or a {@code ROADMAP_FILE}'s roadmap, read {@link Strictness#LENIENT}ly.
   *
   * @throws RoadmapFileException naming every problem found
   */
  public Roadmap load(RoadmapSource source) {
    Problems problems = new Problems();
    Optional<RoadmapDocument> read = read(source, Strictness.LENIENT, problems);
    if (read.isEmpty() || !problems.isEmpty()) {
      throw new RoadmapFileException(source, problems.list(), problems.more());
    }
    return read.get().roadmap();
  }

  /**
   * Reads {@code source}'s roadmap file, adding every problem to {@code problems}.
   *
   * @return the file as read, a best effort when there were problems; empty when it has no stages
   *     to speak of
   */
  public Optional<RoadmapDocument> read(
      RoadmapSource source, Strictness strictness, Problems problems) {
    String file = source.roadmapName();
    return yaml.readFields(
            source, file, "a roadmap file is a map of fields (id:, title:, stages:)", problems)
        .flatMap(top -> new Reading(file, strictness, problems).roadmap(top));
  }

  /** One reading of one file: the ids and titles seen so far, to find the ones given twice. */
  private static final class Reading {
    private final String file;
    private final boolean strict;
    private final Problems problems;
    private final Set<String> titles = new HashSet<>();
    private final Map<String, Integer> stageIds = new HashMap<>();
    private final Map<String, String> objectiveIds = new HashMap<>();
    private final Map<Integer, YamlNode> questions = new HashMap<>();
    private final Map<Integer, Integer> stageLines = new HashMap<>();

    Reading(String file, Strictness strictness, Problems problems) {
      this.file = file;
      this.strict = strictness == Strictness.STRICT;
      this.problems = problems;
    }

    Optional<RoadmapDocument> roadmap(YamlFields top) {
      top.only("a roadmap", ROADMAP_FIELDS);
      String id = top.text("id", "the roadmap needs an id").orElse("");
      if (strict && !id.isEmpty() && !Ids.valid(id)) {
        top.problem("id", "`" + id + "` is not an id: " + Ids.rule());
      }
      String title = top.text("title", "the roadmap needs a title").orElse("");
      String quizBank = top.optionalText("quiz_bank").orElse("");
      if (strict && top.has("quiz_bank")) {
        top.problem(
            "quiz_bank",
            "an uploaded roadmap cannot name a file on the server; write each stage's questions"
                + " under it (questions:)");
      }
      List<YamlNode> items =
          top.items("stages", MAX_STAGES, "a roadmap", "the roadmap has no stages");
      if (items.isEmpty()) {
        return Optional.empty();
      }
      List<Stage> stages = new ArrayList<>();
      for (int i = 0; i < items.size() && !problems.full(); i++) {
        stages.add(stage(i + 1, items.get(i)));
      }
      return Optional.of(
          new RoadmapDocument(
              file,
              new Roadmap(id, title, quizBank, stages),
              stageLines,
              questions,
              top.line("quiz_bank")));
    }

    private Stage stage(int number, YamlNode node) {
      String at = "stages[" + number + "]";
      stageLines.put(number, node.line());
      Optional<YamlFields> read =
          mapAt(node, at, "the stage is empty", "a stage is a map (title:, summary:, objectives:)");
      if (read.isEmpty()) {
        return new Stage(number, Ids.stage(number), "", "", List.of());
      }
      YamlFields fields = read.get();
      Optional<String> title = fields.text("title", "the stage needs a title");
      String place = title.map(t -> at + " (\"" + t + "\")").orElse(at);
      fields = new YamlFields(file, fields.map(), place, problems);
      fields.only("a stage", STAGE_FIELDS);
      if (title.isPresent() && !titles.add(title.get().toLowerCase(Locale.ROOT))) {
        fields.problem("another stage has the same title");
      }
      String id = stageId(number, fields, title.orElse(""));
      String summary = fields.text("summary", "the stage needs a one-line summary").orElse("");
      List<Objective> objectives = objectives(number, fields);
      fields.value("questions").ifPresent(q -> questions.put(number, q));
      return new Stage(number, id, title.orElse(""), summary, objectives);
    }

    private String stageId(int number, YamlFields fields, String title) {
      Optional<String> given = givenId(fields, "stage", title);
      if (given.isEmpty()) {
        return Ids.stage(number);
      }
      Integer other = stageIds.putIfAbsent(given.get(), number);
      if (other != null) {
        fields.problem(
            "id", "stage " + other + " has the id `" + given.get() + "` too; stage ids are unique");
      }
      return given.get();
    }

    /**
     * The id a stage's or objective's map gives, checked; empty when it gives none (or a bad one).
     */
    private Optional<String> givenId(YamlFields fields, String what, String title) {
      boolean wrongKind =
          fields.value("id").filter(v -> !(v instanceof YamlNode.Scalar)).isPresent();
      Optional<String> id = fields.optionalWritten("id");
      if (id.isEmpty()) {
        if (strict && !wrongKind) {
          fields.problem(
              "id",
              what
                  + " `id` missing: an uploaded roadmap names every stage and objective (for"
                  + " example id: "
                  + Ids.suggest(title)
                  + ")");
        }
        return Optional.empty();
      }
      if (!Ids.valid(id.get())) {
        fields.problem("id", "`" + id.get() + "` is not an id: " + Ids.rule());
        return Optional.empty();
      }
      return id;
    }

    private List<Objective> objectives(int stage, YamlFields fields) {
      List<YamlNode> items =
          fields.items(
              "objectives", MAX_OBJECTIVES, "a stage", "the stage needs at least one objective");
      List<Objective> objectives = new ArrayList<>();
      for (int i = 0; i < items.size() && !problems.full(); i++) {
        String at = fields.field("objectives") + "[" + (i + 1) + "]";
        objectives.add(objective(stage, i + 1, items.get(i), at));
      }
      return objectives;
    }

    private Objective objective(int stage, int number, YamlNode node, String at) {
      String derived = Ids.objective(stage, number);
      if (node instanceof YamlNode.Scalar plain) {
        // the plain form, `- Learn Git`, which roadmap files without ids keep using
        String text = objectiveText(plain.isNull() ? "" : plain.value(), node.line(), at);
        if (strict) {
          problems.add(
              file,
              node.line(),
              at,
              "objective `id` missing: in an uploaded roadmap an objective is a map with its id"
                  + " and text (- id: "
                  + Ids.suggest(text)
                  + ", then text: ...)");
        }
        String id = uniqueObjective(derived, stage, number, node.line(), at);
        return new Objective(number, id, text, List.of());
      }
      Optional<YamlFields> read =
          mapAt(node, at, "the objective is empty", "an objective is text, or a map (id:, text:)");
      if (read.isEmpty()) {
        return new Objective(number, derived, "", List.of());
      }
      YamlFields fields = read.get();
      fields.only("an objective", OBJECTIVE_FIELDS);
      String text =
          fields
              .rawText("text", "the objective is empty")
              .map(t -> objectiveText(t, fields.line("text"), at))
              .orElse("");
      Optional<String> given = givenId(fields, "objective", text);
      String id =
          uniqueObjective(
              given.orElse(derived), stage, number, fields.line("id"), fields.field("id"));
      return new Objective(number, id, text, resources(fields));
    }

    private String objectiveText(String text, int line, String at) {
      if (text.isBlank()) {
        problems.add(file, line, at, "the objective is empty");
      } else if (text.length() > MAX_OBJECTIVE_LENGTH) {
        problems.add(
            file, line, at, "the objective is longer than " + MAX_OBJECTIVE_LENGTH + " characters");
      }
      return text.strip();
    }

    /** Objective ids are unique in the whole roadmap: a new version matches objectives by id. */
    private String uniqueObjective(String id, int stage, int number, int line, String field) {
      String other = objectiveIds.putIfAbsent(id, "stage " + stage + "'s objective " + number);
      if (other != null) {
        problems.add(
            file,
            line,
            field,
            other + " has the id `" + id + "` too; objective ids are unique in the roadmap");
      }
      return id;
    }

    private List<Resource> resources(YamlFields objective) {
      List<YamlNode> items = objective.items("resources", MAX_RESOURCES, "an objective", null);
      List<Resource> resources = new ArrayList<>();
      for (int i = 0; i < items.size(); i++) {
        String at = objective.field("resources") + "[" + (i + 1) + "]";
        mapAt(
                items.get(i),
                at,
                "the resource is empty",
                "a resource is a map (title:, by:, url:, free:)")
            .flatMap(this::resource)
            .ifPresent(resources::add);
      }
      return resources;
    }

    private Optional<Resource> resource(YamlFields fields) {
      fields.only("a resource", RESOURCE_FIELDS);
      Optional<String> title = fields.text("title", "the resource needs a title");
      if (title.isPresent() && fields.writtenLength("title") > MAX_RESOURCE_TITLE_LENGTH) {
        fields.problem(
            "title", "the title is longer than " + MAX_RESOURCE_TITLE_LENGTH + " characters");
      }
      YamlFields named =
          title
              .map(
                  t ->
                      new YamlFields(
                          file, fields.map(), fields.place() + " (\"" + t + "\")", problems))
              .orElse(fields);
      Optional<String> by =
          named.text("by", "say who publishes the resource (for example by: scikit-learn)");
      Optional<URI> url =
          named
              .rawText("url", "the resource needs a link (url: https://...)")
              .flatMap(u -> link(u, named));
      Optional<Boolean> free =
          named.bool("free", "say whether the resource is free to use (free: true or free: false)");
      if (title.isEmpty() || by.isEmpty() || url.isEmpty() || free.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(new Resource(title.get(), by.get(), url.get(), free.get()));
    }

    /** Members open these links from chat: only an absolute https address is accepted. */
    private static Optional<URI> link(String link, YamlFields fields) {
      URI url;
      try {
        url = new URI(link);
      } catch (URISyntaxException e) {
        fields.problem("url", "not a valid link (" + e.getReason() + "): " + link);
        return Optional.empty();
      }
      if (!url.isAbsolute()
          || !"https".equals(url.getScheme().toLowerCase(Locale.ROOT))
          || url.getHost() == null) {
        fields.problem("url", "the link must be a full https:// address, not " + link);
        return Optional.empty();
      }
      return Optional.of(url);
    }

    /**
     * The map at {@code node}, or a problem: {@code empty} when nothing is there, else {@code
     * shape}.
     */
    private Optional<YamlFields> mapAt(YamlNode node, String at, String empty, String shape) {
      if (node instanceof YamlNode.Scalar s && s.isNull()) {
        problems.add(file, node.line(), at, empty);
        return Optional.empty();
      }
      return YamlFields.of(file, node, at, shape, problems);
    }
  }
}
