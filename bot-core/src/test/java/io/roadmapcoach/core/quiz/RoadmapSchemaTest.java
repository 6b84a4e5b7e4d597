package io.roadmapcoach.core.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.roadmapcoach.core.curriculum.TestRoadmaps;
import io.roadmapcoach.core.roadmap.PlainYaml;
import io.roadmapcoach.core.roadmap.Problems;
import io.roadmapcoach.core.roadmap.RoadmapSource;
import io.roadmapcoach.core.roadmap.Strictness;
import io.roadmapcoach.core.roadmap.YamlNode;
import io.roadmapcoach.core.testing.RoadmapFiles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JSON Schema editors validate roadmap files with accepts every file the loader accepts: the
 * built-in roadmap, the example in docs/roadmap-format.md, the test fixtures, and variants of them
 * made at random (a fixed seed) that the loader still accepts. It refuses what is plainly broken.
 */
class RoadmapSchemaTest {
  private static final SchemaRegistry SCHEMAS =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
  private static final Schema ROADMAP =
      SCHEMAS.getSchema(SchemaLocation.of("classpath:roadmaps/roadmap.schema.json"));
  private static final Schema BANK =
      SCHEMAS.getSchema(SchemaLocation.of("classpath:roadmaps/quiz-bank.schema.json"));
  private static final YAMLMapper YAML = new YAMLMapper();

  @TempDir Path dir;

