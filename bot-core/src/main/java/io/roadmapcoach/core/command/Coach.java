package io.roadmapcoach.core.command;

import io.roadmapcoach.core.action.Action;
import io.roadmapcoach.core.action.ActionCodec;
import io.roadmapcoach.core.caller.Caller;
import io.roadmapcoach.core.coaching.Coaching;
import io.roadmapcoach.core.cohort.CohortService;
import io.roadmapcoach.core.command.Command.Buddy;
import io.roadmapcoach.core.command.Command.ChannelReminders;
import io.roadmapcoach.core.command.Command.ChannelTimeZone;
import io.roadmapcoach.core.command.Command.Dashboard;
import io.roadmapcoach.core.command.Command.Digest;
import io.roadmapcoach.core.command.Command.Done;
import io.roadmapcoach.core.command.Command.Export;
import io.roadmapcoach.core.command.Command.ForgetMe;
import io.roadmapcoach.core.command.Command.Help;
import io.roadmapcoach.core.command.Command.Holiday;
import io.roadmapcoach.core.command.Command.HolidayClear;
import io.roadmapcoach.core.command.Command.Holidays;
import io.roadmapcoach.core.command.Command.Home;
import io.roadmapcoach.core.command.Command.Invalid;
import io.roadmapcoach.core.command.Command.Lead;
import io.roadmapcoach.core.command.Command.LeadCommand;
import io.roadmapcoach.core.command.Command.Leaderboard;
import io.roadmapcoach.core.command.Command.LeaderboardVisibility;
import io.roadmapcoach.core.command.Command.Leave;
import io.roadmapcoach.core.command.Command.Misspelt;
import io.roadmapcoach.core.command.Command.Next;
import io.roadmapcoach.core.command.Command.Nudge;
import io.roadmapcoach.core.command.Command.PostAt;
import io.roadmapcoach.core.command.Command.PostDays;
import io.roadmapcoach.core.command.Command.PostSwitch;
import io.roadmapcoach.core.command.Command.Pressed;
import io.roadmapcoach.core.command.Command.Quiz;
import io.roadmapcoach.core.command.Command.QuizDay;
import io.roadmapcoach.core.command.Command.RemindAt;
import io.roadmapcoach.core.command.Command.RemindDays;
import io.roadmapcoach.core.command.Command.RemindEvening;
import io.roadmapcoach.core.command.Command.RemindSwitch;
import io.roadmapcoach.core.command.Command.RemindVia;
import io.roadmapcoach.core.command.Command.SetStage;
import io.roadmapcoach.core.command.Command.SetTimeZone;
import io.roadmapcoach.core.command.Command.Settings;
import io.roadmapcoach.core.command.Command.ShowStage;
import io.roadmapcoach.core.command.Command.Snooze;
import io.roadmapcoach.core.command.Command.SnoozeOff;
import io.roadmapcoach.core.command.Command.Stages;
import io.roadmapcoach.core.command.Command.Start;
import io.roadmapcoach.core.command.Command.Status;
import io.roadmapcoach.core.command.Command.Team;
import io.roadmapcoach.core.command.Command.TeamChart;
import io.roadmapcoach.core.command.Command.Undo;
import io.roadmapcoach.core.command.Command.Unknown;
import io.roadmapcoach.core.command.Command.Unlead;
import io.roadmapcoach.core.dashboard.DashboardService;
import io.roadmapcoach.core.lead.LeadService;
import io.roadmapcoach.core.leaderboard.LeaderboardService;
import io.roadmapcoach.core.member.Member;
import io.roadmapcoach.core.member.MemberRepository;
import io.roadmapcoach.core.member.Scope;
import io.roadmapcoach.core.member.SettingsService;
import io.roadmapcoach.core.observe.Observer;
import io.roadmapcoach.core.observe.Outcome;
import io.roadmapcoach.core.privacy.PrivacyService;
import io.roadmapcoach.core.progress.ProgressService;
import io.roadmapcoach.core.quiz.QuizService;
import io.roadmapcoach.core.reply.Apologies;
import io.roadmapcoach.core.reply.Echo;
import io.roadmapcoach.core.reply.Reply;
import io.roadmapcoach.core.reply.Text;
import io.roadmapcoach.core.roadmap.Roadmap;
import io.roadmapcoach.core.tx.DatabaseUnavailable;
import io.roadmapcoach.core.tx.OutageLog;
import io.roadmapcoach.core.tx.Transactions;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.jooq.exception.DataAccessException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The coach's front door: every adapter hands it a caller and a command (typed or pressed) and
 * renders the reply it returns. Each command runs in one transaction; a failure rolls it back whole
 * and the member gets a plain apology, never a stack trace. While the database cannot be reached
 * the apology says so, within moments rather than the pool's wait. Each answered command is
 * reported to the {@link Observer} with its outcome and latency.
 */
