package io.roadmapcoach.core.roadmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** YAML beyond plain data is refused at its line, before anything is built from it. */
class PlainYamlTest {
  private final PlainYaml yaml = new PlainYaml();
  private final Problems problems = new Problems();

  private Optional<YamlNode> read(String text) {
    return yaml.read(
        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "roadmap.yaml", problems);
  }

  private List<Problem> refused(String text) {
    assertThat(read(text)).isEmpty();
    assertThat(problems.isEmpty()).isFalse();
    return problems.list();
  }

  @Test
  void plainDataReadsWithTheLineOfEveryNode() {
    YamlNode root = read("id: tiny\nstages:\n  - title: 'Basics'\n    free: true\n").orElseThrow();

    YamlNode.Mapping top = (YamlNode.Mapping) root;
    assertThat(top.entries()).extracting(YamlNode.Entry::key).containsExactly("id", "stages");
    YamlNode.Sequence stages = (YamlNode.Sequence) top.entry("stages").orElseThrow().value();
    YamlNode.Mapping stage = (YamlNode.Mapping) stages.items().getFirst();
    assertThat(stage.line()).isEqualTo(3);
    YamlNode.Scalar title = (YamlNode.Scalar) stage.entry("title").orElseThrow().value();
    assertThat(title).isEqualTo(new YamlNode.Scalar("Basics", false, 3));
    YamlNode.Scalar free = (YamlNode.Scalar) stage.entry("free").orElseThrow().value();
    assertThat(free.bool()).contains(true);
    assertThat(free.line()).isEqualTo(4);
  }

  @Test
  void plainValuesAreTypedAsEditorsTypeThemAndQuotedOnesStayText() {
    YamlNode.Mapping top =
        (YamlNode.Mapping) read("a: 3\nb: '3'\nc: yes\nd: ~\ne:\nf: False\n").orElseThrow();

    assertThat(scalar(top, "a").integer()).hasValue(3);
    assertThat(scalar(top, "b").integer()).isEmpty();
    assertThat(scalar(top, "c").bool()).as("yes is text in YAML 1.2").isEmpty();
    assertThat(scalar(top, "d").isNull()).isTrue();
    assertThat(scalar(top, "e").isNull()).isTrue();
    assertThat(scalar(top, "f").bool()).contains(false);
  }

  private static YamlNode.Scalar scalar(YamlNode.Mapping map, String key) {
    return (YamlNode.Scalar) map.entry(key).orElseThrow().value();
  }

  @Test
  void anchorsAndAliasesAreRefusedAtTheirLines() {
    assertThat(refused("base: &b Read\nagain: *b\n"))
        .extracting(Problem::line, Problem::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                1, "anchors (&b) are not plain data; write the value out where it is used"),
            org.assertj.core.groups.Tuple.tuple(
                2, "aliases (*b) are not plain data; write the value out where it is used"));
  }

  @Test
  void anAliasBombIsRefusedFastWithoutExpandingIt() {
    StringBuilder bomb =
        new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (int i = 1; i <= 30; i++) {
      bomb.append("a").append(i).append(": &a").append(i).append(" [");
      for (int j = 0; j < 9; j++) {
        bomb.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
      }
      bomb.append("]\n");
    }
    Instant start = Instant.now();

    List<Problem> found = refused(bomb.toString());

    // 9^30 nodes if expanded; read as events it is 300 aliases, and reading stops at the 20th
    // problem
    assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(5));
    assertThat(found).hasSize(Problems.LIMIT);
    assertThat(found.getFirst().line()).isEqualTo(1);
    assertThat(problems.more()).isTrue();
  }

  @Test
  void tagsAreRefusedAtTheirLine() {
    assertThat(refused("id: tiny\ntitle: !!str 5\nstages: !!python/object:os.system {}\n"))
        .extracting(Problem::line)
        .containsExactly(2, 3);
    assertThat(problems.list().getFirst().message()).startsWith("tags (tag:yaml.org,2002:str)");
  }

  @Test
  void mergeKeysAreRefusedAtTheirLine() {
    assertThat(refused("base:\n  title: A\nstage:\n  <<: {title: B}\n"))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.line()).isEqualTo(4);
              assertThat(p.message()).startsWith("merge keys (<<) are not plain data");
            });
  }

  @Test
  void aKeyGivenTwiceIsRefusedNamingTheKey() {
    assertThat(refused("id: one\ntitle: A\nid: two\n"))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.line()).isEqualTo(3);
              assertThat(p.field()).isEqualTo("id");
              assertThat(p.message()).startsWith("`id` is given twice in the same map");
            });
  }

  @Test
  void aSecondDocumentIsRefusedWhereItStarts() {
    assertThat(refused("id: one\n---\nid: two\n"))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.line()).isEqualTo(2);
              assertThat(p.message()).contains("one YAML document");
            });
  }

  @Test
  void aFileOverHalfAMebibyteIsRefusedUnread() {
    String big = "# " + "x".repeat(PlainYaml.MAX_BYTES) + "\nid: tiny\n";

    assertThat(refused(big))
        .singleElement()
        .satisfies(p -> assertThat(p.message()).startsWith("the file is larger than 512 KiB"));
  }

  @Test
  void nestingDeeperThanTheFormatIsRefusedOnce() {
    String deep = "a: " + "[".repeat(200) + "]".repeat(200) + "\n";

    assertThat(refused(deep))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.line()).isEqualTo(1);
              assertThat(p.message()).isEqualTo("nested deeper than a roadmap file goes");
            });
  }

  @Test
  void brokenSyntaxNamesItsLine() {
    assertThat(refused("id: tiny\ntitle: [unclosed\nstages: []\n"))
        .singleElement()
        .satisfies(p -> assertThat(p.message()).startsWith("not valid YAML: "));
  }
}
