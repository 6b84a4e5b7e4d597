package io.roadmapcoach.core.roadmap;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A roadmap file's YAML as plain data, each node with the line it starts on, so that a problem
 * found while reading the roadmap can name its line. Only what a roadmap file may use exists here:
 * maps with text keys, lists and scalars (no anchors, aliases or tags; see {@link PlainYaml}).
 */
public sealed interface YamlNode {

  /** 1-based line where the node starts. */
  int line();

  /** What this node is, in the words a problem uses ("a list"). */
  String kind();

  /**
   * A single value as written. Plain (unquoted) values are typed the way YAML 1.2's core schema and
   * editors type them: {@code ~}, {@code null} or nothing is null, {@code true} and {@code false}
   * are booleans, digits are integers; a quoted value is always text.
   */
  record Scalar(String value, boolean plain, int line) implements YamlNode {
    private static final Set<String> NULLS = Set.of("", "~", "null", "Null", "NULL");
    private static final Set<String> TRUE = Set.of("true", "True", "TRUE");
    private static final Set<String> FALSE = Set.of("false", "False", "FALSE");
    private static final Pattern INTEGER = Pattern.compile("[-+]?[0-9]+");

    public boolean isNull() {
      return plain && NULLS.contains(value);
    }

    public Optional<Boolean> bool() {
      if (plain && TRUE.contains(value)) {
        return Optional.of(true);
      }
      return plain && FALSE.contains(value) ? Optional.of(false) : Optional.empty();
    }

    /** The value as a whole number, when it is one written plainly (and fits a long). */
    public OptionalLong integer() {
      if (!plain || !INTEGER.matcher(value).matches()) {
        return OptionalLong.empty();
      }
      try {
        return OptionalLong.of(Long.parseLong(value));
      } catch (NumberFormatException tooLong) {
        return OptionalLong.empty();
      }
    }

    @Override
    public String kind() {
      if (isNull()) {
        return "nothing";
      }
      if (bool().isPresent()) {
        return "true or false";
      }
      return integer().isPresent() ? "a number" : "text";
    }
  }

  /** A key of a map, with the line it is written on, and its value. */
  record Entry(String key, int line, YamlNode value) {}

  /** A map, its keys in the order written (each key once). */
  record Mapping(List<Entry> entries, int line) implements YamlNode {
    public Mapping {
      entries = List.copyOf(entries);
    }

    public Optional<Entry> entry(String key) {
      return entries.stream().filter(e -> e.key().equals(key)).findFirst();
    }

    @Override
    public String kind() {
      return "a map of fields";
    }
  }

  /** A list. */
  record Sequence(List<YamlNode> items, int line) implements YamlNode {
    public Sequence {
      items = List.copyOf(items);
    }

    @Override
    public String kind() {
      return "a list";
    }
  }
}
