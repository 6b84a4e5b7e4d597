package io.roadmapcoach.core.roadmap;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Reads and checks a roadmap file; a broken file stops start-up with a message saying where. */
public final class RoadmapLoader {
  /** Objectives become button labels and list lines; longer text does not fit either. */
  static final int MAX_OBJECTIVE_LENGTH = 200;

  static final int MAX_OBJECTIVES = 9;

  /** Resources are listed under their objective; more than a few is a reading list, not a hint. */
  static final int MAX_RESOURCES = 5;

  /** A resource's title becomes a link's text in one line of a reply. */
  static final int MAX_RESOURCE_TITLE_LENGTH = 120;

  private final YamlFiles yaml = new YamlFiles();

  record ResourceEntry(String title, String by, String url, Boolean free) {}

  /** An objective: plain text, or a map with its text and the resources to learn it from. */
  record ObjectiveEntry(String text, List<ResourceEntry> resources) {

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    ObjectiveEntry(
        @JsonProperty("text") String text,
        @JsonProperty("resources") List<ResourceEntry> resources) {
      this.text = text;
      this.resources = resources == null ? List.of() : resources;
    }

    /** The plain form, {@code - Learn Git}, which custom roadmap files keep using. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static ObjectiveEntry plain(String text) {
      return new ObjectiveEntry(text, List.of());
    }
  }

  record StageEntry(String title, String summary, List<ObjectiveEntry> objectives) {}

  record RoadmapEntry(
      String id,
      String title,
      @JsonProperty("quiz_bank") String quizBank,
      List<StageEntry> stages) {}

  public Roadmap load(RoadmapSource source) {
    String name = source.roadmapName();
    RoadmapEntry entry = yaml.read(source, name, RoadmapEntry.class);
    FileChecks problems = new FileChecks(source.describe(name));
    problems.require(notBlank(entry.id()), "id", "the roadmap needs an id");
    problems.require(notBlank(entry.title()), "title", "the roadmap needs a title");
    problems.require(
        notBlank(entry.quizBank()),
        "quiz_bank",
        "name the quiz bank file (for example quiz-bank.yaml)");
    problems.require(
        entry.stages() != null && !entry.stages().isEmpty(), "stages", "the roadmap has no stages");
    List<Stage> stages = new ArrayList<>();
    Set<String> titles = new HashSet<>();
    for (int i = 0; i < entry.stages().size(); i++) {
      stages.add(stage(i + 1, entry.stages().get(i), titles, problems));
    }
    return new Roadmap(entry.id().strip(), entry.title().strip(), entry.quizBank().strip(), stages);
  }

  private static Stage stage(
      int number, StageEntry entry, Set<String> titles, FileChecks problems) {
    String place = "stages[" + number + "]";
    problems.require(entry != null, place, "the stage is empty");
    problems.require(notBlank(entry.title()), place + ".title", "the stage needs a title");
    place = place + " (\"" + entry.title().strip() + "\")";
    problems.require(
        titles.add(entry.title().strip().toLowerCase(Locale.ROOT)),
        place,
        "another stage has the same title");
    problems.require(
        notBlank(entry.summary()), place + ".summary", "the stage needs a one-line summary");
    List<ObjectiveEntry> objectives = entry.objectives();
    problems.require(
        objectives != null && !objectives.isEmpty(),
        place + ".objectives",
        "the stage needs at least one objective");
    problems.require(
        objectives.size() <= MAX_OBJECTIVES,
        place + ".objectives",
        "a stage has at most " + MAX_OBJECTIVES + " objectives, this one has " + objectives.size());
    List<Objective> checked = new ArrayList<>();
    for (int i = 0; i < objectives.size(); i++) {
      checked.add(objective(i + 1, objectives.get(i), place + ".objectives", problems));
    }
    return new Stage(number, entry.title().strip(), entry.summary().strip(), checked);
  }

  private static Objective objective(
      int number, ObjectiveEntry entry, String objectivesPlace, FileChecks problems) {
    String at = objectivesPlace + "[" + number + "]";
    problems.require(entry != null && notBlank(entry.text()), at, "the objective is empty");
    String text = entry.text().strip();
    problems.require(
        text.length() <= MAX_OBJECTIVE_LENGTH,
        at,
        "the objective is longer than " + MAX_OBJECTIVE_LENGTH + " characters");
    List<ResourceEntry> resources = entry.resources();
    problems.require(
        resources.size() <= MAX_RESOURCES,
        at + ".resources",
        "an objective has at most "
            + MAX_RESOURCES
            + " resources, this one has "
            + resources.size());
    List<Resource> checked = new ArrayList<>();
    for (int i = 0; i < resources.size(); i++) {
      checked.add(resource(resources.get(i), at + ".resources[" + (i + 1) + "]", problems));
    }
    return new Objective(number, text, checked);
  }

  private static Resource resource(ResourceEntry entry, String at, FileChecks problems) {
    problems.require(entry != null, at, "the resource is empty");
    problems.require(notBlank(entry.title()), at + ".title", "the resource needs a title");
    String title = entry.title().strip();
    problems.require(
        title.length() <= MAX_RESOURCE_TITLE_LENGTH,
        at + ".title",
        "the title is longer than " + MAX_RESOURCE_TITLE_LENGTH + " characters");
    at = at + " (\"" + title + "\")";
    problems.require(
        notBlank(entry.by()),
        at + ".by",
        "say who publishes the resource (for example by: scikit-learn)");
    problems.require(
        notBlank(entry.url()), at + ".url", "the resource needs a link (url: https://...)");
    URI url = httpsLink(entry.url().strip(), at + ".url", problems);
    problems.require(
        entry.free() != null,
        at + ".free",
        "say whether the resource is free to use (free: true or free: false)");
    return new Resource(title, entry.by().strip(), url, entry.free());
  }

  /** Members open these links from chat: only an absolute https address is accepted. */
  private static URI httpsLink(String link, String at, FileChecks problems) {
    URI url;
    try {
      url = new URI(link);
    } catch (URISyntaxException e) {
      throw new RoadmapFileException(
          problems.file(), at, "not a valid link (" + e.getReason() + "): " + link, e);
    }
    problems.require(
        url.isAbsolute()
            && "https".equals(url.getScheme().toLowerCase(Locale.ROOT))
            && url.getHost() != null,
        at,
        "the link must be a full https:// address, not " + link);
    return url;
  }

  private static boolean notBlank(String s) {
    return s != null && !s.isBlank();
  }
}
