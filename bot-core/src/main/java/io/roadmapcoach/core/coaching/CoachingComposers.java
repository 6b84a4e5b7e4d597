package io.roadmapcoach.core.coaching;

import io.roadmapcoach.core.delivery.Composer;
import io.roadmapcoach.core.delivery.DeliveryKind;
import io.roadmapcoach.core.delivery.OutboxRepository;
import io.roadmapcoach.core.journey.EnrollmentRepository;
import io.roadmapcoach.core.journey.RoadmapLibrary;
import io.roadmapcoach.core.member.MemberRepository;
import io.roadmapcoach.core.member.Memberships;
import io.roadmapcoach.core.policy.PolicyRepository;
import io.roadmapcoach.core.policy.Promises;
import io.roadmapcoach.core.tx.Transactions;
import java.util.Map;
import org.jooq.DSLContext;

/**
 * The deliveries coaching words when they are sent: a study buddy's introduction, the news that a
 * buddy stepped out, and the evening warning. Also what the daily nudge asks of coaching ({@link
 * #courtesies()}): whether to skip it, pause instead, and the line on the buddy.
 */
public final class CoachingComposers {
  private final Buddies buddies;
  private final EveningWarnings evening;
  private final NudgeCourtesies courtesies;

  public CoachingComposers(DSLContext dsl, RoadmapLibrary roadmaps) {
    CoachingRepository coaching = new CoachingRepository(dsl);
    HolidayRepository holidays = new HolidayRepository(dsl);
    BuddyRepository matches = new BuddyRepository(dsl);
    MemberRepository members = new MemberRepository(dsl);
    EnrollmentRepository enrollments = new EnrollmentRepository(dsl);
    this.buddies =
        new Buddies(
            roadmaps,
            matches,
            coaching,
            enrollments,
            members,
            new Memberships(dsl),
            new OutboxRepository(dsl),
            new Promises(new PolicyRepository(dsl), members));
    this.evening =
        new EveningWarnings(
            dsl,
            new Transactions(dsl),
            roadmaps,
            coaching,
            holidays,
            members,
            enrollments,
            matches);
    this.courtesies = new NudgeCourtesies(coaching, holidays, buddies);
  }

  public Map<DeliveryKind, Composer> composers() {
    return Map.of(
        DeliveryKind.BUDDY_INTRO, buddies.introductions(),
        DeliveryKind.BUDDY_NOTICE, buddies.notices(),
        DeliveryKind.EVENING_NUDGE, evening.composer());
  }

  /** The daily nudge's port into coaching (a named edge from {@code progress}). */
  public NudgeCourtesies courtesies() {
    return courtesies;
  }
}