public final class Coach {
  private static final Logger log = LoggerFactory.getLogger(Coach.class);
  private static final int ATTEMPTS_ON_CONFLICT = 3;

  /** The services a coach hands commands to. */
  public record Services(
      ProgressService progress,
      SettingsService settings,
      QuizService quizzes,
      LeaderboardService leaderboards,
      LeadService leads,
      CohortService cohorts,
      DashboardService dashboard,
      Coaching coaching,
      PrivacyService privacy) {}

  private final Roadmap roadmap;
  private final CommandParser parser;
  private final Transactions transactions;
  private final MemberRepository members;
  private final Services services;
  private final Clock clock;
  private final Observer observer;
  private final OutageLog outages = new OutageLog(log, Duration.ofSeconds(10));

  public Coach(
      Roadmap roadmap,
      Transactions transactions,
      MemberRepository members,
      Services services,
      Clock clock,
      Observer observer) {
    this.roadmap = roadmap;
    this.parser = new CommandParser(roadmap);
    this.transactions = transactions;
    this.members = members;
    this.services = services;
    this.clock = clock;
    this.observer = observer;
  }

  /** A reply and how its command ended, for the operator's figures. */
  private record Answered(Reply reply, Outcome outcome) {}

  /** Text as typed after {@code /roadmap}. */
  public Reply handleText(Caller caller, String text) {
    long started = System.nanoTime();
    Command command = parser.parse(text);
    return observed(caller, command, started, answer(caller, command));
  }

  /** A pressed button's id, as the platform returned it. */
  public Reply press(Caller caller, String actionId) {
    long started = System.nanoTime();
    Optional<Action> action = ActionCodec.decode(actionId);
    if (action.isEmpty()) {
      Reply notOurs =
          Reply.text(
              Text.of("That button is not one I can use (it may be from an old message). ")
                  .code("/roadmap status")
                  .plain(" shows where you are."));
      observer.commandAnswered("press", caller.platform(), Outcome.INVALID, since(started));
      return notOurs;
    }
    Command command = new Pressed(action.get());
    return observed(caller, command, started, answer(caller, command));
  }

  /**
   * Help, unknown and malformed commands are answered here; a member's own data is answered by
   * privacy, which looks the caller up and never creates them; the rest in a transaction.
   */
  public Reply handle(Caller caller, Command command) {
    long started = System.nanoTime();
    return observed(caller, command, started, answer(caller, command));
  }

  private Answered answer(Caller caller, Command command) {
    return switch (command) {
      case Help h -> new Answered(HelpReplies.help(roadmap), Outcome.OK);
      case Unknown u ->
          new Answered(HelpReplies.unknown(u.input(), u.suggestion()), Outcome.INVALID);
      case Misspelt m -> new Answered(HelpReplies.misspelt(m.typed(), m.meant()), Outcome.INVALID);
      case Invalid i -> new Answered(Reply.text(i.message()), Outcome.INVALID);
      case Export e -> guarded(command, () -> services.privacy().export(caller));
      case ForgetMe f -> guarded(command, () -> services.privacy().askToForget(caller));
      case Pressed p when p.action() instanceof Action.ForgetMe confirmed ->
          guarded(command, () -> services.privacy().forget(caller, confirmed));
      default -> inTransaction(caller, command);
    };
  }

  private Reply observed(Caller caller, Command command, long started, Answered answered) {
    observer.commandAnswered(
        metricName(command), caller.platform(), answered.outcome(), since(started));
    return answered.reply();
  }

  private static Duration since(long startedNanos) {
    return Duration.ofNanos(System.nanoTime() - startedNanos);
  }

  /**
   * Work that runs its own transactions (a member's own data): a failure is an apology, never a
   * stack trace.
   */
  private Answered guarded(Command command, Supplier<Reply> work) {
    try {
      return new Answered(work.get(), Outcome.OK);
    } catch (DatabaseUnavailable e) {
      return databaseUnreachable(command, e);
    } catch (RuntimeException e) {
      return failed(command, e);
    }
  }

  public CommandParser parser() {
    return parser;
  }

