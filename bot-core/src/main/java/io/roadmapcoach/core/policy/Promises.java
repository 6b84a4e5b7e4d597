package io.roadmapcoach.core.policy;

import io.roadmapcoach.core.member.Channel;
import io.roadmapcoach.core.member.Member;
import io.roadmapcoach.core.member.MemberRepository;
import io.roadmapcoach.core.member.Scope;
import java.time.Instant;

/**
 * What the replies that promise something read: the policy's outlook for a member, their situation
 * read as it stands in the command's transaction (after the command's own change).
 */
public final class Promises {
  private final PolicyRepository repository;
  private final MemberRepository members;

  public Promises(PolicyRepository repository, MemberRepository members) {
    this.repository = repository;
    this.members = members;
  }

  /** The caller's outlook now, their row read again (a setting they just changed counts). */
  public Outlook of(Scope scope) {
    return of(members.member(scope.member().id()), scope.home(), scope.now());
  }

  /** The member's outlook at {@code now}; {@code home} is their home channel. */
  public Outlook of(Member member, Channel home, Instant now) {
    return CoachingPolicy.outlook(situation(member, home, now), now);
  }

  /** The member's situation at {@code now}. */
  public Situation situation(Member member, Channel home, Instant now) {
    return repository.situation(member, home, now);
  }
}
