package io.roadmapcoach.discord;

import static org.assertj.core.api.Assertions.assertThat;

import io.roadmapcoach.core.roadmap.Roadmap;
import io.roadmapcoach.core.roadmap.RoadmapLoader;
import io.roadmapcoach.core.roadmap.RoadmapSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code /roadmap} as Discord receives it, byte for byte, compared with the snapshot taken before
 * the commands were declared in their features: moving where a command is written must not change
 * what members see (names, order, descriptions, options, ranges, choices). A deliberate change of
 * the surface regenerates the snapshot: run this test with {@code -Dsnapshot.write=true} and read
 * the difference before committing it.
 */
class RegisteredCommandTest {
  private static final String SNAPSHOT = "registered-roadmap-command.json";
  private static final Roadmap ROADMAP = new RoadmapLoader().load(RoadmapSource.builtIn());

  @Test
  void theRegisteredCommandIsTheSnapshotByteForByte() throws IOException {
    String registered = registeredJson();
    if (Boolean.getBoolean("snapshot.write")) {
      Files.writeString(
          Path.of("src/test/resources").resolve(SNAPSHOT), registered, StandardCharsets.UTF_8);
    }
    assertThat(registered).isEqualTo(snapshot());
  }

  private static String registeredJson() {
    return new String(
        new CommandSurface(CommandSurfaceTest.declared(ROADMAP)).command().toData().toJson(),
        StandardCharsets.UTF_8);
  }

  private static String snapshot() throws IOException {
    try (InputStream in = RegisteredCommandTest.class.getResourceAsStream("/" + SNAPSHOT)) {
      assertThat(in).as("the snapshot %s on the test class path", SNAPSHOT).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