  private Answered inTransaction(Caller caller, Command command) {
    for (int attempt = 1; ; attempt++) {
      Scope.AfterCommit afterCommit = new Scope.AfterCommit();
      try {
        Answered answered =
            transactions.inTransaction(
                () ->
                    members
                        .resolve(caller)
                        .map(
                            place ->
                                perform(
                                    new Scope(
                                        caller,
                                        place.member(),
                                        place.channel(),
                                        place.home(),
                                        clock.instant(),
                                        afterCommit),
                                    command))
                        .orElseGet(Coach::startInAChannelFirst));
        runAfterCommit(afterCommit);
        return answered;
      } catch (DatabaseUnavailable e) {
        return databaseUnreachable(command, e);
      } catch (DataAccessException e) {
        if (attempt < ATTEMPTS_ON_CONFLICT && isConflict(e)) {
          log.debug("Retrying {} after a conflicting transaction", name(command));
          continue;
        }
        return failed(command, e);
      } catch (RuntimeException e) {
        return failed(command, e);
      }
    }
  }

  /** A direct message from someone with no channel yet: their progress lives in a channel. */
  private static Answered startInAChannelFirst() {
    return new Answered(
        Reply.text(
            Text.of("Your progress lives in a channel of your team: type ")
                .code("/roadmap start")
                .plain(" in one, and then you can talk to me here too.")),
        Outcome.REFUSED);
  }

  private static boolean isConflict(DataAccessException e) {
    String state = e.sqlState();
    return "40001".equals(state) || "40P01".equals(state) || "23505".equals(state);
  }

  private static Answered failed(Command command, RuntimeException e) {
    log.error("{} failed; its transaction was rolled back", name(command), e);
    return new Answered(Apologies.somethingWentWrong(), Outcome.FAILED);
  }

  private Answered databaseUnreachable(Command command, DatabaseUnavailable e) {
    outages.unavailable(name(command), e);
    return new Answered(Apologies.databaseUnreachable(), Outcome.DATABASE_UNAVAILABLE);
  }

  private static void runAfterCommit(Scope.AfterCommit afterCommit) {
    for (Runnable task : afterCommit.tasks()) {
      try {
        task.run();
      } catch (RuntimeException e) {
        log.error("Follow-up work after a command failed", e);
      }
    }
  }

  private static String name(Command command) {
    return command.getClass().getSimpleName().toLowerCase(Locale.ROOT);
  }

  /** A command's name in metrics: its kind, a button's kind of action; never what was typed. */
  private static String metricName(Command command) {
    return command instanceof Pressed p
        ? "press-" + p.action().getClass().getSimpleName().toLowerCase(Locale.ROOT)
        : name(command);
  }

  private Answered perform(Scope scope, Command command) {
    if (command instanceof LeadCommand && !services.leads().isLead(scope)) {
      return new Answered(
          services.leads().notALead(scope, leadCommandName(command)), Outcome.REFUSED);
    }
    return new Answered(dispatch(scope, command), Outcome.OK);
  }

