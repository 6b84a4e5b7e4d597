package io.roadmapcoach.core.coaching;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * A channel's study buddies for one week, from the members who asked for one. Members on the same
 * stage are paired first; whoever is left over on a stage is paired with the nearest stage. Among
 * equally near stages, someone who was not last week's buddy is preferred, then the reminder time
 * closest in UTC (people awake at the same hours). An odd one out joins the pair that suits them
 * best, as a trio.
 *
 * <p>Deterministic: the members are put in an order shuffled with the week as the seed (from their
 * ids, not from the order they are given in), so a given week and set of members always pairs the
 * same way, and different weeks mix the ties differently.
 */
public final class Pairing {
  private static final int MINUTES_A_DAY = 24 * 60;

  private Pairing() {}

  /**
   * One member who asked for a buddy.
   *
   * @param stage the stage they are on (past the last one once graduated)
   * @param utcMinute their reminder time as minutes after midnight UTC, this week
   * @param lastWeek who their buddies were last week
   */
  public record Candidate(long memberId, int stage, int utcMinute, Set<Long> lastWeek) {
    public Candidate {
      lastWeek = Set.copyOf(lastWeek);
    }
  }

  /** The groups of buddies (two each, one of three when the count is odd), by member id. */
  public static List<List<Long>> pair(List<Candidate> candidates, LocalDate week) {
    List<Candidate> order = new ArrayList<>(candidates);
    order.sort(Comparator.comparingLong(Candidate::memberId));
    Collections.shuffle(order, new Random(week.toEpochDay()));

    Map<Integer, List<Candidate>> byStage = new TreeMap<>();
    for (Candidate c : order) {
      byStage.computeIfAbsent(c.stage(), s -> new ArrayList<>()).add(c);
    }
    List<List<Candidate>> groups = new ArrayList<>();
    List<Candidate> leftOver = new ArrayList<>();
    for (List<Candidate> sameStage : byStage.values()) {
      leftOver.addAll(pairGreedily(sameStage, groups));
    }
    // one left over per stage with an odd count, in stage order: nearest stages pair up
    List<Candidate> oddOneOut = pairGreedily(leftOver, groups);
    if (!oddOneOut.isEmpty()) {
      Candidate last = oddOneOut.getFirst();
      if (groups.isEmpty()) {
        return List.of();
      }
      groups.stream()
          .min(Comparator.comparing(g -> bestIn(g, last), Pairing::compareFits))
          .orElseThrow()
          .add(last);
    }
    return groups.stream().map(g -> g.stream().map(Candidate::memberId).toList()).toList();
  }

  /** Pairs each member in turn with the best fit still free; returns the one left, if any. */
  private static List<Candidate> pairGreedily(
      List<Candidate> members, List<List<Candidate>> groups) {
    List<Candidate> free = new ArrayList<>(members);
    while (free.size() >= 2) {
      Candidate first = free.removeFirst();
      Candidate buddy =
          free.stream()
              .min(Comparator.comparing(other -> fit(first, other), Pairing::compareFits))
              .orElseThrow();
      free.remove(buddy);
      groups.add(new ArrayList<>(List.of(first, buddy)));
    }
    return free;
  }

  /** How well two members suit each other: lower is better, compared in this order. */
  private record Fit(int stageDistance, boolean repeat, int minutesApart) {}

  private static Fit fit(Candidate a, Candidate b) {
    boolean repeat = a.lastWeek().contains(b.memberId()) || b.lastWeek().contains(a.memberId());
    return new Fit(Math.abs(a.stage() - b.stage()), repeat, minutesApart(a, b));
  }

  private static Fit bestIn(List<Candidate> group, Candidate joining) {
    return group.stream()
        .map(member -> fit(member, joining))
        .min(Pairing::compareFits)
        .orElseThrow();
  }

  private static int compareFits(Fit x, Fit y) {
    return Comparator.comparingInt(Fit::stageDistance)
        .thenComparing(Fit::repeat)
        .thenComparingInt(Fit::minutesApart)
        .compare(x, y);
  }

  /** The distance between two reminder times around the clock: 23:30 and 00:30 are 60 apart. */
  static int minutesApart(Candidate a, Candidate b) {
    int apart = Math.abs(a.utcMinute() - b.utcMinute()) % MINUTES_A_DAY;
    return Math.min(apart, MINUTES_A_DAY - apart);
  }
}
