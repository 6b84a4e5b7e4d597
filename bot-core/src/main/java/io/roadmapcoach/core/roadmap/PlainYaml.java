package io.roadmapcoach.core.roadmap;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.reader.UnicodeReader;

/**
 * Reads a roadmap file as plain data: maps, lists and scalars, each with its line. Whatever YAML
 * can say beyond that is refused with its line, because an uploaded file is a stranger's: anchors
 * and aliases (an alias bomb expands a few lines into billions of nodes), tags (which ask a loader
 * to build objects), merge keys ({@code <<}), duplicate keys (one silently wins), and several
 * documents in one file. It reads the parser's events one by one and never expands an alias, so a
 * hostile file costs no more than its size, which is capped at {@link #MAX_BYTES}.
 */
public final class PlainYaml {
  /** 512 KiB a file: twice the built-in roadmap and its 337 questions together. */
  public static final int MAX_BYTES = 512 * 1024;

  /** The format nests seven levels deep; anything far deeper is not a roadmap. */
  static final int MAX_DEPTH = 16;

  /**
   * Reads the file {@code file} of {@code source}; see {@link #read(InputStream, String,
   * Problems)}.
   */
  public Optional<YamlNode> read(RoadmapSource source, String file, Problems problems) {
    InputStream in;
    try {
      in = source.open(file);
    } catch (IOException e) {
      problems.add(file, 0, "", "cannot be read: " + e.getMessage());
      return Optional.empty();
    }
    return read(in, file, problems);
  }

  /**
   * The top level of {@code source}'s file {@code file}; a file that is no map is the problem
   * {@code shape}.
   */
  public Optional<YamlFields> readFields(
      RoadmapSource source, String file, String shape, Problems problems) {
    return read(source, file, problems)
        .flatMap(tree -> YamlFields.of(file, tree, "", shape, problems));
  }

  /**
   * Reads {@code in} (the file {@code file}), adding what is wrong with it to {@code problems}.
   *
   * @return the file's tree; empty when the file cannot be read as plain data
   */
  public Optional<YamlNode> read(InputStream in, String file, Problems problems) {
    byte[] bytes;
    try (in) {
      bytes = in.readNBytes(MAX_BYTES + 1);
    } catch (IOException e) {
      problems.add(file, 0, "", "cannot be read: " + e.getMessage());
      return Optional.empty();
    }
    if (bytes.length > MAX_BYTES) {
      problems.add(
          file,
          0,
          "",
          "the file is larger than 512 KiB ("
              + MAX_BYTES
              + " bytes); a roadmap and its questions fit in far less");
      return Optional.empty();
    }
    int before = problems.size();
    Optional<YamlNode> root = new Events(file, problems).read(bytes);
    if (problems.size() > before || problems.more()) {
      // a tree with aliases dropped would only add confusing problems to the real one
      return Optional.empty();
    }
    if (root.isEmpty() || root.get() instanceof YamlNode.Scalar s && s.isNull()) {
      problems.add(file, 0, "", "the file is empty");
      return Optional.empty();
    }
    return root;
  }

  /** One read of one file: the parser's events folded into a tree, frame by frame. */
  private static final class Events {
    private final String file;
    private final Problems problems;
    private final Deque<Frame> open = new ArrayDeque<>();
    private YamlNode root;
    private int documents;
    private int skipping;
    private boolean toldDepth;

    Events(String file, Problems problems) {
      this.file = file;
      this.problems = problems;
    }

    Optional<YamlNode> read(byte[] bytes) {
      LoaderOptions options = new LoaderOptions();
      options.setAllowDuplicateKeys(false);
      try {
        Parser parser =
            new ParserImpl(
                new StreamReader(new UnicodeReader(new ByteArrayInputStream(bytes))), options);
        while (!problems.full()) {
          Event event = parser.getEvent();
          if (event == null || event.is(Event.ID.StreamEnd) || !take(event)) {
            break;
          }
        }
      } catch (MarkedYAMLException e) {
        problems.add(file, line(e.getProblemMark()), "", "not valid YAML: " + e.getProblem());
      } catch (YAMLException e) {
        problems.add(file, 0, "", "not valid YAML: " + e.getMessage());
      }
      return Optional.ofNullable(root);
    }

