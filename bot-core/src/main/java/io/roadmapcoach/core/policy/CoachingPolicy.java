package io.roadmapcoach.core.policy;

import io.roadmapcoach.core.journey.Enrollment;
import io.roadmapcoach.core.journey.Streaks;
import io.roadmapcoach.core.member.Channel;
import io.roadmapcoach.core.member.CoachingState;
import io.roadmapcoach.core.member.Member;
import io.roadmapcoach.core.member.ReminderMode;
import io.roadmapcoach.core.policy.Outlook.Where;
import io.roadmapcoach.core.time.Times;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The one coaching policy, in Java: for a member at an instant, when their next nudge, weekly quiz
 * invitation, evening warning and buddy pairing come, or why they do not. It projects the member's
 * situation forward as it stands (no progress, no change of settings): snoozes and away statuses
 * end when they say, holidays come, and five unanswered nudges pause the rest.
 *
 * <p>The rules, each also kept by a routine:
 *
 * <ul>
 *   <li><b>Daily nudge</b> (the nudge sweep, by DM; the daily post, in the home channel): for the
 *       member's local day D, at their reminder time (DM) or in the home channel's post (its time,
 *       its days, no post on its holidays); only while they are enrolled, in their home channel's
 *       group, with reminders on and not paused, reachable by DM (for DMs), not graduated (for the
 *       post); D one of their reminder days, not snoozed, no holiday of the home channel, no day
 *       off kept, no progress on D yet, and no nudge counted for D already. One whose status says
 *       they are away then is skipped and D kept as a day off. After five unanswered the sixth is
 *       the goodbye (by DM, whichever the mode), and they pause.
 *   <li><b>Weekly quiz</b> (the weekly quiz routine): at the home channel's slot, by DM to those
 *       nudged by DM, with reminders on and not paused; one away, on a holiday or snoozed then is
 *       held back, and invited at their first reminder time after it within the same quiz week
 *       (else at the next slot). Those nudged in the channel's post are called in the channel.
 *   <li><b>Evening warning</b> (its routine): tonight at their evening time, when asked for, on a
 *       day that counts, with a streak that would break tonight (no freeze left) and no progress
 *       yet; not while away, paused, snoozed or on a holiday.
 *   <li><b>Buddy pairing</b> (its routine, every {@link #PAIRING_EVERY}): Monday at {@link
 *       #PAIRING_TIME} in the home channel's time, or at the first run after it on that Monday;
 *       members with reminders on, not paused and not snoozed that day.
 * </ul>
 */
public final class CoachingPolicy {
  /** Unanswered nudges in a row after which the next is a goodbye and nudges pause. */
  public static final int UNANSWERED_BEFORE_PAUSE = 5;

  /** Buddies are paired on Monday at this time in each home channel's time zone. */
  public static final LocalTime PAIRING_TIME = LocalTime.of(8, 0);

  /** How often the pairing routine runs: a late pairing comes at the next such mark. */
  public static final Duration PAIRING_EVERY = Duration.ofMinutes(5);

  /** How far ahead the projection looks: past the longest snooze, a weekend and a quiz week. */
  static final int LOOK_AHEAD_DAYS = 45;

  private CoachingPolicy() {}

  /** Everything that comes next for the member, seen at {@code now}. */
  public static Outlook outlook(Situation s, Instant now) {
    Timeline nudges = nudges(s, now);
    return new Outlook(
        s.zone(),
        nudges.next(),
        quiz(s, now, nudges.pausesAt()),
        evening(s, now, nudges),
        pairing(s, now, nudges.pausesAt()));
  }

  /** Where the member's nudges go: their own choice, else the home channel's default. */
  public static Where where(Situation s) {
    // a post the platform refuses reaches nobody: their reminders come by DM meanwhile
    return s.member().reminderMode(s.home()) == ReminderMode.CHANNEL && s.home().canPost()
        ? Where.CHANNEL
        : Where.DM;
  }

  // ---- in a word

  /** Whether a member's nudges come, in a word: what team lists and the dashboard show. */
  public enum Standing {
    /** They come. */
    ON,
    /** Snoozed today. */
    SNOOZED,
    /** Their status says they are away now. */
    AWAY,
    /** Paused after five unanswered. */
    PAUSED,
    /** Reminders off. */
    OFF
  }

  /** The member's nudges in a word, at {@code now} ({@code today} their local date). */
  public static Standing standing(Member m, LocalDate today, Instant now) {
    if (!m.remindEnabled()) {
      return Standing.OFF;
    }
    if (m.nudgesPaused()) {
      return Standing.PAUSED;
    }
    if (m.coaching().awayAt(now)) {
      return Standing.AWAY;
    }
    return m.isSnoozedOn(today) ? Standing.SNOOZED : Standing.ON;
  }

  // ---- what stops everything

  /** Why nothing at all comes to the member, if nothing does. */
  private static Optional<Why> stopped(Situation s) {
    if (s.enrollment().isEmpty()) {
      return Optional.of(Why.NOT_ENROLLED);
    }
    if (!s.inHome()) {
      return Optional.of(Why.LEFT);
    }
    if (!s.member().remindEnabled()) {
      return Optional.of(Why.OFF);
    }
    return Optional.empty();
  }

  // ---- the daily nudge

  /**
   * Whether the member-local day {@code day} may have a nudge, by what the member's settings and
   * history say of it (the rest is the slot's: its time, away then, the post's own days).
   */
  static boolean nudgeDay(Situation s, LocalDate day) {
    Member m = s.member();
    Enrollment e = s.enrollment().orElseThrow();
    return m.remindDays().includes(day)
        && !m.isSnoozedOn(day)
        && !e.activeSince(day)
        && !s.homeHolidays().contains(day)
        && !m.isOffOn(day)
        && !m.coaching().lastNudgeDate().equals(Optional.of(day));
  }

  /** One slot at which a nudge would come: when, and for which member-local day. */
  private record Slot(Instant at, LocalDate day) {}

  /**
   * The member's upcoming nudges, with the moment they pause.
   *
   * @param next the first
   * @param pausesAt when the goodbye goes, if it does within the look-ahead
   * @param awaySkipped the days whose nudge is skipped because they are away then, and when
   */
  record Timeline(Outlook.Nudge next, Optional<Instant> pausesAt, List<Slot> awaySkipped) {}

  private static Timeline nudges(Situation s, Instant now) {
    Where where = where(s);
    Optional<Why> stop = stopped(s);
    if (stop.isEmpty() && s.member().nudgesPaused()) {
      stop = Optional.of(Why.PAUSED);
    }
    if (stop.isEmpty() && where == Where.DM && !s.member().coaching().deliverable()) {
      stop = Optional.of(Why.UNREACHABLE);
    }
    if (stop.isEmpty() && where == Where.CHANNEL && !s.home().post().enabled()) {
      stop = Optional.of(Why.POST_OFF);
    }
    if (stop.isEmpty() && where == Where.CHANNEL && s.enrollment().orElseThrow().graduated()) {
      stop = Optional.of(Why.GRADUATED_IN_POST);
    }
    if (stop.isPresent()) {
      // a pause already in force is its own moment: nothing after it
      Optional<Instant> paused =
          stop.get() == Why.PAUSED ? Optional.of(Instant.MIN) : Optional.empty();
      return new Timeline(Outlook.Nudge.none(where, stop.get()), paused, List.of());
    }
    List<Slot> slots = where == Where.DM ? dmSlots(s, now) : postSlots(s, now);
    CoachingState state = s.member().coaching();
    int unanswered = state.unansweredNudges();
    Optional<Outlook.Nudge> next = Optional.empty();
    List<Slot> awaySkipped = new ArrayList<>();
    for (Slot slot : slots) {
      if (state.awayAt(slot.at())) {
        awaySkipped.add(slot);
        continue;
      }
      boolean last = unanswered >= UNANSWERED_BEFORE_PAUSE;
      if (next.isEmpty()) {
        next = Optional.of(Outlook.Nudge.at(slot.at(), where, last));
      }
      if (last) {
        return new Timeline(next.get(), Optional.of(slot.at()), awaySkipped);
      }
      unanswered++;
    }
    Why none =
        state.awaySince().isPresent() && state.awayUntil().isEmpty() ? Why.AWAY : Why.NONE_AHEAD;
    return new Timeline(
        next.orElseGet(() -> Outlook.Nudge.none(where, none)), Optional.empty(), awaySkipped);
  }

  /** Reminder-time slots by DM, from now on, for the days that may have a nudge. */
  private static List<Slot> dmSlots(Situation s, Instant now) {
    ZoneId zone = s.zone();
    LocalDate today = now.atZone(zone).toLocalDate();
    List<Slot> slots = new ArrayList<>();
    for (LocalDate day = today.minusDays(1);
        !day.isAfter(today.plusDays(LOOK_AHEAD_DAYS));
        day = day.plusDays(1)) {
      Instant at = Times.firstReached(day, s.member().remindTime(), zone);
      if (!at.isBefore(now) && nudgeDay(s, day) && !s.sent().nudges().contains(day)) {
        slots.add(new Slot(at, day));
      }
    }
    return slots;
  }

  /** The home channel's posts from now on that would name the member. */
  private static List<Slot> postSlots(Situation s, Instant now) {
    Channel home = s.home();
    ZoneId channelZone = home.zoneOrUtc();
    LocalDate channelToday = now.atZone(channelZone).toLocalDate();
    List<Slot> slots = new ArrayList<>();
    for (LocalDate postDay = channelToday.minusDays(1);
        !postDay.isAfter(channelToday.plusDays(LOOK_AHEAD_DAYS));
        postDay = postDay.plusDays(1)) {
      Instant at = postAt(home, postDay);
      if (at.isBefore(now) || !postDay(s, postDay)) {
        continue;
      }
      LocalDate day = at.atZone(s.zone()).toLocalDate();
      if (nudgeDay(s, day)) {
        slots.add(new Slot(at, day));
      }
    }
    return slots;
  }

  /** When the channel's daily post of its local date {@code postDay} goes out. */
  public static Instant postAt(Channel channel, LocalDate postDay) {
    return Times.firstReached(postDay, channel.post().time(), channel.zoneOrUtc());
  }

  /** Whether the home channel posts on its local date {@code postDay} (and has not yet). */
  private static boolean postDay(Situation s, LocalDate postDay) {
    Channel.Post post = s.home().post();
    return post.enabled()
        && post.days().includes(postDay)
        && !s.homeHolidays().contains(postDay)
        && !s.sent().posts().contains(postDay);
  }

  /** How a channel's post treats one of its members, as the post is written. */
  public enum Mention {
    /** Named, with their next step: it is their nudge of the day. */
    NAMED,
    /** Not named: they are away, and the day is kept as a day off. */
    AWAY,
    /** Not named: nothing of theirs is due today. */
    NO
  }

  /**
   * Whether the home channel's post of {@code postDay}, going out at {@code at}, names the member
   * (the daily post's composer asks this of each member whose nudge it may carry).
   */
  public static Mention mention(Situation s, LocalDate postDay, Instant at) {
    Channel.Post post = s.home().post();
    if (stopped(s).isPresent()
        || s.member().nudgesPaused()
        || where(s) != Where.CHANNEL
        || s.enrollment().orElseThrow().graduated()
        || !post.enabled()
        || !post.days().includes(postDay)
        || s.homeHolidays().contains(postDay)) {
      return Mention.NO;
    }
    LocalDate day = at.atZone(s.zone()).toLocalDate();
    if (!nudgeDay(s, day)) {
      return Mention.NO;
    }
    return s.member().coaching().awayAt(at) ? Mention.AWAY : Mention.NAMED;
  }

  // ---- the weekly quiz

  /** The home channel's quiz slot in the week (its calendar) that contains {@code day}. */
  public static Instant quizSlot(Channel channel, LocalDate day) {
    LocalDate slotDay =
        day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
            .with(TemporalAdjusters.nextOrSame(channel.quizDay()));
    return Times.firstReached(slotDay, channel.quizTime(), channel.zoneOrUtc());
  }

  /** The first quiz slot of the channel at or after {@code at}. */
  public static Instant nextQuizSlot(Channel channel, Instant at) {
    LocalDate day = at.atZone(channel.zoneOrUtc()).toLocalDate();
    Instant slot = quizSlot(channel, day);
    return slot.isBefore(at) ? quizSlot(channel, day.plusWeeks(1)) : slot;
  }

  /** The last quiz slot of the channel before {@code at}. */
  public static Instant previousQuizSlot(Channel channel, Instant at) {
    LocalDate day = at.atZone(channel.zoneOrUtc()).toLocalDate();
    Instant slot = quizSlot(channel, day);
    return slot.isBefore(at) ? slot : quizSlot(channel, day.minusWeeks(1));
  }

  /** The slot's date in the channel's calendar: the invitation's key. */
  public static LocalDate quizSlotDate(Channel channel, Instant slot) {
    return slot.atZone(channel.zoneOrUtc()).toLocalDate();
  }

  /**
   * Whether a member who gets the weekly quiz by DM is free for it at {@code at}: not snoozed, not
   * on a holiday of the home channel (their own calendar day) and not away. One who is not is held
   * back, not dropped.
   */
  static boolean freeForQuiz(Situation s, Instant at) {
    LocalDate day = at.atZone(s.zone()).toLocalDate();
    return !s.member().isSnoozedOn(day)
        && !s.homeHolidays().contains(day)
        && !s.member().coaching().awayAt(at);
  }

  /**
   * The reminder time within {@code (from, to]} at which a held invitation comes, if one does: the
   * weekly quiz routine's catch-up. Only for an invitation held at the home channel's latest slot.
   */
  public static Optional<Instant> heldQuizDue(Situation s, Instant from, Instant to) {
    if (stopped(s).isPresent()
        || where(s) != Where.DM
        || !s.member().coaching().deliverable()
        || !s.homeHasQuiz()) {
      return Optional.empty();
    }
    Optional<LocalDate> held = s.member().coaching().quizHeldFor();
    Instant slot = latestQuizSlot(s.home(), to);
    if (held.isEmpty()
        || !held.get().equals(quizSlotDate(s.home(), slot))
        || s.sent().quizzes().contains(held.get())) {
      return Optional.empty();
    }
    LocalDate today = to.atZone(s.zone()).toLocalDate();
    for (LocalDate day = today.minusDays(1); !day.isAfter(today); day = day.plusDays(1)) {
      Instant at = Times.firstReached(day, s.member().remindTime(), s.zone());
      if (at.isAfter(from)
          && !at.isAfter(to)
          && at.isAfter(slot)
          && s.member().remindDays().includes(day)
          && !s.member().coaching().pausedBefore(at)
          && freeForQuiz(s, at)) {
        return Optional.of(at);
      }
    }
    return Optional.empty();
  }

  /** The channel's latest slot at or before {@code at}. */
  public static Instant latestQuizSlot(Channel channel, Instant at) {
    Instant next = nextQuizSlot(channel, at);
    return next.equals(at) ? at : previousQuizSlot(channel, at);
  }

  private static Outlook.Quiz quiz(Situation s, Instant now, Optional<Instant> pausesAt) {
    Where where = where(s);
    Optional<Why> stop = stopped(s);
    if (stop.isPresent()) {
      return Outlook.Quiz.none(where, stop.get());
    }
    if (!s.homeHasQuiz()) {
      return Outlook.Quiz.none(where, Why.NO_QUIZ);
    }
    Channel home = s.home();
    if (where == Where.CHANNEL) {
      // the call-out goes to the channel whenever a member there is nudged in its post, once a
      // slot's date
      Instant slot = nextQuizSlot(home, now);
      while (s.sent().callOuts().contains(quizSlotDate(home, slot))) {
        slot = quizSlot(home, quizSlotDate(home, slot).plusWeeks(1));
      }
      return Outlook.Quiz.at(slot, Where.CHANNEL, false);
    }
    if (s.member().nudgesPaused()) {
      return Outlook.Quiz.none(where, Why.PAUSED);
    }
    if (!s.member().coaching().deliverable()) {
      return Outlook.Quiz.none(where, Why.UNREACHABLE);
    }
    Instant previous = previousQuizSlot(home, now);
    LocalDate previousDate = quizSlotDate(home, previous);
    boolean held =
        s.member().coaching().quizHeldFor().equals(Optional.of(previousDate))
            && !s.sent().quizzes().contains(previousDate);
    Instant slot = nextQuizSlot(home, now);
    Instant horizon = now.plus(Duration.ofDays(LOOK_AHEAD_DAYS));
    Instant weekFrom = now;
    while (slot.isBefore(horizon)) {
      if (held) {
        Optional<Instant> reminder = firstFreeReminder(s, weekFrom, slot, pausesAt);
        if (reminder.isPresent()) {
          return Outlook.Quiz.at(reminder.get(), Where.DM, true);
        }
      }
      if (pausedBy(pausesAt, slot)) {
        return Outlook.Quiz.none(where, Why.PAUSES_FIRST);
      }
      boolean invited = s.sent().quizzes().contains(quizSlotDate(home, slot));
      if (!invited && freeForQuiz(s, slot)) {
        return Outlook.Quiz.at(slot, Where.DM, false);
      }
      // held back (away, a holiday, a snooze), unless this date's invitation came already
      held = !invited;
      weekFrom = slot.plusNanos(1);
      slot = quizSlot(home, quizSlotDate(home, slot).plusWeeks(1));
    }
    return Outlook.Quiz.none(where, awayForGood(s) ? Why.AWAY : Why.NONE_AHEAD);
  }

  /** The member's first reminder time in {@code [from, before)} at which they are free. */
  private static Optional<Instant> firstFreeReminder(
      Situation s, Instant from, Instant before, Optional<Instant> pausesAt) {
    LocalDate day = from.atZone(s.zone()).toLocalDate().minusDays(1);
    while (true) {
      Instant at = Times.firstReached(day, s.member().remindTime(), s.zone());
      if (!at.isBefore(before) || pausedBy(pausesAt, at)) {
        return Optional.empty();
      }
      if (!at.isBefore(from) && s.member().remindDays().includes(day) && freeForQuiz(s, at)) {
        return Optional.of(at);
      }
      day = day.plusDays(1);
    }
  }

  /**
   * Whether a pause at {@code pausesAt} stops what comes at {@code at}: only one before its minute
   * (the goodbye at the quiz's slot does not stop the invitation, whichever is written first).
   */
  private static boolean pausedBy(Optional<Instant> pausesAt, Instant at) {
    return pausesAt.isPresent() && pausesAt.get().isBefore(at.truncatedTo(ChronoUnit.MINUTES));
  }

  private static boolean awayForGood(Situation s) {
    CoachingState state = s.member().coaching();
    return state.awaySince().isPresent() && state.awayUntil().isEmpty();
  }

  // ---- the evening warning

  private static Outlook.Evening evening(Situation s, Instant now, Timeline nudges) {
    Member m = s.member();
    if (!m.coaching().eveningOn()) {
      return Outlook.Evening.none(Why.EVENING_OFF);
    }
    Optional<Why> stop = stopped(s);
    if (stop.isPresent()) {
      return Outlook.Evening.none(stop.get());
    }
    if (m.nudgesPaused()) {
      return Outlook.Evening.none(Why.PAUSED);
    }
    if (!m.coaching().deliverable()) {
      return Outlook.Evening.none(Why.UNREACHABLE);
    }
    ZoneId zone = s.zone();
    LocalDate today = now.atZone(zone).toLocalDate();
    Instant at = Times.firstReached(today, m.coaching().eveningTime(), zone);
    if (at.isBefore(now) || s.sent().evenings().contains(today)) {
      return Outlook.Evening.none(Why.DONE_TODAY);
    }
    if (pausedBy(nudges.pausesAt(), at)) {
      return Outlook.Evening.none(Why.PAUSES_FIRST);
    }
    if (!m.remindDays().includes(today)
        || m.isSnoozedOn(today)
        || s.homeHolidays().contains(today)) {
      return Outlook.Evening.none(Why.NOT_TODAY);
    }
    Enrollment e = s.enrollment().orElseThrow();
    if (e.streak().days() == 0) {
      return Outlook.Evening.none(Why.NO_STREAK);
    }
    if (e.activeSince(today)) {
      return Outlook.Evening.none(Why.ACTIVE_TODAY);
    }
    if (m.coaching().awayAt(at)) {
      return Outlook.Evening.none(Why.AWAY);
    }
    // a nudge skipped today because they were away keeps the day off: nothing is at risk then
    Set<LocalDate> daysOff = new HashSet<>(m.daysOff());
    nudges.awaySkipped().stream()
        .filter(slot -> slot.day().equals(today) && slot.at().isBefore(at))
        .forEach(slot -> daysOff.add(today));
    Member asThen = m.withDaysOff(daysOff);
    if (!Streaks.asOf(e.streak(), today, false, asThen).atRisk()) {
      return Outlook.Evening.none(Why.NOT_AT_RISK);
    }
    return Outlook.Evening.at(at);
  }

  // ---- the buddy pairing

  /** When the home channel's next buddy pairing runs, seen at {@code now}. */
  public static Outlook.Pairing nextPairing(Channel home, boolean pairedThisWeek, Instant now) {
    ZoneId zone = home.zoneOrUtc();
    LocalDate today = now.atZone(zone).toLocalDate();
    LocalDate monday = Times.weekStart(today);
    Instant regular = Times.firstReached(monday, PAIRING_TIME, zone);
    Instant following = Times.firstReached(monday.plusWeeks(1), PAIRING_TIME, zone);
    if (pairedThisWeek || today.isAfter(monday)) {
      return new Outlook.Pairing(following, true, Optional.empty());
    }
    if (now.isBefore(regular) || now.equals(regular)) {
      return new Outlook.Pairing(regular, true, Optional.empty());
    }
    // Monday, after the time, not paired yet: the next run pairs, while it is still Monday
    Instant mark = nextMark(now);
    return mark.atZone(zone).toLocalDate().equals(monday)
        ? new Outlook.Pairing(mark, false, Optional.empty())
        : new Outlook.Pairing(following, true, Optional.empty());
  }

  /**
   * The first run of the pairing routine at or after {@code at} (its runs count from the epoch).
   */
  private static Instant nextMark(Instant at) {
    long every = PAIRING_EVERY.toSeconds();
    long seconds = at.getEpochSecond() + (at.getNano() > 0 ? 1 : 0);
    long marks = Math.floorDiv(seconds + every - 1, every);
    return Instant.ofEpochSecond(marks * every);
  }

  private static Outlook.Pairing pairing(Situation s, Instant now, Optional<Instant> pausesAt) {
    Outlook.Pairing round = nextPairing(s.home(), s.pairedThisWeek(), now);
    return new Outlook.Pairing(round.round(), round.regular(), keptOut(s, round.round(), pausesAt));
  }

  /** Why the member will not be in the pairing that runs at {@code at}, if they will not. */
  private static Optional<Why> keptOut(Situation s, Instant at, Optional<Instant> pausesAt) {
    Member m = s.member();
    if (!m.coaching().wantsBuddy()) {
      return Optional.of(Why.NOT_SEEKING);
    }
    Optional<Why> stop = stopped(s);
    if (stop.isPresent()) {
      return stop;
    }
    if (m.coaching().pausedBefore(at)) {
      return Optional.of(Why.PAUSED);
    }
    if (pausedBy(pausesAt, at)) {
      return Optional.of(Why.PAUSES_FIRST);
    }
    if (!m.coaching().deliverable()) {
      return Optional.of(Why.UNREACHABLE);
    }
    if (m.isSnoozedOn(at.atZone(s.zone()).toLocalDate())) {
      return Optional.of(Why.SNOOZED_THEN);
    }
    return Optional.empty();
  }

  /**
   * Whether a member who asked for a buddy is paired in a run at {@code at}: the pairing routine's
   * filter, as {@link #outlook} promises it (pauses projected are the routine's present).
   */
  public static boolean pairable(Situation s, Instant at) {
    return keptOut(s, at, Optional.empty()).isEmpty();
  }
}
