package io.roadmapcoach.core.policy;

import static io.roadmapcoach.db.schema.Tables.CHANNEL;
import static io.roadmapcoach.db.schema.Tables.ENROLLMENT;
import static io.roadmapcoach.db.schema.Tables.JOURNEY;
import static io.roadmapcoach.db.schema.Tables.OUTBOX;

import io.roadmapcoach.core.caller.Caller;
import io.roadmapcoach.core.caller.PlatformStatus;
import io.roadmapcoach.core.curriculum.TestRoadmaps;
import io.roadmapcoach.core.delivery.Delivery;
import io.roadmapcoach.core.delivery.DeliveryKind;
import io.roadmapcoach.core.policy.StatusPromises.Promise;
import io.roadmapcoach.core.policy.StatusPromises.Via;
import io.roadmapcoach.core.reply.Block;
import io.roadmapcoach.core.reply.Reply;
import io.roadmapcoach.core.reply.Span;
import io.roadmapcoach.core.schedule.Routine;
import io.roadmapcoach.core.testing.CoachFixture;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jooq.impl.DSL;

/**
 * A team of random members over simulated weeks, driven through the coach as people drive it and
 * through the routines as Quartz runs them (each in its turn, covering the time since its last
 * run): before each of a member's local days, and after anything they or their lead do, their
 * {@code status} is read for what it promises; every delivery is then held to those promises, to
 * the member's minute. What came unpromised, and what was promised and did not come, is broken.
 *
 * <p>Everything in the world falls on a quarter of an hour (reminder, evening, post and quiz times,
 * time zones' offsets), so the clock ticks every fifteen minutes, with the routines covering the
 * stretch between; members act in the middle of a tick's minute, after the routines.
 */
final class Simulation {
  private static final String[] ZONES = {
    "UTC",
    "Europe/Berlin",
    "Europe/London",
    "America/New_York",
    "America/Los_Angeles",
    "Asia/Kolkata",
    "Asia/Tokyo",
    "Australia/Sydney",
    "Pacific/Auckland",
    "America/Sao_Paulo",
    "Africa/Lagos"
  };
  private static final String[] CHANNELS = {"alpha", "beta", "gamma", "delta"};
  private static final Duration TICK = Duration.ofMinutes(30);
  private static final Duration ACT_AFTER = Duration.ofSeconds(30);
  private static final String GOODBYE = "I'll stop nudging you for now";

  /** What a member is promised and is held to. */
  enum Kind {
    NUDGE,
    QUIZ,
    EVENING,
    PAIRING
  }

  /** One member as the simulation knows them. */
  private static final class Person {
    final String name;
    String home;
    final boolean lead;
    Caller caller;
    ZoneId zone;
    LocalDate readFor;
    String lastRead = "";
    boolean left;
    final Map<Kind, Promise> promised = new EnumMap<>(Kind.class);

    Person(String name, String home, ZoneId zone, boolean lead, Caller caller) {
      this.name = name;
      this.home = home;
      this.zone = zone;
      this.lead = lead;
      this.caller = caller;
    }

    LocalDateTime local(Instant at) {
      return LocalDateTime.ofInstant(at, zone);
    }
  }

  private final long seed;
  private final Random random;
  private final CoachFixture f;
  private final int memberCount;
  private final int days;
  private final LocalDate firstDay;
  private final Map<String, Person> byId = new LinkedHashMap<>();
  private final Map<String, Person> leads = new HashMap<>();
  private final Map<String, List<LocalDate>> holidays = new HashMap<>();
  private final List<String> broken = new ArrayList<>();
  private final Map<String, Integer> counts = new TreeMap<>();
  private final CoachFixture.Recorder recorder;
  private final Map<String, String> lastPost = new HashMap<>();
  private final Map<String, Instant> lastRun = new HashMap<>();
  private boolean acted;

  Simulation(long seed, int memberCount, int weeks) {
    this.seed = seed;
    this.random = new Random(seed);
    this.f = CoachFixture.builtIn();
    this.memberCount = memberCount;
    this.days = weeks * 7;
    // two weeks around Europe's change to summer time (29 March 2026), Sydney's back (5 April)
    this.firstDay = LocalDate.of(2026, 3, 9).plusDays(random.nextInt(14));
    this.recorder = f.recorder();
  }

  /** What went wrong, at most the first hundred. */
  List<String> broken() {
    return broken;
  }

