package io.roadmapcoach.core.post;

import io.roadmapcoach.core.coaching.NudgeCourtesies;
import io.roadmapcoach.core.delivery.Composer;
import io.roadmapcoach.core.delivery.DeliveryKind;
import io.roadmapcoach.core.delivery.OutboxRepository;
import io.roadmapcoach.core.journey.EnrollmentRepository;
import io.roadmapcoach.core.journey.RoadmapLibrary;
import io.roadmapcoach.core.member.MemberRepository;
import io.roadmapcoach.core.policy.PolicyRepository;
import java.util.Map;
import org.jooq.DSLContext;

/** The delivery the daily post words when it is sent: the channel's post itself. */
public final class PostComposers {
  private final ChannelPostComposer posts;

  /**
   * @param courtesies what the post owes the members it may name, as the DM nudge does: away days
   *     kept, and the count towards the pause
   */
  public PostComposers(DSLContext dsl, RoadmapLibrary roadmaps, NudgeCourtesies courtesies) {
    this.posts =
        new ChannelPostComposer(
            roadmaps,
            new MemberRepository(dsl),
            new EnrollmentRepository(dsl),
            new ChannelPosts(dsl),
            new PolicyRepository(dsl),
            courtesies,
            new OutboxRepository(dsl));
  }

  public Map<DeliveryKind, Composer> composers() {
    return Map.of(DeliveryKind.CHANNEL_DIGEST, posts);
  }
}
