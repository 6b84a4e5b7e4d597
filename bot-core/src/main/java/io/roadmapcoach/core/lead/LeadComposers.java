package io.roadmapcoach.core.lead;

import io.roadmapcoach.core.delivery.Composer;
import io.roadmapcoach.core.delivery.DeliveryKind;
import io.roadmapcoach.core.journey.RoadmapLibrary;
import io.roadmapcoach.core.member.LeadRepository;
import io.roadmapcoach.core.quiz.QuizBank;
import io.roadmapcoach.core.roadmap.Roadmap;
import java.util.Map;
import org.jooq.DSLContext;

/** The delivery lead words when it is sent: a lead's weekly digest. */
public final class LeadComposers {
  private final LeadDigestComposer digests;

  /**
   * @param charts draws the chart the weekly digest carries (the dashboard's)
   */
  public LeadComposers(DSLContext dsl, Roadmap roadmap, QuizBank bank, ChartSource charts) {
    this.digests =
        new LeadDigestComposer(
            new RoadmapLibrary(dsl, roadmap),
            bank,
            new LeadRepository(dsl),
            new Digests(dsl),
            charts);
  }

  public Map<DeliveryKind, Composer> composers() {
    return Map.of(DeliveryKind.LEAD_DIGEST, digests);
  }
}