  /** How often each thing happened (deliveries by kind, actions, pauses): what was covered. */
  Map<String, Integer> counts() {
    return counts;
  }

  LocalDate firstDay() {
    return firstDay;
  }

  // ---- the world

  void run() {
    long started = System.nanoTime();
    Instant setUp = firstDay.minusDays(1).atTime(12, 0).toInstant(ZoneOffset.UTC);
    f.at(setUp.toString());
    buildChannels();
    secondRoadmap();
    buildMembers();
    countTwoRoadmaps();
    time("set up", started);
    Instant end = firstDay.plusDays(days).atStartOfDay().toInstant(ZoneOffset.UTC);
    TreeSet<Instant> extra = new TreeSet<>();
    Instant t = firstDay.atStartOfDay().toInstant(ZoneOffset.UTC);
    while (t.isBefore(end) && broken.size() < 100) {
      minute(t, extra);
      Instant next =
          Instant.ofEpochSecond((t.getEpochSecond() / TICK.toSeconds() + 1) * TICK.toSeconds());
      // a late pairing runs at the next five-minute mark after a member asks on a Monday
      while (!extra.isEmpty() && !extra.first().isAfter(t)) {
        extra.pollFirst();
      }
      if (!extra.isEmpty() && extra.first().isBefore(next)) {
        next = extra.pollFirst();
      }
      t = next;
    }
    time("run", started);
    if (Boolean.getBoolean("simulation.timing")) {
      spent.forEach(
          (what, nanos) -> System.out.printf("simulation %s: %d ms%n", what, nanos / 1_000_000));
    }
  }

  private final Map<String, Long> spent = new TreeMap<>();

  private void spent(String what, long startedNanos) {
    spent.merge(what, System.nanoTime() - startedNanos, Long::sum);
  }

  /** How long a part took, when {@code simulation.timing} is set. */
  private static void time(String what, long startedNanos) {
    if (Boolean.getBoolean("simulation.timing")) {
      System.out.printf(
          "simulation %s: %d ms%n", what, (System.nanoTime() - startedNanos) / 1_000_000);
    }
  }

  private void buildChannels() {
    for (String channel : CHANNELS) {
      ZoneId zone = ZoneId.of(ZONES[random.nextInt(ZONES.length)]);
      Caller lead = f.in(channel).caller("lead-" + channel, zone.getId());
      f.say(lead, "start");
      f.say(lead, "channel-tz " + zone.getId());
      f.say(
          lead,
          "quiz-day " + day().name().toLowerCase(Locale.ROOT).substring(0, 3) + " " + time(7, 20));
      f.say(lead, "post at " + time(6, 12));
      f.say(lead, "post days " + (random.nextBoolean() ? "weekdays" : "daily"));
      f.say(lead, "reminders " + (random.nextInt(3) == 0 ? "channel" : "dm"));
      Person person = new Person("lead-" + channel, channel, zone, true, lead);
      byId.put(lead.userId(), person);
      leads.put(channel, person);
      settle(person);
    }
  }

  /**
   * The last channel follows a roadmap of its own, uploaded and applied by its lead: its members
   * who are also in another channel keep two journeys, and still get one nudge a day.
   */
  private void secondRoadmap() {
    Caller lead = leads.get(CHANNELS[CHANNELS.length - 1]).caller;
    Reply preview =
        f.coach()
            .handleText(
                lead,
                "roadmap upload",
                Optional.of(TestRoadmaps.upload("web.yaml", TestRoadmaps.webV1())));
    f.press(lead, preview.buttons().getFirst().actionId());
  }

  /** Members with a journey on each roadmap, for what the run covered. */
  private void countTwoRoadmaps() {
    f.dsl()
        .select(JOURNEY.MEMBER_ID)
        .from(JOURNEY)
        .groupBy(JOURNEY.MEMBER_ID)
        .having(DSL.count().gt(1))
        .fetch()
        .forEach(r -> count("a member on two roadmaps"));
  }

  private void buildMembers() {
    for (int i = 0; i < memberCount - CHANNELS.length; i++) {
      String home = CHANNELS[random.nextInt(CHANNELS.length)];
      ZoneId zone = ZoneId.of(ZONES[random.nextInt(ZONES.length)]);
      String name = "m" + i;
      Caller caller = f.in(home).caller(name, zone.getId());
      f.say(caller, "start");
      Person person = new Person(name, home, zone, false, caller);
      byId.put(caller.userId(), person);
      settle(person);
      if (random.nextInt(5) == 0) {
        String other = CHANNELS[random.nextInt(CHANNELS.length)];
        f.say(f.in(other).caller(name, zone.getId()), "start");
      }
    }
  }

