package io.roadmapcoach.app;

import io.roadmapcoach.core.quiz.RoadmapCheck;
import io.roadmapcoach.core.roadmap.PlainYaml;
import io.roadmapcoach.core.roadmap.Problem;
import io.roadmapcoach.core.roadmap.Problems;
import io.roadmapcoach.core.roadmap.Roadmap;
import io.roadmapcoach.core.roadmap.RoadmapSource;
import io.roadmapcoach.core.roadmap.Strictness;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code check-roadmap [--upload] FILE}: checks a roadmap file the way the bot reads it, without a
 * database, and says either what it holds or every problem with its line and field. Leads can check
 * a file before uploading it, operators a {@code ROADMAP_FILE} before starting.
 */
final class RoadmapFileCheck {
  private RoadmapFileCheck() {}

  /** Prints the verdict; 0 for a good file, 1 for a file with problems, 2 when there is no file. */
  static int run(CommandLine.CheckRoadmap command, PrintStream out, PrintStream err) {
    Path file = command.file();
    if (!Files.isRegularFile(file)) {
      err.println("check-roadmap: no such file: " + file);
      return Application.USAGE;
    }
    RoadmapCheck.Result result;
    try {
      result =
          command.upload()
              ? new RoadmapCheck(Strictness.STRICT).check(asUploaded(file))
              : new RoadmapCheck(Strictness.LENIENT).check(RoadmapSource.file(file));
    } catch (IOException e) {
      err.println("check-roadmap: cannot read " + file + ": " + e.getMessage());
      return Application.USAGE;
    }
    return switch (result) {
      case RoadmapCheck.Valid valid -> {
        Roadmap roadmap = valid.roadmap();
        out.println(
            "OK: "
                + roadmap.title()
                + ", "
                + roadmap.stageCount()
                + (roadmap.stageCount() == 1 ? " stage, " : " stages, ")
                + roadmap.totalObjectives()
                + (roadmap.totalObjectives() == 1 ? " objective, " : " objectives, ")
                + valid.bank().size()
                + (valid.bank().size() == 1 ? " question" : " questions"));
        yield Application.OK;
      }
      case RoadmapCheck.Refused refused -> {
        for (Problem problem : refused.problems()) {
          out.println(problem);
        }
        int count = refused.problems().size();
        out.println(
            count
                + (count == 1 ? " problem: " : " problems: ")
                + (command.upload()
                    ? "the bot would not take this file as an upload"
                    : "the bot cannot run this roadmap"));
        if (refused.more()) {
          out.println(Problems.MORE);
        }
        yield Application.CANNOT_START;
      }
    };
  }

  /** The file as an upload arrives: its bytes only (at most what an upload may be, plus one). */
  private static RoadmapSource asUploaded(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return RoadmapSource.uploaded(
          file.getFileName().toString(), in.readNBytes(PlainYaml.MAX_BYTES + 1));
    }
  }
}