    /** Folds one event in; false when reading should stop. */
    private boolean take(Event event) {
      int line = line(event.getStartMark());
      if (skipping > 0) {
        skip(event);
        return true;
      }
      if (event.is(Event.ID.DocumentStart) && ++documents > 1) {
        problems.add(
            file,
            line,
            "",
            "a roadmap file is one YAML document; a second one starts here (after ---)");
        return false;
      }
      if (event instanceof AliasEvent alias) {
        problems.add(
            file,
            line,
            "",
            "aliases (*"
                + alias.getAnchor()
                + ") are not plain data; write the value out where it is used");
      } else if (event instanceof NodeEvent node && node.getAnchor() != null) {
        problems.add(
            file,
            line,
            "",
            "anchors (&"
                + node.getAnchor()
                + ") are not plain data; write the value out where it is used");
      }
      if (tag(event) != null) {
        problems.add(
            file,
            line,
            "",
            "tags (" + tag(event) + ") are not plain data; write the value without a tag");
      }
      switch (event) {
        case AliasEvent alias -> finished(new YamlNode.Scalar("", true, line));
        case ScalarEvent scalar ->
            finished(new YamlNode.Scalar(scalar.getValue(), scalar.isPlain(), line));
        case CollectionStartEvent start -> begin(start, line);
        default -> {
          if (event.is(Event.ID.MappingEnd) || event.is(Event.ID.SequenceEnd)) {
            finished(open.pop().node());
          }
        }
      }
      return true;
    }

    private static String tag(Event event) {
      return switch (event) {
        case ScalarEvent scalar -> scalar.getTag();
        case CollectionStartEvent start -> start.getTag();
        default -> null;
      };
    }

    private void begin(CollectionStartEvent start, int line) {
      if (open.size() >= MAX_DEPTH) {
        if (!toldDepth) {
          problems.add(file, line, "", "nested deeper than a roadmap file goes");
          toldDepth = true;
        }
        skipping = 1;
        return;
      }
      open.push(start.is(Event.ID.MappingStart) ? new MapFrame(line) : new ListFrame(line));
    }

    /** Passes over a part nested too deep; it counts as nothing where it stood. */
    private void skip(Event event) {
      if (event.is(Event.ID.MappingStart) || event.is(Event.ID.SequenceStart)) {
        skipping++;
      } else if (event.is(Event.ID.MappingEnd) || event.is(Event.ID.SequenceEnd)) {
        skipping--;
        if (skipping == 0) {
          finished(new YamlNode.Scalar("", true, 0));
        }
      }
    }

    /** A node is complete: it becomes the root, a list's item, a map's key or a map's value. */
    private void finished(YamlNode node) {
      Frame parent = open.peek();
      switch (parent) {
        case null -> root = root == null ? node : root;
        case ListFrame list -> list.items.add(node);
        case MapFrame map -> map.take(node, file, problems);
      }
    }

    private static int line(Mark mark) {
      return mark == null ? 0 : mark.getLine() + 1;
    }
  }

  private sealed interface Frame permits MapFrame, ListFrame {
    YamlNode node();
  }

  private static final class ListFrame implements Frame {
    private final int line;
    private final List<YamlNode> items = new ArrayList<>();

    ListFrame(int line) {
      this.line = line;
    }

    @Override
    public YamlNode node() {
      return new YamlNode.Sequence(items, line);
    }
  }

  private static final class MapFrame implements Frame {
    private final int line;
    private final List<YamlNode.Entry> entries = new ArrayList<>();
    private final Set<String> keys = new HashSet<>();
    private String key;
    private int keyLine;
    private boolean drop;

    MapFrame(int line) {
      this.line = line;
    }

    /** Alternately a key and its value. */
    void take(YamlNode node, String file, Problems problems) {
      if (key == null) {
        key(node, file, problems);
        return;
      }
      if (!drop) {
        entries.add(new YamlNode.Entry(key, keyLine, node));
      }
      key = null;
      drop = false;
    }

    private void key(YamlNode node, String file, Problems problems) {
      keyLine = node.line();
      if (!(node instanceof YamlNode.Scalar scalar)) {
        problems.add(file, keyLine, "", "a key is text, not " + node.kind());
        key = "";
        drop = true;
        return;
      }
      key = scalar.value();
      if (scalar.plain() && "<<".equals(key)) {
        problems.add(file, keyLine, "", "merge keys (<<) are not plain data; write the fields out");
        drop = true;
      } else if (!keys.add(key)) {
        problems.add(
            file,
            keyLine,
            key,
            "`" + key + "` is given twice in the same map; keep one (YAML would keep the last)");
        drop = true;
      }
    }

    @Override
    public YamlNode node() {
      return new YamlNode.Mapping(entries, line);
    }
  }
}