  /** A member's own settings as they start: time, days, DM or post, evening, buddy. */
  private void settle(Person p) {
    f.say(p.caller, "remind at " + time(5, 23));
    if (random.nextBoolean()) {
      f.say(p.caller, "remind days daily");
    }
    if (random.nextInt(4) == 0) {
      f.say(p.caller, "remind " + (random.nextBoolean() ? "channel" : "dm"));
    }
    if (random.nextInt(3) == 0) {
      f.say(p.caller, "remind evening at " + time(17, 23));
    }
    if (random.nextInt(5) < 2) {
      f.say(p.caller, "buddy on");
    }
  }

  private DayOfWeek day() {
    return DayOfWeek.of(1 + random.nextInt(7));
  }

  /** A random half hour from {@code fromHour} to before {@code toHour}. */
  private String time(int fromHour, int toHour) {
    int halves = (toHour - fromHour) * 2;
    LocalTime at = LocalTime.of(fromHour, 0).plusMinutes(30L * random.nextInt(halves));
    return at.toString();
  }

  // ---- one minute of the clock

  private void minute(Instant t, TreeSet<Instant> extra) {
    f.at(t.toString());
    for (Person p : byId.values()) {
      LocalDate today = t.atZone(p.zone).toLocalDate();
      if (!today.equals(p.readFor)) {
        read(p, t);
      }
    }
    long routinesStarted = System.nanoTime();
    runRoutines(t);
    spent("routines", routinesStarted);
    check(t, deliveries());
    missed(t);
    Instant acting = t.plus(ACT_AFTER);
    for (Person p : List.copyOf(byId.values())) {
      if (random.nextInt(1000) < 3) {
        f.at(acting.toString());
        act(p, acting, extra);
        acted = true;
      }
    }
    if (random.nextInt(1000) < 8) {
      acted = true;
      f.at(acting.toString());
      Person lead = leads.get(CHANNELS[random.nextInt(CHANNELS.length)]);
      leadActs(lead, acting);
    }
  }

  /**
   * Each routine the core runs, as Quartz fires it (every minute, or at its own marks), covering
   * the time since its last run.
   */
  private void runRoutines(Instant t) {
    int enqueued = 0;
    for (Routine routine : f.core().routines().all()) {
      if (routine.every().equals(Routine.EVERY_MINUTE) || routine.dueAt(t)) {
        long started = System.nanoTime();
        Instant from = lastRun.getOrDefault(routine.name(), t.minus(routine.every()));
        enqueued += routine.work().run(from, t);
        lastRun.put(routine.name(), t);
        spent("routine " + routine.name(), started);
      }
    }
    // as Routines wakes the worker after a run that enqueued (members' own commands wake it too)
    if (enqueued > 0 || acted) {
      long started = System.nanoTime();
      f.core().deliveries().drainDue();
      spent("deliver", started);
      acted = false;
    }
  }

  // ---- what the member is promised

  private void read(Person p, Instant at) {
    long started = System.nanoTime();
    Reply status = f.say(p.caller, "status");
    spent("status", started);
    StatusPromises promises = StatusPromises.of(status, p.zone, at);
    p.readFor = at.atZone(p.zone).toLocalDate();
    p.lastRead =
        at
            + ": "
            + status
                .plainText()
                .lines()
                .filter(
                    l ->
                        l.startsWith("Reminders")
                            || l.startsWith("Next ")
                            || l.startsWith("Weekly quiz")
                            || l.startsWith("Evening")
                            || l.startsWith("Buddy"))
                .toList();
    p.promised.clear();
    promises.nudge().ifPresent(x -> p.promised.put(Kind.NUDGE, x));
    promises.quiz().ifPresent(x -> p.promised.put(Kind.QUIZ, x));
    promises.evening().ifPresent(x -> p.promised.put(Kind.EVENING, x));
    promises.pairing().ifPresent(x -> p.promised.put(Kind.PAIRING, x));
    promises.quiz().filter(Promise::held).ifPresent(x -> count("quiz held back, promised"));
  }

  // ---- what came, held to what was promised

  private record Came(Delivery delivery, DeliveryKind kind) {}

