package io.roadmapcoach.core.lead;

import io.roadmapcoach.core.coaching.HolidayRepository;
import io.roadmapcoach.core.delivery.Composer;
import io.roadmapcoach.core.delivery.DeliveryKind;
import io.roadmapcoach.core.journey.EnrollmentRepository;
import io.roadmapcoach.core.member.LeadRepository;
import io.roadmapcoach.core.member.MemberRepository;
import io.roadmapcoach.core.quiz.QuizBank;
import io.roadmapcoach.core.roadmap.Roadmap;
import java.util.Map;
import org.jooq.DSLContext;

/** The deliveries lead words when they are sent: a channel's daily post, a lead's weekly digest. */
public final class LeadComposers {
  private final ChannelPostComposer posts;
  private final LeadDigestComposer digests;

  /**
   * @param charts draws the chart the weekly digest carries (the dashboard's)
   */
  public LeadComposers(DSLContext dsl, Roadmap roadmap, QuizBank bank, ChartSource charts) {
    MemberRepository members = new MemberRepository(dsl);
    this.posts =
        new ChannelPostComposer(
            roadmap,
            members,
            new EnrollmentRepository(dsl),
            new ChannelPosts(dsl),
            new HolidayRepository(dsl));
    this.digests =
        new LeadDigestComposer(
            roadmap, bank, members, new LeadRepository(dsl), new Digests(dsl), charts);
  }

  public Map<DeliveryKind, Composer> composers() {
    return Map.of(DeliveryKind.CHANNEL_DIGEST, posts, DeliveryKind.LEAD_DIGEST, digests);
  }
}
