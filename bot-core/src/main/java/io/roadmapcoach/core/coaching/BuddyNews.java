package io.roadmapcoach.core.coaching;

import io.roadmapcoach.core.journey.Enrollment;
import io.roadmapcoach.core.journey.EnrollmentRepository;
import io.roadmapcoach.core.journey.EventKind;
import io.roadmapcoach.core.journey.RoadmapLibrary;
import io.roadmapcoach.core.member.Member;
import io.roadmapcoach.core.roadmap.Roadmap;
import io.roadmapcoach.core.roadmap.Stage;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** How a buddy is doing, in words: where they are, and what they did on a day. */
final class BuddyNews {
  private final RoadmapLibrary roadmaps;
  private final EnrollmentRepository enrollments;
  private final BuddyRepository buddies;

  BuddyNews(RoadmapLibrary roadmaps, EnrollmentRepository enrollments, BuddyRepository buddies) {
    this.roadmaps = roadmaps;
    this.enrollments = enrollments;
    this.buddies = buddies;
  }

  /** "stage 3 of 15, Data Wrangling: objective 2 next (Clean a messy dataset)". */
  String where(Member buddy) {
    Optional<Enrollment> found = enrollments.find(buddy.id());
    if (found.isEmpty()) {
      return "not on the roadmap any more";
    }
    Enrollment e = found.get();
    Roadmap roadmap = roadmaps.of(e.roadmapId());
    if (e.graduated()) {
      return "has finished the whole roadmap 🎓";
    }
    Stage stage = roadmap.stage(Math.min(e.stage(), roadmap.stageCount()));
    String at = "stage " + stage.number() + " of " + roadmap.stageCount() + ", " + stage.title();
    return nextObjective(e, stage)
        .map(n -> at + ": objective " + n + " next (" + stage.objective(n) + ")")
        .orElse(at + ": every objective done, the quiz next");
  }

  /** The first objective of the stage not done yet. */
  Optional<Integer> nextObjective(Enrollment journey, Stage stage) {
    Set<Integer> done =
        enrollments.objectivesDone(journey.memberId(), journey.roadmapId(), stage.number());
    for (int n = 1; n <= stage.objectiveCount(); n++) {
      if (!done.contains(n)) {
        return Optional.of(n);
      }
    }
    return Optional.empty();
  }

  /** "finished objective 2", "passed the stage 3 quiz"... on their own local {@code day}. */
  Optional<String> did(Member buddy, LocalDate day) {
    List<Integer> objectives = new ArrayList<>();
    List<String> more = new ArrayList<>();
    for (BuddyRepository.Step step : buddies.stepsOn(buddy.id(), day)) {
      if (step.kind() == EventKind.OBJECTIVE_DONE) {
        step.objective().ifPresent(objectives::add);
      } else if (step.kind() == EventKind.QUIZ_PASSED) {
        more.add("passed the stage " + step.stage() + " quiz");
      } else if (step.kind() == EventKind.STAGE_FINISHED) {
        more.add("finished stage " + step.stage());
      }
    }
    List<String> parts = new ArrayList<>();
    if (objectives.size() == 1) {
      parts.add("finished objective " + objectives.getFirst());
    } else if (!objectives.isEmpty()) {
      parts.add("finished objectives " + joined(objectives.stream().map(String::valueOf).toList()));
    }
    parts.addAll(more);
    return parts.isEmpty() ? Optional.empty() : Optional.of(joined(parts));
  }

  /** The daily nudge's line on the member's buddies: what they did yesterday, or where they are. */
  String line(List<Member> buddiesNow, LocalDate today) {
    List<String> each = new ArrayList<>();
    for (Member buddy : buddiesNow) {
      each.add(
          did(buddy, today.minusDays(1))
              .map(what -> buddy.displayName() + " " + what + " yesterday")
              .orElseGet(() -> buddy.displayName() + " " + shortWhere(buddy)));
    }
    return (buddiesNow.size() == 1 ? "🤝 Your buddy " : "🤝 Your buddies: ")
        + String.join("; ", each)
        + ".";
  }

  /** "is on stage 3, objective 2 next". */
  private String shortWhere(Member buddy) {
    Optional<Enrollment> e = enrollments.find(buddy.id());
    if (e.isEmpty()) {
      return "is not on the roadmap any more";
    }
    if (e.get().graduated()) {
      return "has finished the roadmap";
    }
    Roadmap roadmap = roadmaps.of(e.get().roadmapId());
    Stage stage = roadmap.stage(Math.min(e.get().stage(), roadmap.stageCount()));
    return "is on stage "
        + stage.number()
        + nextObjective(e.get(), stage).map(n -> ", objective " + n + " next").orElse("");
  }

  /** "a", "a and b", "a, b and c". */
  static String joined(List<String> parts) {
    if (parts.size() <= 1) {
      return String.join("", parts);
    }
    return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.getLast();
  }
}