  private List<Came> deliveries() {
    List<Delivery> sent = recorder.take();
    if (sent.isEmpty()) {
      return List.of();
    }
    Map<Long, String> kinds =
        f.dsl()
            .select(OUTBOX.ID, OUTBOX.KIND)
            .from(OUTBOX)
            .where(OUTBOX.ID.in(sent.stream().map(Delivery::outboxId).toList()))
            .fetchMap(OUTBOX.ID, OUTBOX.KIND);
    return sent.stream()
        .map(d -> new Came(d, DeliveryKind.ofKey(kinds.get(d.outboxId()))))
        .toList();
  }

  private void check(Instant t, List<Came> came) {
    Set<String> calledIn = new java.util.HashSet<>();
    for (Came c : came) {
      Delivery d = c.delivery();
      if (Boolean.getBoolean("simulation.debug")) {
        System.out.println(
            "DEBUG "
                + t
                + " "
                + c.kind()
                + " "
                + d.target()
                + " "
                + d.reply().plainText().replace("\n", " | "));
      }
      switch (c.kind()) {
        case NUDGE -> nudgeByDm(t, person(d), d.reply().plainText().contains(GOODBYE));
        case QUIZ -> kept(t, person(d), Kind.QUIZ, "a quiz invitation", x -> x.via() == Via.DM);
        case EVENING_NUDGE -> kept(t, person(d), Kind.EVENING, "an evening warning", x -> true);
        case BUDDY_INTRO ->
            kept(t, person(d), Kind.PAIRING, "a buddy introduction", Promise::included);
        case CHANNEL_DIGEST -> {
          count("daily post");
          lastPost.put(
              ((Delivery.ChannelPost) d.target()).channelExternalId(), d.reply().plainText());
          for (String named : mentions(d.reply())) {
            kept(
                t,
                byId.get(named),
                Kind.NUDGE,
                "a mention in the daily post",
                x -> x.via() == Via.CHANNEL && !x.last());
          }
        }
        case CHANNEL_QUIZ -> {
          String channel = ((Delivery.ChannelPost) d.target()).channelExternalId();
          calledIn.add(channel);
          count("quiz called in a channel");
        }
        default -> count("other: " + c.kind().key());
      }
    }
    calls(t, calledIn);
  }

  private void nudgeByDm(Instant t, Person p, boolean goodbye) {
    if (goodbye) {
      count("goodbye");
      kept(t, p, Kind.NUDGE, "a goodbye before a pause", Promise::last);
      return;
    }
    kept(t, p, Kind.NUDGE, "a nudge by DM", x -> x.via() == Via.DM && !x.last());
  }

  /** A delivery of {@code kind} came to {@code p} at {@code t}: it must be what was promised. */
  private void kept(
      Instant t, Person p, Kind kind, String what, java.util.function.Predicate<Promise> shape) {
    count(what);
    Promise promise = p.promised.get(kind);
    LocalDateTime local = p.local(t);
    if (promise == null || !promise.at().equals(local) || !shape.test(promise)) {
      broke(
          p,
          t,
          what
              + " came at "
              + local
              + (promise == null
                  ? ", and nothing was promised"
                  : ", but the promise was " + promise)
              + "; the status read at "
              + p.lastRead);
      return;
    }
    p.promised.remove(kind);
  }

  /**
   * The quiz call-outs: to a channel exactly when one of its members was promised one. A local time
   * the clocks go back over reads twice; the promise holds until its later reading has passed.
   */
  private void calls(Instant t, Set<String> calledIn) {
    Set<String> promisedIn = new java.util.HashSet<>();
    for (Person p : byId.values()) {
      Promise q = p.promised.get(Kind.QUIZ);
      if (q == null || q.via() != Via.CHANNEL || !q.at().equals(p.local(t))) {
        continue;
      }
      promisedIn.add(p.home);
      if (calledIn.contains(p.home)) {
        p.promised.remove(Kind.QUIZ);
      } else if (q.at().atZone(p.zone).withLaterOffsetAtOverlap().toInstant().equals(t)) {
        broke(
            p,
            t,
            "the quiz call-out in #"
                + p.home
                + " was promised and did not come; the status read at "
                + p.lastRead
                + "; the channel's: "
                + posts(p.home, t));
        p.promised.remove(Kind.QUIZ);
      }
    }
    for (String channel : calledIn) {
      if (!promisedIn.contains(channel)) {
        broken(t + ": a quiz call-out came in #" + channel + " that nobody there was promised");
      }
    }
  }

