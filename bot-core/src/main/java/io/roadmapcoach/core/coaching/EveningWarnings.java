package io.roadmapcoach.core.coaching;

import static io.roadmapcoach.db.schema.Tables.CHANNEL;
import static io.roadmapcoach.db.schema.Tables.CHANNEL_MEMBER;
import static io.roadmapcoach.db.schema.Tables.ENROLLMENT;
import static io.roadmapcoach.db.schema.Tables.MEMBER;
import static io.roadmapcoach.db.schema.Tables.WORKSPACE;
import static java.util.stream.Collectors.toSet;

import io.roadmapcoach.core.action.Buttons;
import io.roadmapcoach.core.coaching.CoachingRepository.Evening;
import io.roadmapcoach.core.delivery.Composer;
import io.roadmapcoach.core.delivery.DeliveryComposer;
import io.roadmapcoach.core.delivery.DeliveryComposer.Composed;
import io.roadmapcoach.core.delivery.DeliveryComposer.Drop;
import io.roadmapcoach.core.delivery.DeliveryKind;
import io.roadmapcoach.core.delivery.DeliveryQueue;
import io.roadmapcoach.core.delivery.OutboxRepository;
import io.roadmapcoach.core.delivery.Recipients;
import io.roadmapcoach.core.journey.Enrollment;
import io.roadmapcoach.core.journey.EnrollmentRepository;
import io.roadmapcoach.core.journey.RoadmapLibrary;
import io.roadmapcoach.core.journey.StreakView;
import io.roadmapcoach.core.journey.Streaks;
import io.roadmapcoach.core.member.Channel;
import io.roadmapcoach.core.member.LocalClock;
import io.roadmapcoach.core.member.Member;
import io.roadmapcoach.core.member.MemberRepository;
import io.roadmapcoach.core.member.Scope;
import io.roadmapcoach.core.policy.PolicySql;
import io.roadmapcoach.core.reply.Button;
import io.roadmapcoach.core.reply.Reply;
import io.roadmapcoach.core.reply.Text;
import io.roadmapcoach.core.roadmap.Roadmap;
import io.roadmapcoach.core.roadmap.Stage;
import io.roadmapcoach.core.schedule.Routine;
import io.roadmapcoach.core.tx.Transactions;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The evening warning ({@code remind evening on|off|at HH:MM}, off unless asked for): a second
 * nudge at the member's evening time, only on a day their streak would break tonight and no freeze
 * would cover it. The routine enqueues the members whose evening time has come and who have not
 * been active today; whether the streak is really at risk is judged when the warning is written, by
 * the streak rules themselves.
 */
public final class EveningWarnings {
  /** A warning found this late (the bot was down) is still sent; later it is not. */
  static final Duration LATE_WINDOW = Duration.ofHours(2);

  private final DSLContext dsl;
  private final Transactions transactions;
  private final RoadmapLibrary roadmaps;
  private final CoachingRepository coaching;
  private final HolidayRepository holidays;
  private final MemberRepository members;
  private final EnrollmentRepository enrollments;
  private final OutboxRepository outbox;
  private final BuddyNews news;

  public EveningWarnings(
      DSLContext dsl,
      Transactions transactions,
      RoadmapLibrary roadmaps,
      CoachingRepository coaching,
      HolidayRepository holidays,
      MemberRepository members,
      EnrollmentRepository enrollments,
      BuddyRepository buddies) {
    this.dsl = dsl;
    this.transactions = transactions;
    this.roadmaps = roadmaps;
    this.coaching = coaching;
    this.holidays = holidays;
    this.members = members;
    this.enrollments = enrollments;
    this.outbox = new OutboxRepository(dsl);
    this.news = new BuddyNews(roadmaps, enrollments, buddies);
  }

  // ---- the command

  public Reply remindEvening(Scope scope, Optional<Boolean> on, Optional<LocalTime> at) {
    Evening was = coaching.evening(scope.member().id());
    if (on.isEmpty() && at.isEmpty()) {
      return Reply.text(said(was, scope));
    }
    Evening now = new Evening(on.orElse(true), at.orElse(was.at()));
    coaching.setEvening(scope.member().id(), now);
    return Reply.text(said(now, scope));
  }

  private static Text said(Evening evening, Scope scope) {
    if (!evening.on()) {
      return Text.of("🌙 No evening warning. ")
          .code(CoachingFeature.REMIND_EVENING.hint("on"))
          .plain(
              " sends one at "
                  + evening.at()
                  + " your time on a day your streak would break tonight.");
    }
    return Text.of("🌙 On a day your streak would break tonight and no freeze covers it, a warning")
        .plain(" comes at ")
        .bold(evening.at() + " " + scope.zone().getId())
        .plain(". ")
        .code(CoachingFeature.REMIND_EVENING.hint("off"))
        .plain(" stops it.");
  }

  // ---- the routine

  /** Every minute: the warnings whose time came since the last run. */
  public Routine routine() {
    return new Routine("evening-warning", this::enqueueDue);
  }

  /** Enqueues the warnings whose time has come (within the late window); returns how many. */
  public int enqueueDue(Instant now) {
    return enqueueDue(now.minus(LATE_WINDOW), now);
  }

  /** Enqueues the warnings whose time came in {@code (from, now]}; returns how many. */
  public int enqueueDue(Instant from, Instant now) {
    return transactions.inTransaction(() -> claim(from, now));
  }

