package io.roadmapcoach.core.roadmap;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The fields of one map in a roadmap file, read with problems that name the line and the field
 * ({@code stages[2] ("EDA").summary}). A field that is missing or of the wrong kind adds a problem
 * and reads as empty, so that reading goes on and finds the file's other problems too.
 *
 * @param file the file's name, for problems
 * @param map the map
 * @param place the map's own path in the file; empty for the file's top level
 * @param problems where problems go
 */
public record YamlFields(String file, YamlNode.Mapping map, String place, Problems problems) {

  /** The path of {@code key} in this map, for a problem about it. */
  public String field(String key) {
    return place.isEmpty() ? key : place + "." + key;
  }

  /** The line of {@code key}, or of the map when the key is not there. */
  public int line(String key) {
    return map.entry(key).map(YamlNode.Entry::line).orElse(map.line());
  }

  public boolean has(String key) {
    return map.entry(key).isPresent();
  }

  /** Adds a problem about {@code key}, at its line. */
  public void problem(String key, String message) {
    problems.add(file, line(key), field(key), message);
  }

  /** Adds a problem about the map itself, at its line. */
  public void problem(String message) {
    problems.add(file, map.line(), place, message);
  }

  /** Each key outside {@code known} is a problem that names it and the fields this map has. */
  public void only(String what, List<String> known) {
    for (YamlNode.Entry entry : map.entries()) {
      if (!known.contains(entry.key())) {
        problems.add(
            file,
            entry.line(),
            field(entry.key()),
            "unknown field `"
                + entry.key()
                + "`; "
                + what
                + " has "
                + String.join(", ", known.subList(0, known.size() - 1))
                + " and "
                + known.getLast());
      }
    }
  }

  /** The value of {@code key} unless it is missing or null. */
  public Optional<YamlNode> value(String key) {
    return map.entry(key)
        .map(YamlNode.Entry::value)
        .filter(v -> !(v instanceof YamlNode.Scalar s && s.isNull()));
  }

  /**
   * The text of {@code key}, stripped; {@code missing} is the problem when it is absent or blank.
   */
  public Optional<String> text(String key, String missing) {
    Optional<String> text = optionalText(key);
    if (text.isEmpty() && !wrongKind(key)) {
      problem(key, missing);
    }
    return text;
  }

  /** The text of {@code key} as written (not stripped), when there is any. */
  public Optional<String> rawText(String key, String missing) {
    Optional<YamlNode> value = value(key);
    if (value.isPresent() && value.get() instanceof YamlNode.Scalar s && !s.value().isBlank()) {
      return Optional.of(s.value());
    }
    if (value.isPresent() && !(value.get() instanceof YamlNode.Scalar)) {
      problem(key, "`" + key + "` is text, not " + value.get().kind());
    } else {
      problem(key, missing);
    }
    return Optional.empty();
  }

  /**
   * How long the value of {@code key} is as written, spaces and all (0 for anything but text):
   * limits count what the file says, as the JSON Schema does.
   */
  public int writtenLength(String key) {
    return value(key)
        .filter(YamlNode.Scalar.class::isInstance)
        .map(v -> ((YamlNode.Scalar) v).value().length())
        .orElse(0);
  }

  /**
   * The text of {@code key} exactly as written, when there is any: ids and references to them,
   * which either match or do not (a list or map there is a problem).
   */
  public Optional<String> optionalWritten(String key) {
    return optionalText(key).map(stripped -> ((YamlNode.Scalar) value(key).orElseThrow()).value());
  }

  /** The text of {@code key}, stripped, when there is any; a list or map there is a problem. */
  public Optional<String> optionalText(String key) {
    Optional<YamlNode> value = value(key);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    if (!(value.get() instanceof YamlNode.Scalar scalar)) {
      problem(key, "`" + key + "` is text, not " + value.get().kind());
      return Optional.empty();
    }
    return scalar.value().isBlank() ? Optional.empty() : Optional.of(scalar.value().strip());
  }

  private boolean wrongKind(String key) {
    return value(key).filter(v -> !(v instanceof YamlNode.Scalar)).isPresent();
  }

  /** {@code true} or {@code false} at {@code key}; {@code missing} is the problem otherwise. */
  public Optional<Boolean> bool(String key, String missing) {
    Optional<Boolean> bool =
        value(key)
            .filter(YamlNode.Scalar.class::isInstance)
            .flatMap(v -> ((YamlNode.Scalar) v).bool());
    if (bool.isEmpty()) {
      problem(key, missing);
    }
    return bool;
  }

  /** The list at {@code key}, when there is one; something else there is a problem. */
  public Optional<YamlNode.Sequence> list(String key) {
    Optional<YamlNode> value = value(key);
    if (value.isPresent() && !(value.get() instanceof YamlNode.Sequence)) {
      problem(key, "`" + key + "` is a list (one `- ` line per item), not " + value.get().kind());
      return Optional.empty();
    }
    return value.map(YamlNode.Sequence.class::cast);
  }

  /**
   * The items of the list at {@code key}. More than {@code max} is a problem that says {@code
   * owner} ("a stage") has at most so many; a missing or empty list is the problem {@code empty},
   * unless that is null (the list may be left out).
   */
  public List<YamlNode> items(String key, int max, String owner, String empty) {
    boolean wrongKind = value(key).filter(v -> !(v instanceof YamlNode.Sequence)).isPresent();
    List<YamlNode> items = list(key).map(YamlNode.Sequence::items).orElse(List.of());
    if (items.isEmpty() && empty != null && !wrongKind) {
      problem(key, empty);
    }
    if (items.size() > max) {
      problem(key, owner + " has at most " + max + " " + key + ", this one has " + items.size());
    }
    return items;
  }

  /** A whole number written plainly at {@code key}, when there is one. */
  public OptionalLong integer(String key) {
    return value(key)
        .filter(YamlNode.Scalar.class::isInstance)
        .map(v -> ((YamlNode.Scalar) v).integer())
        .orElse(OptionalLong.empty());
  }

  /**
   * The map {@code node} of a list, read like this one; a problem at {@code at} when it is no map.
   */
  public static Optional<YamlFields> of(
      String file, YamlNode node, String at, String shape, Problems problems) {
    if (node instanceof YamlNode.Mapping map) {
      return Optional.of(new YamlFields(file, map, at, problems));
    }
    problems.add(file, node.line(), at, shape + ", not " + node.kind());
    return Optional.empty();
  }
}