  /** Promises whose minute has passed with nothing: broken (a pairing may find no partner). */
  private void missed(Instant t) {
    for (Person p : byId.values()) {
      for (Kind kind : List.copyOf(p.promised.keySet())) {
        Promise promise = p.promised.get(kind);
        Instant due = promise.at().atZone(p.zone).withLaterOffsetAtOverlap().toInstant();
        if (due.isAfter(t)) {
          continue;
        }
        p.promised.remove(kind);
        if (kind == Kind.PAIRING) {
          continue;
        }
        broke(
            p,
            t,
            kind
                + " was promised for "
                + promise.at()
                + " and did not come: "
                + promise
                + (promise.via() == Via.CHANNEL
                    ? "; the channel's posts: " + posts(p.home, t)
                    : ""));
      }
    }
  }

  /** The channel's daily posts of the last day in the outbox, for a message. */
  private String posts(String channel, Instant t) {
    return f.dsl()
        .select(OUTBOX.KIND, OUTBOX.LOCAL_DATE, OUTBOX.STATUS, OUTBOX.LAST_ERROR, OUTBOX.CREATED_AT)
        .from(OUTBOX)
        .where(OUTBOX.CHANNEL_ID.eq(f.channelId(channel)))
        .and(OUTBOX.CREATED_AT.gt(t.minus(Duration.ofDays(1)).atOffset(ZoneOffset.UTC)))
        .and(OUTBOX.MEMBER_ID.isNull())
        .fetch()
        .toString();
  }

  private Person person(Delivery d) {
    return byId.get(((Delivery.Direct) d.target()).memberExternalId());
  }

  private static List<String> mentions(Reply reply) {
    List<String> named = new ArrayList<>();
    for (Block block : reply.blocks()) {
      if (block instanceof Block.Section s) {
        for (Span span : s.text().spans()) {
          if (span instanceof Span.Mention m) {
            named.add(m.memberExternalId());
          }
        }
      }
    }
    return named;
  }

  // ---- members act

  private void act(Person p, Instant at, TreeSet<Instant> extra) {
    int roll = random.nextInt(100);
    String said;
    if (p.left) {
      said = "start";
      p.left = false;
    } else if (roll < 28) {
      said = "done " + (1 + random.nextInt(3));
    } else if (roll < 31) {
      said = "undo " + (1 + random.nextInt(3));
    } else if (roll < 33) {
      said = "next";
    } else if (roll < 38) {
      f.takeQuiz(p.caller, random.nextInt(6));
      said = "status";
    } else if (roll < 43) {
      said = "snooze " + (1 + random.nextInt(5)) + "d";
    } else if (roll < 46) {
      said = "snooze off";
    } else if (roll < 52) {
      said = "remind at " + time(5, 23);
    } else if (roll < 56) {
      said = "remind on";
    } else if (roll < 58) {
      said = "remind off";
    } else if (roll < 61) {
      said = "remind days " + (random.nextBoolean() ? "weekdays" : "daily");
    } else if (roll < 65) {
      said = "remind " + (random.nextBoolean() ? "dm" : "channel");
    } else if (roll < 69) {
      said =
          switch (random.nextInt(3)) {
            case 0 -> "remind evening on";
            case 1 -> "remind evening off";
            default -> "remind evening at " + time(17, 23);
          };
    } else if (roll < 74) {
      said = "buddy " + (random.nextInt(3) == 0 ? "off" : "on");
      // a first member asking on a Monday is paired at the next run that day
      extra.add(nextMark(at));
    } else if (roll < 84) {
      Optional<Instant> until =
          random.nextBoolean()
              ? Optional.of(at.plus(Duration.ofMinutes(15L * (1 + random.nextInt(300)))))
              : Optional.empty();
      p.caller = p.caller.withStatus(new PlatformStatus(":palm_tree:", "On vacation", until));
      said = "status";
      count("away");
    } else if (roll < 93) {
      p.caller = p.caller.withStatus(new PlatformStatus("", "", Optional.empty()));
      said = "status";
    } else if (roll < 95) {
      ZoneId zone = ZoneId.of(ZONES[random.nextInt(ZONES.length)]);
      said = "tz " + zone.getId();
      p.zone = zone;
    } else if (roll < 96 && !p.lead) {
      said = "leave";
      p.left = true;
    } else {
      said = "status";
    }
    count("acted: " + said.split(" ")[0]);
    String answer = f.say(p.caller, said).plainText();
    if (said.equals("leave") || said.equals("start")) {
      // leaving the home channel while in another makes that one home
      p.home = home(p);
    }
    read(p, at);
    answerAgrees(p, at, said, answer);
  }

