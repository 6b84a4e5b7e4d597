package io.roadmapcoach.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console's {@code :attach}: a file goes with the current member's next command only, as a
 * platform's attachment would; a command that takes none says so and drops it.
 */
class ConsoleAttachTest {
  @TempDir Path dataDir;
  @TempDir Path files;

  /** The example roadmap of docs/roadmap-format.md: it passes as an upload. */
  private Path exampleRoadmap() throws IOException {
    String doc = Files.readString(Path.of("..", "docs", "roadmap-format.md"));
    int block = doc.indexOf("```yaml", doc.indexOf("<!-- example:"));
    String yaml = doc.substring(doc.indexOf('\n', block) + 1, doc.indexOf("```", block + 7));
    return Files.writeString(files.resolve("git.yaml"), yaml);
  }

  @Test
  void anAttachedFileGoesWithTheNextCommandOnly() throws IOException {
    Path file = exampleRoadmap();

    ConsoleRun run =
        ConsoleRun.of(
            dataDir,
            "/roadmap start",
            ":attach " + file,
            "/roadmap roadmap upload",
            ":press 1",
            "/roadmap roadmap",
            ":attach " + file,
            "/roadmap stages",
            "/roadmap roadmap upload",
            ":attach no-such-file.yaml");

    assertThat(run.exitCode()).isZero();
    assertThat(run.answerTo(":attach " + file))
        .contains("📎 git.yaml (" + Math.max(1, Math.round(Files.size(file) / 1024.0)) + " KB)")
        .contains("goes with your next command");
    assertThat(run.answerTo("/roadmap roadmap upload"))
        .contains("Preview: Git for a data team (git-basics), new");
    assertThat(run.answerTo(":press 1")).contains("#general now follows it");
    assertThat(run.answerTo("/roadmap roadmap")).contains("#general follows Git for a data team");
    assertThat(run.answerTo("/roadmap stages")).contains("takes no file: git.yaml was dropped");
    assertThat(run.out()).contains("A roadmap file goes with this command");
    assertThat(run.answerTo(":attach no-such-file.yaml")).contains("There is no file at");
  }
}