  private Reply dispatch(Scope scope, Command command) {
    ProgressService progress = services.progress();
    SettingsService settings = services.settings();
    LeadService leads = services.leads();
    return switch (command) {
      case Start s -> progress.start(scope);
      case Status s -> status(scope, s);
      case Stages s -> progress.stages(scope);
      case ShowStage s -> progress.stage(scope, s.number());
      case Done d -> progress.done(scope, d.objective());
      case Undo u -> progress.undo(scope, u.objective());
      case Next n -> progress.next(scope);
      case Quiz q -> startQuiz(scope);
      case Pressed p -> pressed(scope, p.action());
      case Leaderboard l -> services.leaderboards().board(scope, l.period());
      case LeaderboardVisibility v -> settings.leaderboardVisibility(scope, v.hidden());
      case RemindAt r -> settings.remindAt(scope, r.time());
      case RemindSwitch r -> settings.remindSwitch(scope, r.on());
      case RemindDays r -> {
        progress.judgeStreakBeforeSettingsChange(scope);
        yield settings.remindDays(scope, r.days());
      }
      case RemindVia r -> settings.remindVia(scope, r.mode());
      case SetTimeZone t -> settings.timeZone(scope, t.zone());
      case Snooze s -> snooze(scope, s.days());
      case SnoozeOff s -> endSnooze(scope);
      case Team t -> t.csv() ? leads.teamCsv(scope) : leads.team(scope);
      case QuizDay q -> leads.quizDay(scope, q.day(), q.time());
      case ChannelTimeZone c -> leads.channelZone(scope, c.zone());
      case ChannelReminders c -> leads.channelReminders(scope, c.mode());
      case Lead l -> leads.lead(scope, l.member());
      case Unlead u -> leads.unlead(scope, u.member());
      case SetStage s -> leads.setStage(scope, s.member(), s.stage());
      case Leave l -> leave(scope);
      case Home h -> services.cohorts().home(scope, h.channel());
      case Settings s -> services.cohorts().settings(scope);
      case PostAt p -> leads.postAt(scope, p.time());
      case PostDays p -> leads.postDays(scope, p.days());
      case PostSwitch p -> leads.postSwitch(scope, p.on());
      case Nudge n -> leads.nudge(scope, n.member());
      case Digest d -> leads.digest(scope, d.on());
      case Dashboard d -> services.dashboard().link(scope);
      case TeamChart t -> services.dashboard().teamChart(scope);
      case Buddy b -> services.coaching().buddy(scope, b.on());
      case RemindEvening r -> services.coaching().remindEvening(scope, r.on(), r.at());
      case Holiday h -> services.coaching().holiday(scope, h.from(), h.to());
      case Holidays h -> services.coaching().holidays(scope);
      case HolidayClear h -> services.coaching().clearHoliday(scope, h.day());
      case Help h -> throw new IllegalStateException("help is answered before a transaction");
      case Unknown u -> throw new IllegalStateException("answered before a transaction");
      case Misspelt m -> throw new IllegalStateException("answered before a transaction");
      case Invalid i -> throw new IllegalStateException("answered before a transaction");
      case Export e -> throw new IllegalStateException("answered before a transaction");
      case ForgetMe f -> throw new IllegalStateException("answered before a transaction");
    };
  }

  private Reply pressed(Scope scope, Action action) {
    return switch (action) {
      case Action.MarkDone m -> services.progress().markDone(scope, m.stage(), m.objective());
      case Action.StartQuiz q -> startQuiz(scope);
      case Action.Answer a -> services.quizzes().answer(scope, a);
      case Action.Snooze s -> snooze(scope, s.days());
      case Action.MoveOn m -> services.progress().moveOn(scope, m.fromStage());
      case Action.ForgetMe f -> throw new IllegalStateException("answered before a transaction");
    };
  }

  private Reply startQuiz(Scope scope) {
    return services.progress().withEnrollment(scope, e -> services.quizzes().start(scope, e));
  }

  private Reply snooze(Scope scope, int days) {
    services.progress().judgeStreakBeforeSettingsChange(scope);
    Reply reply = services.settings().snooze(scope, days);
    services.coaching().afterSnooze(scope);
    return reply;
  }

  /** Leaving a channel may leave the member's study buddies there too. */
  private Reply leave(Scope scope) {
    Reply reply = services.cohorts().leave(scope);
    services.coaching().afterLeave(scope);
    return reply;
  }

  private Reply endSnooze(Scope scope) {
    if (scope.member().hasSnoozeLeft(scope.today())) {
      services.progress().judgeStreakBeforeSettingsChange(scope);
    }
    return services.settings().endSnooze(scope, services.progress().activeToday(scope));
  }

  private Reply status(Scope scope, Status status) {
    if (status.member().isEmpty()) {
      return services.progress().status(scope, Optional.empty());
    }
    Optional<Member> other = members.find(scope.member().workspaceId(), status.member().get());
    if (other.isEmpty()) {
      return Reply.text(
          "I do not know "
              + Echo.of(status.member().get().shown())
              + " here. They need to have used /roadmap once in this workspace.");
    }
    return services.progress().status(scope, other);
  }

  private static String leadCommandName(Command command) {
    return switch (command) {
      case Team t -> "team";
      case QuizDay q -> "quiz-day";
      case ChannelTimeZone c -> "channel-tz";
      case ChannelReminders c -> "reminders";
      case Lead l -> "lead";
      case Unlead u -> "unlead";
      case SetStage s -> "set-stage";
      case PostAt p -> "post at";
      case PostDays p -> "post days";
      case PostSwitch p -> p.on() ? "post on" : "post off";
      case Nudge n -> "nudge";
      case Digest d -> "digest";
      case Dashboard d -> "dashboard";
      case TeamChart t -> "team chart";
      case Holiday h -> "holiday";
      case Holidays h -> "holidays";
      case HolidayClear h -> "holiday clear";
      default -> "that";
    };
  }
}
