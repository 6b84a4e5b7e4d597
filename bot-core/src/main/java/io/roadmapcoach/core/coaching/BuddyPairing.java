package io.roadmapcoach.core.coaching;

import io.roadmapcoach.core.coaching.BuddyRepository.Round;
import io.roadmapcoach.core.coaching.BuddyRepository.Seeker;
import io.roadmapcoach.core.delivery.DeliveryKind;
import io.roadmapcoach.core.delivery.OutboxRepository;
import io.roadmapcoach.core.journey.RoadmapLibrary;
import io.roadmapcoach.core.member.Channel;
import io.roadmapcoach.core.member.Member;
import io.roadmapcoach.core.member.MemberRepository;
import io.roadmapcoach.core.policy.CoachingPolicy;
import io.roadmapcoach.core.policy.Situation;
import io.roadmapcoach.core.schedule.Routine;
import io.roadmapcoach.core.tx.Transactions;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The scheduled work of study buddies: on Monday at {@link Buddies#PAIRING_TIME} in each channel's
 * time zone (or at the first run after it that Monday), the members who asked are paired and each
 * gets an introduction by DM; and every run, groups that lost a member whose data was erased tell
 * the others. Each channel's round runs in its own transaction and is claimed once.
 */
public final class BuddyPairing {
  private final RoadmapLibrary roadmaps;
  private final BuddyRepository repository;
  private final MemberRepository members;
  private final OutboxRepository outbox;
  private final Buddies buddies;
  private final Transactions transactions;

  public BuddyPairing(
      RoadmapLibrary roadmaps,
      BuddyRepository repository,
      MemberRepository members,
      OutboxRepository outbox,
      Buddies buddies,
      Transactions transactions) {
    this.roadmaps = roadmaps;
    this.repository = repository;
    this.members = members;
    this.outbox = outbox;
    this.buddies = buddies;
    this.transactions = transactions;
  }

  /** Every five minutes: a round due since (Monday's, in each channel's time zone) is paired. */
  public Routine routine() {
    return new Routine("buddy-pairing", CoachingPolicy.PAIRING_EVERY, (from, to) -> run(to));
  }

  /**
   * Pairs every channel whose round is due and tells the groups that shrank; returns deliveries.
   */
  public int run(Instant now) {
    int enqueued = 0;
    for (Round round : repository.dueRounds(now, Buddies.PAIRING_TIME)) {
      enqueued += transactions.inTransaction(() -> pair(round, now));
    }
    return enqueued + tellShrunkGroups(now);
  }

  private int pair(Round round, Instant now) {
    if (!repository.claim(round, now)) {
      return 0;
    }
    Channel channel = members.channel(round.channelId());
    List<Seeker> seekers =
        repository.seekers(round.channelId(), now).stream()
            .filter(s -> pairable(s, channel, now))
            .toList();
    Map<Long, Set<Long>> lastWeek =
        repository.buddiesIn(
            seekers.stream().map(s -> s.member().id()).toList(), round.weekStart().minusWeeks(1));
    List<Pairing.Candidate> candidates =
        seekers.stream()
            .map(
                s ->
                    new Pairing.Candidate(
                        s.member().id(),
                        s.enrollment().graduated()
                            ? roadmaps.of(s.enrollment().roadmapId()).stageCount() + 1
                            : s.enrollment().stage(),
                        utcMinute(s.member(), channel, round.weekStart()),
                        lastWeek.getOrDefault(s.member().id(), Set.of())))
            .toList();
    List<List<Long>> groups = Pairing.pair(candidates, round.weekStart());
    int enqueued = 0;
    for (int i = 0; i < groups.size(); i++) {
      repository.insertGroup(round, i + 1, groups.get(i));
      for (long memberId : groups.get(i)) {
        boolean queued =
            outbox.toMember(
                DeliveryKind.BUDDY_INTRO,
                round.workspaceId(),
                memberId,
                Optional.of(round.channelId()),
                round.weekStart(),
                Optional.empty(),
                now);
        enqueued += queued ? 1 : 0;
      }
    }
    return enqueued;
  }

  /**
   * The coaching policy's filter: the seekers (asked, in the channel, reminders on and not paused,
   * reachable) who are not snoozed on the day, in their own calendar.
   */
  private static boolean pairable(Seeker seeker, Channel home, Instant now) {
    Situation s =
        new Situation(
            seeker.member(),
            Optional.of(seeker.enrollment()),
            home,
            true,
            Set.of(),
            Situation.Sent.NONE,
            true);
    return CoachingPolicy.pairable(s, now);
  }

  /** The member's reminder time on the week's Monday, in minutes after midnight UTC. */
  private static int utcMinute(Member member, Channel home, LocalDate monday) {
    LocalTime utc =
        monday
            .atTime(member.remindTime())
            .atZone(member.zone(home))
            .withZoneSameInstant(ZoneOffset.UTC)
            .toLocalTime();
    return utc.getHour() * 60 + utc.getMinute();
  }

  private int tellShrunkGroups(Instant now) {
    // this week's groups only: last week's are over, and their members have new buddies
    LocalDate since = now.atOffset(ZoneOffset.UTC).toLocalDate().minusDays(6);
    int told = 0;
    for (BuddyRepository.Shrunk group : repository.shrunk(since)) {
      told +=
          transactions.inTransaction(
              () -> {
                List<BuddyRepository.Match> stillIn = repository.settleShrunk(group);
                stillIn.forEach(m -> buddies.erasedFrom(m, now));
                return stillIn.size();
              });
    }
    return told;
  }
}