  private static final java.util.regex.Pattern ANSWERED =
      java.util.regex.Pattern.compile(
          "(?:Next:|naming you:|resume|next nudge:) (today|\\w{3} \\d{1,2} \\w{3}) at (\\d{2}:\\d{2})");

  /**
   * A {@code remind}, {@code snooze} or {@code tz} answer that names the next nudge: as status
   * does.
   */
  private void answerAgrees(Person p, Instant at, String said, String answer) {
    java.util.regex.Matcher m = ANSWERED.matcher(answer);
    if (!m.find()) {
      return;
    }
    count("an answer naming the next nudge");
    LocalDate today = at.atZone(p.zone).toLocalDate();
    LocalDate day =
        m.group(1).equals("today")
            ? today
            : java.time.MonthDay.parse(
                    m.group(1).substring(4),
                    java.time.format.DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH))
                .atYear(today.getYear());
    LocalDateTime told = day.atTime(LocalTime.parse(m.group(2)));
    Promise promise = p.promised.get(Kind.NUDGE);
    if (promise == null || !promise.at().equals(told)) {
      broke(p, at, "'" + said + "' answered " + m.group() + ", but the status read " + p.lastRead);
    }
  }

  private void leadActs(Person lead, Instant at) {
    String channel = lead.home;
    LocalDate today = at.atZone(lead.zone).toLocalDate();
    int roll = random.nextInt(100);
    String said;
    if (roll < 30) {
      LocalDate first = today.plusDays(random.nextInt(7));
      LocalDate last = first.plusDays(random.nextInt(2));
      said = "holiday " + first + (last.equals(first) ? "" : " " + last);
      holidays.computeIfAbsent(channel, c -> new ArrayList<>()).add(first);
    } else if (roll < 45 && holidays.containsKey(channel)) {
      List<LocalDate> set = holidays.get(channel);
      said = "holiday clear " + set.remove(random.nextInt(set.size()));
      if (set.isEmpty()) {
        holidays.remove(channel);
      }
    } else if (roll < 60) {
      said = "post at " + time(6, 12);
    } else if (roll < 67) {
      said = "post days " + (random.nextBoolean() ? "weekdays" : "daily");
    } else if (roll < 74) {
      said = "post " + (random.nextInt(3) == 0 ? "off" : "on");
    } else if (roll < 85) {
      said =
          "quiz-day " + day().name().toLowerCase(Locale.ROOT).substring(0, 3) + " " + time(7, 20);
    } else {
      said = "reminders " + (random.nextBoolean() ? "dm" : "channel");
    }
    count("lead: " + said.split(" ")[0] + (said.startsWith("holiday clear") ? " clear" : ""));
    f.say(lead.caller, said);
    for (Person p : byId.values()) {
      if (p.home.equals(channel)) {
        read(p, at);
      }
    }
  }

  /** The member's home channel as the coach keeps it (their journey's channel). */
  private String home(Person p) {
    return f.dsl()
        .select(CHANNEL.EXTERNAL_ID)
        .from(ENROLLMENT)
        .join(CHANNEL)
        .on(CHANNEL.ID.eq(ENROLLMENT.CHANNEL_ID))
        .where(ENROLLMENT.MEMBER_ID.eq(f.memberId(p.caller)))
        .fetchOne(CHANNEL.EXTERNAL_ID);
  }

  private static Instant nextMark(Instant at) {
    long every = CoachingPolicy.PAIRING_EVERY.toSeconds();
    long marks = Math.floorDiv(at.getEpochSecond(), every) + 1;
    return Instant.ofEpochSecond(marks * every);
  }

  // ---- keeping score

  private void count(String what) {
    counts.merge(what, 1, Integer::sum);
  }

  private void broke(Person p, Instant t, String what) {
    broken(
        t + " (" + p.local(t) + " " + p.zone + " for " + p.name + " of #" + p.home + "): " + what);
  }

  private void broken(String what) {
    if (broken.size() < 100) {
      broken.add(what);
    }
  }

  /** The seed, for the message of a failure. */
  long seed() {
    return seed;
  }
}