  private int claim(Instant from, Instant now) {
    Table<?> local = LocalClock.between(from, now, LocalClock.memberZone());
    Field<LocalDateTime> localTs = LocalClock.localTimestamp();
    Field<LocalDate> localDate = localTs.cast(SQLDataType.LOCALDATE);
    Field<LocalTime> localTime = localTs.cast(SQLDataType.LOCALTIME);
    return outbox.enqueueAll(
        DSL.select(
                MEMBER.WORKSPACE_ID,
                OutboxRepository.kind(DeliveryKind.EVENING_NUDGE),
                MEMBER.ID,
                ENROLLMENT.CHANNEL_ID,
                localDate,
                OutboxRepository.at(now),
                OutboxRepository.at(now))
            .from(MEMBER)
            .join(ENROLLMENT)
            .on(ENROLLMENT.MEMBER_ID.eq(MEMBER.ID))
            .join(CHANNEL)
            .on(CHANNEL.ID.eq(ENROLLMENT.CHANNEL_ID))
            .join(CHANNEL_MEMBER)
            .on(
                CHANNEL_MEMBER.CHANNEL_ID.eq(ENROLLMENT.CHANNEL_ID),
                CHANNEL_MEMBER.MEMBER_ID.eq(MEMBER.ID))
            .join(WORKSPACE)
            .on(WORKSPACE.ID.eq(MEMBER.WORKSPACE_ID))
            .crossJoin(local)
            // the coaching policy's evening warning (CoachingPolicy), tonight's only
            .where(PolicySql.eveningDue(localDate, localTime, from, LATE_WINDOW)));
  }

  // ---- the delivery

  /**
   * Writes the warnings, or drops those whose streak is not at risk after all: the batch's
   * enrollments, home channels, holidays and away members read at once.
   */
  public Composer composer() {
    return Composer.reading(this::readAll, this::compose);
  }

  /** What a batch of warnings needs. */
  private record Read(
      Recipients to,
      Map<Long, Enrollment> enrolled,
      Set<HolidayRepository.ChannelDay> holidayDays,
      Set<Long> away) {}

  private Read readAll(List<DeliveryQueue.Claimed> rows, Recipients to, Instant now) {
    List<Long> ids = rows.stream().map(row -> row.memberId().orElseThrow()).toList();
    Map<Long, Enrollment> enrolled = enrollments.findAll(ids);
    Set<HolidayRepository.ChannelDay> days = new HashSet<>();
    for (DeliveryQueue.Claimed row : rows) {
      Enrollment e = enrolled.get(row.memberId().orElseThrow());
      if (e != null) {
        // a warning whose day is not the member's today is dropped before its holiday matters
        days.add(new HolidayRepository.ChannelDay(e.channelId(), row.localDate()));
      }
    }
    return new Read(
        to.withChannels(
            members, enrolled.values().stream().map(Enrollment::channelId).collect(toSet())),
        enrolled,
        days.isEmpty() ? Set.of() : holidays.holidaysAmong(days),
        coaching.awayAmong(ids, now));
  }

  private Composed compose(DeliveryQueue.Claimed row, Read read, Instant now) {
    Member member = read.to().member(row);
    Enrollment e = read.enrolled().get(member.id());
    if (e == null) {
      return new Drop("not enrolled");
    }
    Channel home = read.to().channel(e.channelId());
    LocalDate today = now.atZone(member.zone(home)).toLocalDate();
    if (!row.localDate().equals(today)) {
      return new Drop("an evening warning for " + row.localDate() + " is stale on " + today);
    }
    if (e.activeSince(today)) {
      return new Drop("already active today");
    }
    if (read.holidayDays().contains(new HolidayRepository.ChannelDay(home.id(), today))) {
      return new Drop("a holiday in #" + home.name());
    }
    if (read.away().contains(member.id())) {
      // the day is kept off only by the nudge it skips (away when the nudge was due)
      return new Drop("the member's status says they are away");
    }
    StreakView streak = Streaks.asOf(e.streak(), today, false, member);
    if (!streak.atRisk()) {
      return new Drop("the streak is not at risk tonight");
    }
    return DeliveryComposer.toMember(
        row, member, read.to().dmChannel(member.id()), warning(member, e, streak));
  }

  private Reply warning(Member member, Enrollment e, StreakView streak) {
    Reply.Builder reply =
        Reply.builder()
            .header(
                "🌙 "
                    + member.displayName()
                    + ", your "
                    + streak.days()
                    + "-day streak ends tonight")
            .section(
                Text.of(
                    "This week's freeze is used, so a day without progress breaks it. One objective"
                        + " or one quiz answer before midnight keeps it going."));
    List<Button> buttons = new ArrayList<>();
    if (!e.graduated()) {
      Roadmap roadmap = roadmaps.of(e.roadmapId());
      Stage stage = roadmap.stage(Math.min(e.stage(), roadmap.stageCount()));
      Optional<Integer> next = news.nextObjective(e, stage);
      if (next.isPresent()) {
        reply.section(
            Text.empty()
                .bold("Next: objective " + next.get())
                .plain(" - " + stage.objective(next.get())));
        buttons.add(Buttons.markDone(stage.number(), next.get()));
      }
    }
    buttons.add(Buttons.startQuiz(e.graduated() ? "Review quiz" : "Start quiz"));
    reply.context(
        Text.empty()
            .code(CoachingFeature.REMIND_EVENING.hint("off"))
            .plain(" turns these warnings off."));
    return reply.buttons(buttons).build();
  }
}
