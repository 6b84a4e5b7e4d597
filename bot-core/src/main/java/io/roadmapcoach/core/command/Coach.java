package io.roadmapcoach.core.command;

import io.roadmapcoach.core.action.Action;
import io.roadmapcoach.core.action.ActionCodec;
import io.roadmapcoach.core.caller.Caller;
import io.roadmapcoach.core.caller.Upload;
import io.roadmapcoach.core.command.Input.Invalid;
import io.roadmapcoach.core.command.Input.Misspelt;
import io.roadmapcoach.core.command.Input.Pressed;
import io.roadmapcoach.core.command.Input.Unknown;
import io.roadmapcoach.core.feature.Access;
import io.roadmapcoach.core.feature.ButtonDeclaration;
import io.roadmapcoach.core.feature.Command;
import io.roadmapcoach.core.feature.CommandDeclaration;
import io.roadmapcoach.core.feature.Handling;
import io.roadmapcoach.core.feature.LeadCheck;
import io.roadmapcoach.core.member.MemberRepository;
import io.roadmapcoach.core.member.Scope;
import io.roadmapcoach.core.observe.Observer;
import io.roadmapcoach.core.observe.Outcome;
import io.roadmapcoach.core.progress.ProgressFeature;
import io.roadmapcoach.core.reply.Apologies;
import io.roadmapcoach.core.reply.Echo;
import io.roadmapcoach.core.reply.Reply;
import io.roadmapcoach.core.reply.Text;
import io.roadmapcoach.core.roadmap.WorkspaceRoadmaps;
import io.roadmapcoach.core.tx.DatabaseBusy;
import io.roadmapcoach.core.tx.DatabaseUnavailable;
import io.roadmapcoach.core.tx.OutageLog;
import io.roadmapcoach.core.tx.Transactions;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The coach's front door: every adapter hands it a caller and a command (typed or pressed) and
 * renders the reply it returns. The command's declaration says how it runs: most in one transaction
 * with the member's rows (a conflict with another transaction is retried, a failure rolls it back
 * whole and the member gets a plain apology, never a stack trace), after the lead check where only
 * leads may run it; a member's own data on its own. While the database cannot be reached the
 * apology says so, within moments rather than the pool's wait. Each answered command is reported to
 * the {@link Observer} with its outcome and latency.
 */
public final class Coach {
  private static final Logger log = LoggerFactory.getLogger(Coach.class);

  private final Commands commands;
  private final Transactions transactions;
  private final MemberRepository members;
  private final LeadCheck leads;
  private final WorkspaceRoadmaps roadmaps;
  private final Clock clock;
  private final Observer observer;
  private final OutageLog outages = new OutageLog(log, Duration.ofSeconds(10));

  public Coach(
      Commands commands,
      Transactions transactions,
      MemberRepository members,
      LeadCheck leads,
      WorkspaceRoadmaps roadmaps,
      Clock clock,
      Observer observer) {
    this.commands = commands;
    this.transactions = transactions;
    this.members = members;
    this.leads = leads;
    this.roadmaps = roadmaps;
    this.clock = clock;
    this.observer = observer;
  }

  /** A reply and how its command ended, for the operator's figures. */
  private record Answered(Reply reply, Outcome outcome) {}

  /** Text as typed after {@code /roadmap}. */
  public Reply handleText(Caller caller, String text) {
    return handleText(caller, text, Optional.empty());
  }

  /**
   * Text as typed after {@code /roadmap}, with the file that came with it: a command that takes a
   * file reads it, any other runs without it and its reply says the file was dropped.
   */
  public Reply handleText(Caller caller, String text, Optional<Upload> file) {
    long started = System.nanoTime();
    Command command = commands.parse(text);
    return observed(caller, command, started, answer(caller, command, file));
  }

  /** A pressed button's id, as the platform returned it. */
  public Reply press(Caller caller, String actionId) {
    long started = System.nanoTime();
    Optional<Action> action = ActionCodec.decode(actionId);
    if (action.isEmpty()) {
      observer.commandAnswered("press", caller.platform(), Outcome.INVALID, since(started));
      return notOurButton();
    }
    Command command = new Pressed(action.get());
    return observed(caller, command, started, answer(caller, command, Optional.empty()));
  }

  public Reply handle(Caller caller, Command command) {
    long started = System.nanoTime();
    return observed(caller, command, started, answer(caller, command, Optional.empty()));
  }

  /** The declared commands: what platforms register and how they acknowledge each. */
  public Commands commands() {
    return commands;
  }

  /** The workspaces' roadmaps, as platforms register their number options within them. */
  public WorkspaceRoadmaps roadmaps() {
    return roadmaps;
  }

  private Answered answer(Caller caller, Command command, Optional<Upload> file) {
    return switch (command) {
      case Unknown u ->
          new Answered(HelpReplies.unknown(u.input(), u.suggestion()), Outcome.INVALID);
      case Misspelt m -> new Answered(HelpReplies.misspelt(m.typed(), m.meant()), Outcome.INVALID);
      case Invalid i -> new Answered(Reply.text(i.message()), Outcome.INVALID);
      case Pressed p -> pressed(caller, p);
      default -> declared(caller, command, file);
    };
  }

