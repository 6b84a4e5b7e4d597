package io.roadmapcoach.core.progress;

import io.roadmapcoach.core.coaching.NudgeCourtesies;
import io.roadmapcoach.core.delivery.Composer;
import io.roadmapcoach.core.delivery.DeliveryKind;
import io.roadmapcoach.core.journey.EnrollmentRepository;
import io.roadmapcoach.core.journey.RoadmapLibrary;
import io.roadmapcoach.core.member.MemberRepository;
import io.roadmapcoach.core.quiz.QuizRepository;
import java.util.Map;
import org.jooq.DSLContext;

/** The deliveries progress words when they are sent: the daily nudge, and a lead's nudge. */
public final class ProgressComposers {
  private final NudgeComposer nudges;

  /**
   * @param courtesies coaching's say on a nudge (skipped on a holiday, a pause instead, the buddy)
   */
  public ProgressComposers(DSLContext dsl, RoadmapLibrary library, NudgeCourtesies courtesies) {
    this.nudges =
        new NudgeComposer(
            library,
            new MemberRepository(dsl),
            new EnrollmentRepository(dsl),
            new QuizRepository(dsl),
            courtesies);
  }

  public Map<DeliveryKind, Composer> composers() {
    return Map.of(DeliveryKind.NUDGE, nudges, DeliveryKind.LEAD_NUDGE, nudges.fromLead());
  }
}
