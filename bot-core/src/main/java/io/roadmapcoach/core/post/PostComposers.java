package io.roadmapcoach.core.post;

import io.roadmapcoach.core.coaching.HolidayRepository;
import io.roadmapcoach.core.delivery.Composer;
import io.roadmapcoach.core.delivery.DeliveryKind;
import io.roadmapcoach.core.journey.EnrollmentRepository;
import io.roadmapcoach.core.member.MemberRepository;
import io.roadmapcoach.core.roadmap.Roadmap;
import java.util.Map;
import org.jooq.DSLContext;

/** The delivery the daily post words when it is sent: the channel's post itself. */
public final class PostComposers {
  private final ChannelPostComposer posts;

  public PostComposers(DSLContext dsl, Roadmap roadmap) {
    this.posts =
        new ChannelPostComposer(
            roadmap,
            new MemberRepository(dsl),
            new EnrollmentRepository(dsl),
            new ChannelPosts(dsl),
            new HolidayRepository(dsl));
  }

  public Map<DeliveryKind, Composer> composers() {
    return Map.of(DeliveryKind.CHANNEL_DIGEST, posts);
  }
}
