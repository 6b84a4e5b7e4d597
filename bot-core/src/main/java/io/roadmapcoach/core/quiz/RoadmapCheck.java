package io.roadmapcoach.core.quiz;

import io.roadmapcoach.core.roadmap.Problem;
import io.roadmapcoach.core.roadmap.Problems;
import io.roadmapcoach.core.roadmap.Roadmap;
import io.roadmapcoach.core.roadmap.RoadmapDocument;
import io.roadmapcoach.core.roadmap.RoadmapLoader;
import io.roadmapcoach.core.roadmap.RoadmapSource;
import io.roadmapcoach.core.roadmap.Strictness;
import java.util.List;
import java.util.Optional;

/**
 * Checks a roadmap file and its questions in one go, and says either what the coach would run (the
 * roadmap and its quiz bank) or everything wrong with it (up to {@link Problems#LIMIT} problems,
 * each with its file, line and field). It never throws for a bad file: an upload's checker and
 * {@code check-roadmap} answer with the problems.
 */
public final class RoadmapCheck {
  private final Strictness strictness;
  private final RoadmapLoader roadmaps = new RoadmapLoader();
  private final QuizBankLoader banks = new QuizBankLoader();

  public RoadmapCheck(Strictness strictness) {
    this.strictness = strictness;
  }

  /** What a check found. */
  public sealed interface Result permits Valid, Refused {}

  /** A file the coach can run. */
  public record Valid(Roadmap roadmap, QuizBank bank) implements Result {}

  /**
   * A file the coach cannot run.
   *
   * @param problems in file and line order, at most {@link Problems#LIMIT}
   * @param more whether the listing stopped at the limit (there may be more)
   */
  public record Refused(List<Problem> problems, boolean more) implements Result {
    public Refused {
      problems = List.copyOf(problems);
    }
  }

  public Result check(RoadmapSource source) {
    Problems problems = new Problems();
    Optional<RoadmapDocument> document = roadmaps.read(source, strictness, problems);
    Optional<QuizBank> bank =
        document
            .filter(read -> !problems.full())
            .map(read -> banks.read(source, read, strictness, problems));
    if (problems.isEmpty() && document.isPresent() && bank.isPresent()) {
      return new Valid(document.get().roadmap(), bank.get());
    }
    return new Refused(problems.list(), problems.more());
  }
}
