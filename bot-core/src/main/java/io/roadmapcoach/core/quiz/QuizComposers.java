package io.roadmapcoach.core.quiz;

import io.roadmapcoach.core.delivery.Composer;
import io.roadmapcoach.core.delivery.DeliveryKind;
import io.roadmapcoach.core.journey.EnrollmentRepository;
import io.roadmapcoach.core.journey.RoadmapLibrary;
import io.roadmapcoach.core.roadmap.Roadmap;
import java.util.Map;
import org.jooq.DSLContext;

/** The deliveries quiz words when they are sent: the weekly invitation, by DM or in the channel. */
public final class QuizComposers {
  private final QuizInvitations invitations;

  public QuizComposers(DSLContext dsl, Roadmap roadmap) {
    this.invitations =
        new QuizInvitations(new RoadmapLibrary(dsl, roadmap), new EnrollmentRepository(dsl));
  }

  public Map<DeliveryKind, Composer> composers() {
    return Map.of(
        DeliveryKind.QUIZ, invitations.toMember(),
        DeliveryKind.CHANNEL_QUIZ, invitations.toChannel());
  }
}