  /** The file as the loader reads it (plain YAML, typed the same way), as JSON for the schema. */
  static JsonNode json(String yaml) {
    Problems problems = new Problems();
    YamlNode tree =
        new PlainYaml()
            .read(
                new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)),
                "file.yaml",
                problems)
            .orElseThrow(() -> new AssertionError(problems.list()));
    return json(tree);
  }

  private static JsonNode json(YamlNode node) {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    return switch (node) {
      case YamlNode.Scalar s when s.isNull() -> NullNode.getInstance();
      case YamlNode.Scalar s when s.bool().isPresent() -> BooleanNode.valueOf(s.bool().get());
      case YamlNode.Scalar s when s.integer().isPresent() ->
          nodes.numberNode(s.integer().getAsLong());
      case YamlNode.Scalar s -> TextNode.valueOf(s.value());
      case YamlNode.Sequence list -> {
        ArrayNode array = nodes.arrayNode();
        list.items().forEach(item -> array.add(json(item)));
        yield array;
      }
      case YamlNode.Mapping map -> {
        ObjectNode object = nodes.objectNode();
        map.entries().forEach(e -> object.set(e.key(), json(e.value())));
        yield object;
      }
    };
  }

  private static List<Error> errors(Schema schema, String yaml) {
    return schema.validate(json(yaml));
  }

  static String resource(String path) {
    try (InputStream in = RoadmapSchemaTest.class.getClassLoader().getResourceAsStream(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The example file in docs/roadmap-format.md: the yaml block after its marker comment. */
  static String docExample() {
    try {
      String doc = Files.readString(Path.of("..", "docs", "roadmap-format.md"));
      int marker = doc.indexOf("<!-- example:");
      int start = doc.indexOf("```yaml\n", marker) + "```yaml\n".length();
      return doc.substring(start, doc.indexOf("```\n", start));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean uploadLoads(String yaml, Strictness strictness) {
    return new RoadmapCheck(strictness)
            .check(RoadmapSource.uploaded("roadmap.yaml", yaml.getBytes(StandardCharsets.UTF_8)))
        instanceof RoadmapCheck.Valid;
  }

  private boolean filesLoad(String roadmap, String bank) {
    RoadmapFiles.write(dir, "quiz-bank.yaml", bank);
    Path file = RoadmapFiles.write(dir, "roadmap.yaml", roadmap);
    return new RoadmapCheck(Strictness.LENIENT).check(RoadmapSource.file(file))
        instanceof RoadmapCheck.Valid;
  }

  @Test
  void theBuiltInRoadmapAndItsBankPassTheirSchemas() {
    String roadmap = resource("roadmaps/ml-engineer/roadmap.yaml");
    String bank = resource("roadmaps/ml-engineer/quiz-bank.yaml");

    assertThat(filesLoad(roadmap, bank)).isTrue();
    assertThat(errors(ROADMAP, roadmap)).isEmpty();
    assertThat(errors(BANK, bank)).isEmpty();
    assertThat(roadmap).startsWith("# yaml-language-server: $schema=../roadmap.schema.json\n");
    assertThat(bank).startsWith("# yaml-language-server: $schema=../quiz-bank.schema.json\n");
  }

  @Test
  void theDocsExampleIsAValidUploadAndPassesTheSchema() {
    String example = docExample();

    assertThat(uploadLoads(example, Strictness.STRICT)).isTrue();
    assertThat(errors(ROADMAP, example)).isEmpty();
  }

  @Test
  void theTestFixturesThatLoadPassTheSchemas() {
    String roadmap = RoadmapFiles.roadmapYaml(3, 2);
    String bank = RoadmapFiles.bankYaml(3, 10);
    String upload = RoadmapFiles.strictYaml(2, 3, 10);
    String mixed =
        RoadmapFiles.roadmapYaml(1, 1)
            .replace(
                "      - Objective 1.1\n",
                "      - Objective 1.1\n      - text: Write\n        resources:\n"
                    + "          - title: The Guide\n            by: Guide Press\n"
                    + "            url: https://example.org/guide\n            free: true\n"
                    + "      - id: ship\n        text: Ship\n        resources: []\n");

    assertThat(filesLoad(roadmap, bank)).isTrue();
    assertThat(filesLoad(mixed, RoadmapFiles.bankYaml(1, 10))).isTrue();
    assertThat(uploadLoads(upload, Strictness.STRICT)).isTrue();
    assertThat(errors(ROADMAP, roadmap)).isEmpty();
    assertThat(errors(ROADMAP, mixed)).isEmpty();
    assertThat(errors(BANK, bank)).isEmpty();
    assertThat(errors(ROADMAP, upload)).isEmpty();
  }

  @Test
  void aRoadmapWithoutAnyQuestionIsAValidUploadAndPassesTheSchema() {
    String noQuiz = TestRoadmaps.withoutQuestions("no-quiz", 3, 2);

    assertThat(uploadLoads(noQuiz, Strictness.STRICT)).isTrue();
    assertThat(errors(ROADMAP, noQuiz)).isEmpty();
    // a stage with questions still needs ten of them, even when the others have none
    String oneStageAsked =
        noQuiz.replace(
            "    objectives:\n      - id: s1-o1\n",
            "    questions: []\n    objectives:\n      - id: s1-o1\n");
    assertThat(oneStageAsked).isNotEqualTo(noQuiz);
    assertThat(uploadLoads(oneStageAsked, Strictness.STRICT)).isFalse();
  }

  @Test
  void theSchemaRefusesWhatIsPlainlyBroken() {
    String upload = RoadmapFiles.strictYaml(1, 2, 10);
    Map<String, String> broken =
        Map.of(
            "an unknown field", upload.replace("    summary:", "    summery:"),
            "a missing title", upload.replace("title: Tiny Test\n", ""),
            "an http link",
                upload.replace(
                    "        text: Objective 1.2\n",
                    "        text: Objective 1.2\n        resources:\n          - {title: G, by: P,"
                        + " url: 'http://example.org', free: true}\n"),
            "a bad stage id", upload.replace("  - id: stage-1\n", "  - id: Stage One\n"),
            "21 objectives", RoadmapFiles.strictYaml(1, 21, 10),
            "51 stages", RoadmapFiles.strictYaml(51, 1, 10),
            "two correct options",
                upload.replace("Wrong A 1.3\"\n", "Wrong A 1.3\"\n            correct: true\n"),
            "an option over 75 characters",
                upload.replace("\"Wrong A 1.3\"", "\"" + "x".repeat(76) + "\""),
            "a title that is a list", upload.replace("title: Tiny Test", "title: [Tiny, Test]"));

    broken.forEach(
        (what, yaml) -> {
          assertThat(uploadLoads(yaml, Strictness.LENIENT))
              .as("the loader takes %s", what)
              .isFalse();
          assertThat(errors(ROADMAP, yaml)).as("the schema takes %s", what).isNotEmpty();
        });
  }

  /** Variants of valid files: whatever the loader still accepts, the schema must accept too. */
  @Test
  void theSchemaRefusesNothingTheLoaderAcceptsInGeneratedVariants() throws Exception {
    Random random = new Random(26);
    JsonNode example = YAML.readTree(docExample());
    int loaded = 0;
    int refusedBySchema = 0;
    for (int i = 0; i < 400; i++) {
      JsonNode variant = mutate(example.deepCopy(), random, 1 + random.nextInt(3));
      String yaml = YAML.writeValueAsString(variant);
      boolean loads = uploadLoads(yaml, i % 2 == 0 ? Strictness.STRICT : Strictness.LENIENT);
      List<Error> errors = errors(ROADMAP, yaml);
      if (loads) {
        loaded++;
        assertThat(errors).as("the loader takes this, the schema should too:\n%s", yaml).isEmpty();
      } else if (!errors.isEmpty()) {
        refusedBySchema++;
      }
    }
    String roadmap = resource("roadmaps/ml-engineer/roadmap.yaml");
    String bank = resource("roadmaps/ml-engineer/quiz-bank.yaml");
    JsonNode builtIn = YAML.readTree(roadmap);
    JsonNode builtInBank = YAML.readTree(bank);
    for (int i = 0; i < 60; i++) {
      boolean bankSide = i % 3 == 0;
      JsonNode variant =
          mutate((bankSide ? builtInBank : builtIn).deepCopy(), random, 1 + random.nextInt(2));
      String yaml = YAML.writeValueAsString(variant);
      boolean loads = bankSide ? filesLoad(roadmap, yaml) : filesLoad(yaml, bank);
      List<Error> errors = errors(bankSide ? BANK : ROADMAP, yaml);
      if (loads) {
        loaded++;
        assertThat(errors).as("the loader takes this, the schema should too:\n%s", yaml).isEmpty();
      }
    }

    // the variants exercise both sides: many still load, many are refused by the schema
    assertThat(loaded).isGreaterThan(100);
    assertThat(refusedBySchema).isGreaterThan(50);
  }

  /** A place in the tree: a container and a key or index in it. */
  private record Slot(JsonNode container, String key, int index) {
    JsonNode value() {
      return key != null ? container.get(key) : container.get(index);
    }

    void set(JsonNode value) {
      if (key != null) {
        ((ObjectNode) container).set(key, value);
      } else {
        ((ArrayNode) container).set(index, value);
      }
    }

    void remove() {
      if (key != null) {
        ((ObjectNode) container).remove(key);
      } else {
        ((ArrayNode) container).remove(index);
      }
    }
  }

  private static List<Slot> slots(JsonNode node) {
    List<Slot> slots = new ArrayList<>();
    collect(node, slots);
    return slots;
  }

  private static void collect(JsonNode node, List<Slot> slots) {
    if (node instanceof ObjectNode object) {
      object
          .properties()
          .forEach(
              e -> {
                slots.add(new Slot(object, e.getKey(), -1));
                collect(e.getValue(), slots);
              });
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        slots.add(new Slot(array, null, i));
        collect(array.get(i), slots);
      }
    }
  }

  /** Edits a valid file the way people do, some edits harmless and some not. */
  private static final List<BiConsumer<Slot, Random>> EDITS =
      List.of(
          (slot, random) -> slot.remove(),
          (slot, random) -> slot.set(NullNode.getInstance()),
          (slot, random) -> {
            if (slot.value().isTextual()) {
              slot.set(
                  random.nextBoolean()
                      ? IntNode.valueOf(random.nextInt(5))
                      : BooleanNode.valueOf(random.nextBoolean()));
            }
          },
          (slot, random) -> {
            if (slot.value().isTextual()) {
              slot.set(TextNode.valueOf("  " + slot.value().asText() + " "));
            }
          },
          (slot, random) -> {
            if (slot.value().isObject() && slot.value().has("text")) {
              slot.set(slot.value().get("text"));
            }
          },
          (slot, random) -> {
            if ("objective".equals(slot.key())) {
              slot.set(IntNode.valueOf(1 + random.nextInt(3)));
            }
          },
          (slot, random) -> {
            if (slot.value().isObject()) {
              ((ObjectNode) slot.value()).put(random.nextBoolean() ? "extra" : "Title", "x");
            }
          },
          (slot, random) -> {
            if (slot.value().isArray() && !slot.value().isEmpty()) {
              ((ArrayNode) slot.value()).add(slot.value().get(0).deepCopy());
            }
          },
          (slot, random) -> {
            if ("id".equals(slot.key())) {
              slot.set(TextNode.valueOf(random.nextBoolean() ? "s1-o9" : "Not An Id"));
            }
          },
          (slot, random) -> {
            if ("correct".equals(slot.key()) || "free".equals(slot.key())) {
              slot.set(BooleanNode.valueOf(random.nextBoolean()));
            } else if (slot.value().isObject() && slot.value().has("text")) {
              ((ObjectNode) slot.value()).put("correct", random.nextBoolean());
            }
          },
          (slot, random) -> {
            if ("url".equals(slot.key())) {
              slot.set(
                  TextNode.valueOf(
                      random.nextBoolean() ? "http://example.org/" : "HTTPS://example.org/a"));
            }
          },
          (slot, random) -> {
            if (slot.value().isTextual()) {
              slot.set(TextNode.valueOf("x".repeat(60 + random.nextInt(160))));
            }
          });

  private static JsonNode mutate(JsonNode root, Random random, int edits) {
    for (int i = 0; i < edits; i++) {
      List<Slot> slots = slots(root);
      Slot slot = slots.get(random.nextInt(slots.size()));
      EDITS.get(random.nextInt(EDITS.size())).accept(slot, random);
    }
    return root;
  }
}
