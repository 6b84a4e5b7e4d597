package io.roadmapcoach.core.policy;

import io.roadmapcoach.core.journey.Enrollment;
import io.roadmapcoach.core.member.Channel;
import io.roadmapcoach.core.member.Member;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;

/**
 * What the policy knows of one member: their row, their journey and home channel, and the few facts
 * around them that decide what comes next. Read by {@link PolicyRepository}.
 *
 * @param home the channel their journey is kept in (where they enrolled, or chose with {@code
 *     home})
 * @param inHome whether they are still in its group (a member who left every channel is nudged no
 *     more)
 * @param homeHolidays the home channel's days off near now, in its calendar
 * @param sent what has gone (or is going) out already near now: each kind is once a day or week
 * @param pairedThisWeek whether the home channel's buddy pairing of this week (its calendar) ran
 */
public record Situation(
    Member member,
    Optional<Enrollment> enrollment,
    Channel home,
    boolean inHome,
    Set<LocalDate> homeHolidays,
    Sent sent,
    boolean pairedThisWeek,
    boolean homeHasQuiz) {

  public Situation {
    homeHolidays = Set.copyOf(homeHolidays);
  }

  /** Where the home roadmap's quiz does not matter (buddy pairing): as if it had one. */
  public Situation(
      Member member,
      Optional<Enrollment> enrollment,
      Channel home,
      boolean inHome,
      Set<LocalDate> homeHolidays,
      Sent sent,
      boolean pairedThisWeek) {
    this(member, enrollment, home, inHome, homeHolidays, sent, pairedThisWeek, true);
  }

  /**
   * The days that have their delivery already (the outbox's keys: a second is never enqueued).
   *
   * @param nudges the member-local dates with a nudge (or its goodbye) by DM
   * @param quizzes the quiz slots' dates (the home channel's calendar) with an invitation
   * @param evenings the member-local dates with an evening warning
   * @param posts the home channel's dates with its daily post
   * @param callOuts the home channel's quiz slots' dates with its call-out
   */
  public record Sent(
      Set<LocalDate> nudges,
      Set<LocalDate> quizzes,
      Set<LocalDate> evenings,
      Set<LocalDate> posts,
      Set<LocalDate> callOuts) {
    public static final Sent NONE = new Sent(Set.of(), Set.of(), Set.of(), Set.of(), Set.of());

    public Sent {
      nudges = Set.copyOf(nudges);
      quizzes = Set.copyOf(quizzes);
      evenings = Set.copyOf(evenings);
      posts = Set.copyOf(posts);
      callOuts = Set.copyOf(callOuts);
    }
  }

  /** The member's own time zone, else their home channel's. */
  public ZoneId zone() {
    return member.zone(home);
  }
}
