package io.roadmapcoach.core.schedule;

import static io.roadmapcoach.db.schema.Tables.CHANNEL;
import static io.roadmapcoach.db.schema.Tables.ENROLLMENT;
import static io.roadmapcoach.db.schema.Tables.MEMBER;
import static io.roadmapcoach.db.schema.Tables.OBJECTIVE_DONE;
import static io.roadmapcoach.db.schema.Tables.QUIZ_ATTEMPT;

import io.roadmapcoach.core.member.Channel;
import io.roadmapcoach.core.member.Member;
import io.roadmapcoach.core.member.MemberRepository;
import io.roadmapcoach.core.progress.Enrollment;
import io.roadmapcoach.core.progress.EnrollmentRepository;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * What composing a batch of deliveries reads, read for the whole batch at once: four queries for a
 * few hundred rows instead of half a dozen per row. The worker composes thousands of nudges a
 * second from it.
 */
final class DeliveryFacts {
  private final DSLContext dsl;

  DeliveryFacts(DSLContext dsl) {
    this.dsl = dsl;
  }

  /** The facts about some members and channels, as of one read. */
  record Loaded(
      Map<Long, Member> members,
      Map<Long, String> dmChannels,
      Map<Long, Enrollment> enrollments,
      Map<Long, Channel> channels,
      Map<Long, Set<Integer>> doneInCurrentStage,
      Set<Long> passedCurrentStage) {}

  /** The members with their enrollments and home channels, and the channels named. */
  Loaded load(Collection<Long> memberIds, Collection<Long> channelIds) {
    Map<Long, Member> members = new HashMap<>();
    Map<Long, String> dmChannels = new HashMap<>();
    Map<Long, Enrollment> enrollments = new HashMap<>();
    Map<Long, Channel> channels = new HashMap<>();
    Map<Long, Set<Integer>> done = new HashMap<>();
    Set<Long> passed = new HashSet<>();
    if (!memberIds.isEmpty()) {
      dsl.select(MEMBER.fields())
          .select(ENROLLMENT.fields())
          .select(CHANNEL.fields())
          .from(MEMBER)
          .leftJoin(ENROLLMENT)
          .on(ENROLLMENT.MEMBER_ID.eq(MEMBER.ID))
          .leftJoin(CHANNEL)
          .on(CHANNEL.ID.eq(ENROLLMENT.CHANNEL_ID))
          .where(MEMBER.ID.in(memberIds))
          .forEach(
              r -> {
                var member = r.into(MEMBER);
                members.put(member.getId(), MemberRepository.member(member));
                if (member.getDmChannelId() != null) {
                  dmChannels.put(member.getId(), member.getDmChannelId());
                }
                if (r.get(ENROLLMENT.MEMBER_ID) != null) {
                  enrollments.put(
                      member.getId(), EnrollmentRepository.enrollment(r.into(ENROLLMENT)));
                  channels.put(r.get(CHANNEL.ID), MemberRepository.channel(r.into(CHANNEL)));
                }
              });
      dsl.select(OBJECTIVE_DONE.MEMBER_ID, OBJECTIVE_DONE.OBJECTIVE)
          .from(OBJECTIVE_DONE)
          .join(ENROLLMENT)
          .on(ENROLLMENT.MEMBER_ID.eq(OBJECTIVE_DONE.MEMBER_ID))
          .and(ENROLLMENT.STAGE.eq(OBJECTIVE_DONE.STAGE))
          .where(OBJECTIVE_DONE.MEMBER_ID.in(memberIds))
          .forEach(r -> done.computeIfAbsent(r.value1(), k -> new TreeSet<>()).add(r.value2()));
      passed.addAll(
          dsl.select(ENROLLMENT.MEMBER_ID)
              .from(ENROLLMENT)
              .where(ENROLLMENT.MEMBER_ID.in(memberIds))
              .andExists(
                  DSL.selectOne()
                      .from(QUIZ_ATTEMPT)
                      .where(
                          QUIZ_ATTEMPT.MEMBER_ID.eq(ENROLLMENT.MEMBER_ID),
                          QUIZ_ATTEMPT.STAGE.eq(ENROLLMENT.STAGE),
                          QUIZ_ATTEMPT.REVIEW.isFalse(),
                          QUIZ_ATTEMPT.PASSED.isTrue()))
              .fetch(ENROLLMENT.MEMBER_ID));
    }
    var missing = channelIds.stream().filter(id -> !channels.containsKey(id)).toList();
    if (!missing.isEmpty()) {
      dsl.selectFrom(CHANNEL)
          .where(CHANNEL.ID.in(missing))
          .forEach(r -> channels.put(r.getId(), MemberRepository.channel(r)));
    }
    return new Loaded(members, dmChannels, enrollments, channels, done, passed);
  }

  /** Optional.ofNullable, named for reading. */
  static <T> Optional<T> of(T value) {
    return Optional.ofNullable(value);
  }
}
