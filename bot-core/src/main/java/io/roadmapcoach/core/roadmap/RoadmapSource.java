package io.roadmapcoach.core.roadmap;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Where a roadmap's files come from: the built-in one inside the jar, a folder on disk when
 * ROADMAP_FILE names a file, or the bytes of an uploaded file. The quiz bank is looked up next to
 * the roadmap file; an upload has none.
 */
public sealed interface RoadmapSource {

  /** The roadmap file's own name within this source. */
  String roadmapName();

  InputStream open(String name) throws IOException;

  /** How messages name a file of this source. */
  String describe(String name);

  /** The Machine Learning Engineer roadmap that ships with the bot. */
  static RoadmapSource builtIn() {
    return new Classpath("roadmaps/ml-engineer/", "roadmap.yaml");
  }

  /** A roadmap file on disk; its quiz bank is named relative to its folder. */
  static RoadmapSource file(Path roadmapFile) {
    Path absolute = roadmapFile.toAbsolutePath().normalize();
    Path folder = absolute.getParent();
    return new Folder(folder, absolute.getFileName().toString());
  }

  /**
   * A file a lead uploaded, held in memory: it is the only file there is, so a {@code quiz_bank:}
   * in it can name nothing on the server's disk (and {@link Strictness#STRICT} refuses one anyway).
   */
  static RoadmapSource uploaded(String fileName, byte[] content) {
    return new Uploaded(fileName, content.clone());
  }

  record Classpath(String prefix, String roadmapName) implements RoadmapSource {
    @Override
    public InputStream open(String name) throws IOException {
      InputStream in = RoadmapSource.class.getClassLoader().getResourceAsStream(prefix + name);
      if (in == null) {
        throw new NoSuchFileException("built-in " + prefix + name);
      }
      return in;
    }

    @Override
    public String describe(String name) {
      return "built-in " + prefix + name;
    }
  }

  record Folder(Path folder, String roadmapName) implements RoadmapSource {
    @Override
    public InputStream open(String name) throws IOException {
      Path file = folder.resolve(name).normalize();
      if (!Files.isRegularFile(file)) {
        throw new NoSuchFileException("no such file");
      }
      return Files.newInputStream(file);
    }

    @Override
    public String describe(String name) {
      return folder.resolve(name).normalize().toString();
    }
  }

  /** An uploaded file's name and bytes (its own copy). */
  final class Uploaded implements RoadmapSource {
    private final String roadmapName;
    private final byte[] content;

    private Uploaded(String roadmapName, byte[] content) {
      this.roadmapName = roadmapName;
      this.content = content;
    }

    @Override
    public String roadmapName() {
      return roadmapName;
    }

    @Override
    public InputStream open(String name) throws IOException {
      if (!roadmapName.equals(name)) {
        throw new NoSuchFileException("an uploaded roadmap has no other file");
      }
      return new ByteArrayInputStream(content);
    }

    @Override
    public String describe(String name) {
      return name;
    }
  }
}