  private Answered declared(Caller caller, Command command, Optional<Upload> file) {
    CommandDeclaration<?> declaration =
        commands
            .declaration(command)
            .orElseThrow(() -> new IllegalArgumentException(name(command) + " is not declared"));
    if (file.isPresent() && !declaration.takesFile()) {
      Answered answered = declared(caller, command, Optional.empty());
      return new Answered(
          answered
              .reply()
              .withContext(
                  Text.of(
                      "📎 "
                          + declaration.words().hint()
                          + " takes no file: "
                          + Echo.of(file.get().fileName())
                          + " was dropped.")),
          answered.outcome());
    }
    Optional<Upload> taken = file.filter(f -> declaration.takesFile());
    return switch (declaration.handling()) {
      case Handling.OnItsOwn<?> alone ->
          guarded(command, () -> declaration.handle(caller, command));
      case Handling.InTransaction<?> inTransaction ->
          inTransaction(
              caller,
              command,
              declaration.needsMember(),
              taken,
              scope -> perform(scope, declaration, command));
    };
  }

  private Answered pressed(Caller caller, Pressed pressed) {
    Optional<ButtonDeclaration<?>> button = commands.button(pressed.action());
    if (button.isEmpty()) {
      return new Answered(notOurButton(), Outcome.INVALID);
    }
    Action action = pressed.action();
    return switch (button.get().handling()) {
      case Handling.OnItsOwn<?> alone ->
          guarded(pressed, () -> button.get().handle(caller, action));
      case Handling.InTransaction<?> inTransaction ->
          inTransaction(
              caller,
              pressed,
              true,
              Optional.empty(),
              scope -> new Answered(button.get().handle(scope, action), Outcome.OK));
    };
  }

  /** Only leads may run a lead's command; the refusal says who can. */
  private Answered perform(Scope scope, CommandDeclaration<?> declaration, Command command) {
    if (declaration.access() == Access.LEAD && !leads.isLead(scope)) {
      return new Answered(leads.notALead(scope, declaration.words().text()), Outcome.REFUSED);
    }
    return new Answered(declaration.handle(scope, command), Outcome.OK);
  }

  private static Reply notOurButton() {
    return Reply.text(
        Text.of("That button is not one I can use (it may be from an old message). ")
            .code(ProgressFeature.STATUS.hint())
            .plain(" shows where you are."));
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
    } catch (DatabaseBusy e) {
      return busy(command, e);
    } catch (RuntimeException e) {
      return failed(command, e);
    }
  }

  /**
   * What one attempt answered, the work it left for after its commit, and whether its changes are
   * kept.
   */
  private record Attempt(Answered answered, Scope.AfterCommit afterCommit, boolean kept) {}

  /**
   * The command in one transaction with the caller's rows (which the platform's news about them,
   * such as an away status, updates in the same transaction); the work it queued runs once that
   * committed. Someone the coach first sees now is kept only when the command needs them (see
   * {@link CommandDeclaration#needsMember()}) and was not refused them: otherwise the command is
   * answered and its transaction rolled back, so that reading stores nothing about a stranger (or
   * about someone who erased their data).
   */
  private Answered inTransaction(
      Caller caller,
      Command command,
      boolean needsMember,
      Optional<Upload> file,
      Function<Scope, Answered> work) {
    try {
      Attempt done =
          transactions.inTransactionRetrying(
              () -> {
                Scope.AfterCommit afterCommit = new Scope.AfterCommit();
                Optional<MemberRepository.Place> found = members.resolve(caller, clock.instant());
                if (found.isEmpty()) {
                  return new Attempt(startInAChannelFirst(), afterCommit, true);
                }
                MemberRepository.Place place = found.get();
                Answered answered =
                    work.apply(
                        new Scope(
                            caller,
                            place.member(),
                            place.channel(),
                            place.home(),
                            clock.instant(),
                            afterCommit,
                            file));
                boolean needed =
                    !place.newMember() || (needsMember && answered.outcome() != Outcome.REFUSED);
                return new Attempt(answered, afterCommit, needed);
              },
              Attempt::kept);
      if (!done.kept()) {
        return done.answered();
      }
      runAfterCommit(done.afterCommit());
      Answered answered = done.answered();
      return new Answered(done.afterCommit().followed(answered.reply()), answered.outcome());
    } catch (DatabaseUnavailable e) {
      return databaseUnreachable(command, e);
    } catch (DatabaseBusy e) {
      return busy(command, e);
    } catch (RuntimeException e) {
      return failed(command, e);
    }
  }

  /** A direct message from someone with no channel yet: their progress lives in a channel. */
  private static Answered startInAChannelFirst() {
    return new Answered(
        Reply.text(
            Text.of("Your progress lives in a channel of your team: type ")
                .code(ProgressFeature.START.hint())
                .plain(" in one, and then you can talk to me here too.")),
        Outcome.REFUSED);
  }

  private static Answered failed(Command command, RuntimeException e) {
    log.error("{} failed; its transaction was rolled back", name(command), e);
    return new Answered(Apologies.somethingWentWrong(), Outcome.FAILED);
  }

  private Answered databaseUnreachable(Command command, DatabaseUnavailable e) {
    outages.unavailable(name(command), e);
    return new Answered(Apologies.databaseUnreachable(), Outcome.DATABASE_UNAVAILABLE);
  }

  private Answered busy(Command command, DatabaseBusy e) {
    // counted as its outcome (metrics); a line per command would flood the log when it happens
    log.debug("{} not carried out: {}", name(command), e.getMessage());
    return new Answered(Apologies.busy(), Outcome.BUSY);
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
}
