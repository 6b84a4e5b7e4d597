package io.roadmapcoach.core.progress;

import io.roadmapcoach.core.caller.MemberRef;
import io.roadmapcoach.core.delivery.OutboxRepository;
import io.roadmapcoach.core.delivery.PostingCheck;
import io.roadmapcoach.core.feature.Words;
import io.roadmapcoach.core.journey.Enrollment;
import io.roadmapcoach.core.journey.EnrollmentRepository;
import io.roadmapcoach.core.journey.EventKind;
import io.roadmapcoach.core.journey.Points;
import io.roadmapcoach.core.journey.ProgressLedger;
import io.roadmapcoach.core.journey.RoadmapLibrary;
import io.roadmapcoach.core.journey.StreakState;
import io.roadmapcoach.core.journey.StreakView;
import io.roadmapcoach.core.journey.Streaks;
import io.roadmapcoach.core.member.Channel;
import io.roadmapcoach.core.member.LeadRepository;
import io.roadmapcoach.core.member.Member;
import io.roadmapcoach.core.member.MemberRepository;
import io.roadmapcoach.core.member.Memberships;
import io.roadmapcoach.core.member.Scope;
import io.roadmapcoach.core.policy.CoachingPolicy;
import io.roadmapcoach.core.policy.PolicyRepository;
import io.roadmapcoach.core.quiz.QuizRepository;
import io.roadmapcoach.core.reply.Echo;
import io.roadmapcoach.core.reply.Reply;
import io.roadmapcoach.core.reply.Text;
import io.roadmapcoach.core.roadmap.Roadmap;
import io.roadmapcoach.core.roadmap.Stage;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;

/**
 * Moving along the roadmap: enrolling, checking objectives off, advancing, and seeing where you
 * are.
 */
public final class ProgressService {
  private final RoadmapLibrary library;
  private final EnrollmentRepository enrollments;
  private final MemberRepository members;
  private final LeadRepository leads;
  private final Memberships memberships;
  private final OutboxRepository outbox;
  private final QuizRepository quizzes;
  private final ProgressLedger ledger;

  private final PostingCheck posting;

  public ProgressService(
      RoadmapLibrary library,
      EnrollmentRepository enrollments,
      MemberRepository members,
      LeadRepository leads,
      Memberships memberships,
      QuizRepository quizzes,
      ProgressLedger ledger,
      OutboxRepository outbox,
      PostingCheck posting) {
    this.posting = posting;
    this.library = library;
    this.enrollments = enrollments;
    this.members = members;
    this.leads = leads;
    this.memberships = memberships;
    this.outbox = outbox;
    this.quizzes = quizzes;
    this.ledger = ledger;
  }

  /** The roadmap of the channel asked in (in a DM, the home channel's). */
  private Roadmap roadmap(Scope scope) {
    return library.of(scope.channel());
  }

  private StatusReplies replies(Scope scope) {
    return new StatusReplies(roadmap(scope));
  }

  /**
   * Runs {@code work} on the caller's locked journey on the channel's roadmap, or tells them to
   * start first. An enrolled member's first command on a roadmap starts their journey on it.
   */
  public Reply withEnrollment(Scope scope, Function<Enrollment, Reply> work) {
    return journey(scope, scope.member().id())
        .map(work)
        .orElseGet(() -> replies(scope).notStarted());
  }

  /** The member's locked journey on the channel's roadmap, started when they are enrolled. */
  private Optional<Enrollment> journey(Scope scope, long memberId) {
    long roadmapId = scope.channel().roadmapId();
    Optional<Enrollment> found = enrollments.lock(memberId, roadmapId);
    if (found.isEmpty() && enrollments.find(memberId).isPresent()) {
      enrollments.startJourney(memberId, roadmapId, scope.now());
      found = enrollments.find(memberId, roadmapId);
    }
    return found;
  }

  /**
   * Starts the roadmap here, or joins this channel's group with the progress one already has. The
   * first member of a channel without a lead becomes its lead.
   */
  public Reply start(Scope scope) {
    long memberId = scope.member().id();
    Channel here = scope.channel();
    Optional<Enrollment> existing = journey(scope, memberId);
    boolean enrolledNow = false;
    if (existing.isEmpty()) {
      enrolledNow = enrollments.insert(memberId, here.id(), here.roadmapId(), scope.now());
      existing = enrollments.lock(memberId, here.roadmapId());
    }
    Enrollment enrollment = existing.orElseThrow();
    boolean hadChannels = memberships.channelCount(memberId) > 0;
    if (!memberships.join(here.id(), memberId, scope.now())) {
      return replies(scope).alreadyIn(here, enrollment);
    }
    // the channel takes its first member's zone, unless a lead set one already
    members.adoptZoneIfUnset(here.id(), scope.member().zone(here));
    Channel channel = members.channel(here.id());
    boolean firstLead = leads.claimIfLeaderless(channel.id(), memberId, scope.now());
    if (enrolledNow) {
      ledger.record(
          change(enrollment, scope.member(), channel, EventKind.ENROLLED, 1, null, 0, scope));
      Reply welcome = replies(scope).welcome(scope.member(), firstLead, channel);
      // the first member turns the channel's post and quiz call-out on: can the bot post there?
      return firstLead ? posting.afterCommit(scope, welcome, channel) : welcome;
    }
    if (!hadChannels) {
      // back after leaving every channel: this one is home, and nudges resume
      enrollments.setHome(memberId, channel.id());
    }
    ledger.seedWeek(channel, memberId, scope.now());
    return replies(scope).joined(channel, enrollment, firstLead);
  }

  /**
   * Stores the member's streak as judged through yesterday, before a change of their reminder days
   * or snooze, so the change judges only the days to come.
   */
  public void judgeStreakBeforeSettingsChange(Scope scope) {
    enrollments
        .find(scope.member().id())
        .ifPresent(
            e -> {
              StreakState judged = Streaks.judgedBefore(e.streak(), scope.today(), scope.member());
              if (!judged.equals(e.streak())) {
                enrollments.saveStreak(scope.member().id(), judged);
              }
            });
  }

  /** The caller's status, or that of the member they name (who must have used the coach here). */
  public Reply statusOf(Scope scope, Optional<MemberRef> named) {
    if (named.isEmpty()) {
      return status(scope, Optional.empty());
    }
    Optional<Member> other = members.find(scope.member().workspaceId(), named.get());
    if (other.isEmpty()) {
      return Reply.text(
          "I do not know "
              + Echo.of(named.get().shown())
              + " here. They need to have used /roadmap once in this workspace.");
    }
    return status(scope, other);
  }

  public Reply status(Scope scope, Optional<Member> named) {
    // naming yourself is asking for your own status
    Optional<Member> of = named.filter(m -> m.id() != scope.member().id());
    Member member = of.orElse(scope.member());
    boolean own = of.isEmpty();
    // the caller's own home is already known; someone else's is looked up
    Channel home = own ? scope.home() : members.homeOf(member.id(), scope.channel());
    // the enrollment, its checked objectives and its quiz in one round trip, with what the
    // coaching policy needs for the caller's own promises
    Optional<EnrollmentRepository.StatusFacts> found =
        enrollments.statusFacts(
            member.id(),
            scope.channel().roadmapId(),
            own ? PolicyRepository.facts(member, home, scope.now()) : List.of());
    if (found.isEmpty()) {
      return own
          ? replies(scope).notStarted()
          : Reply.text(member.displayName() + " has not started the roadmap yet.");
    }
    Enrollment e = found.get().enrollment();
    var today = scope.now().atZone(member.zone(home)).toLocalDate();
    boolean activeToday = e.activeOn(today);
    StreakView streak = Streaks.asOf(e.streak(), today, activeToday, member);
    EnrollmentRepository.Checked checked = found.get().checked();
    StatusReplies.Facts facts =
        new StatusReplies.Facts(
            member,
            e,
            home,
            checked.inStage(),
            checked.before(),
            found.get().quizPassed(),
            streak,
            own,
            today,
            own
                ? Optional.of(
                    CoachingPolicy.outlook(
                        PolicyRepository.situation(member, home, e, found.get().more()),
                        scope.now()))
                : Optional.empty(),
            own || !member.hiddenFromLeaderboard() || leadsHere(scope));
    Reply reply = replies(scope).status(facts);
    return own && scope.caller().channel().isEmpty() ? withOtherJourneys(reply, e) : reply;
  }

  /**
   * In a direct message the status is the home journey's, with a line naming the member's other
   * journeys and where each is worked on.
   */
  private Reply withOtherJourneys(Reply reply, Enrollment home) {
    var others = enrollments.otherJourneys(List.of(home.memberId()));
    List<String> named = new java.util.ArrayList<>();
    for (var other : others.getOrDefault(home.memberId(), List.of())) {
      Roadmap roadmap = library.of(other.journey().roadmapId());
      named.add(
          roadmap.title()
              + " (stage "
              + other.journey().stage()
              + " of "
              + roadmap.stageCount()
              + ", in #"
              + other.channelName()
              + ")");
    }
    if (named.isEmpty()) {
      return reply;
    }
    return reply.withContext(
        Text.of(
            "Here: your journey on "
                + library.of(home.roadmapId()).title()
                + ". Also: "
                + String.join("; ", named)
                + "."));
  }

  /** Whether the caller leads the channel they ask in (a named lead, or a workspace admin). */
  private boolean leadsHere(Scope scope) {
    return scope.caller().platformAdmin()
        || leads.isLead(scope.channel().id(), scope.member().id());
  }

  public Reply stages(Scope scope) {
    Optional<Enrollment> enrollment =
        enrollments.find(scope.member().id(), scope.channel().roadmapId());
    return replies(scope).stages(enrollment);
  }

  public Reply stage(Scope scope, OptionalInt number) {
    Optional<Enrollment> enrollment =
        enrollments.find(scope.member().id(), scope.channel().roadmapId());
    if (number.isEmpty() && enrollment.isEmpty()) {
      return replies(scope).stage(roadmap(scope).stage(1), Optional.empty(), Set.of());
    }
    int n = number.orElseGet(() -> enrollment.orElseThrow().stage());
    if (!roadmap(scope).hasStage(n)) {
      // the parser knows the deployment's range; this channel's roadmap may be shorter
      return Reply.text(
          "There is no stage " + n + ": stages run from 1 to " + roadmap(scope).stageCount() + ".");
    }
    Set<Integer> done =
        enrollment.isPresent()
            ? enrollments.objectivesDone(scope.member().id(), scope.channel().roadmapId(), n)
            : Set.of();
    return replies(scope).stage(roadmap(scope).stage(n), enrollment, done);
  }

  public Reply done(Scope scope, String objective) {
    return withEnrollment(scope, e -> checkOff(scope, e, objective, ProgressFeature.DONE));
  }

  /** "Mark objective N done" from a nudge: only for the stage the nudge was about. */
  public Reply markDone(Scope scope, int shownStage, int objective) {
    return withEnrollment(
        scope,
        e -> {
          if (e.graduated() || shownStage != e.stage()) {
            return Reply.text(
                Text.of(
                        "That button was for stage "
                            + shownStage
                            + "; you are on stage "
                            + e.stage()
                            + " now. ")
                    .code(ProgressFeature.STATUS.hint())
                    .plain(" shows where you are."));
          }
          return checkOff(scope, e, String.valueOf(objective), ProgressFeature.DONE);
        });
  }

  public Reply undo(Scope scope, String objective) {
    return withEnrollment(scope, e -> checkOff(scope, e, objective, ProgressFeature.UNDO));
  }

  /** Checks an objective off ({@code done}) or takes it back ({@code undo}). */
  private Reply checkOff(Scope scope, Enrollment e, String typed, Words verb) {
    if (e.graduated()) {
      return Reply.text("🎓 You have finished the roadmap: there is nothing left to check off.");
    }
    Stage stage = roadmap(scope).stage(e.stage());
    OptionalInt number = parseObjective(typed);
    if (number.isEmpty() || !stage.hasObjective(number.getAsInt())) {
      return replies(scope).notAnObjective(typed, stage, verb);
    }
    int n = number.getAsInt();
    if (verb.equals(ProgressFeature.DONE)) {
      if (!enrollments.markDone(e, stage.number(), stage.objectiveAt(n), scope.now())) {
        return Reply.text(
            "Objective " + n + " of stage " + stage.number() + " is already checked off.");
      }
      Enrollment after =
          ledger.record(
              change(
                  e,
                  scope.member(),
                  scope.home(),
                  EventKind.OBJECTIVE_DONE,
                  stage.number(),
                  n,
                  Points.OBJECTIVE,
                  scope));
      Set<Integer> done = enrollments.objectivesDone(after);
      return replies(scope).checkedOff(stage, n, done, quizDone(after, stage.number()), after);
    }
    if (!enrollments.unmark(e, stage.number(), n)) {
      return Reply.text(
          "Objective "
              + n
              + " of stage "
              + stage.number()
              + " is not checked off, so there is nothing to undo.");
    }
    ledger.record(
        change(
            e,
            scope.member(),
            scope.home(),
            EventKind.OBJECTIVE_UNDONE,
            stage.number(),
            n,
            -Points.OBJECTIVE,
            scope));
    return Reply.text(
        Text.of("↩️ Objective " + n + " of stage " + stage.number() + " is open again (")
            .plain("-" + Points.OBJECTIVE + " points): " + stage.objective(n)));
  }

  private static OptionalInt parseObjective(String typed) {
    try {
      return OptionalInt.of(Integer.parseInt(typed.strip()));
    } catch (NumberFormatException e) {
      return OptionalInt.empty();
    }
  }

  public Reply next(Scope scope) {
    return withEnrollment(scope, e -> advance(scope, e));
  }

  /** The "Move on" button: advances like {@code next}, but only from the stage it was shown for. */
  public Reply moveOn(Scope scope, int shownStage) {
    return withEnrollment(
        scope,
        e -> {
          if (e.graduated() || shownStage != e.stage()) {
            return replies(scope).staleMoveOn(shownStage, e);
          }
          return advance(scope, e);
        });
  }

  /**
   * The stage's quiz is passed, or there is none: a roadmap without questions moves on by its
   * objectives alone.
   */
  private boolean quizDone(Enrollment e, int stage) {
    return quizzes.hasPassed(e, stage) || !library.hasQuiz(e.roadmapId());
  }

  private Reply advance(Scope scope, Enrollment e) {
    if (e.graduated()) {
      return Reply.text(
          "🎓 You have already finished all " + roadmap(scope).stageCount() + " stages.");
    }
    Stage stage = roadmap(scope).stage(e.stage());
    Set<Integer> done = enrollments.objectivesDone(e);
    boolean quizPassed = quizDone(e, stage.number());
    if (done.size() < stage.objectiveCount() || !quizPassed) {
      return replies(scope).notReady(stage, done, quizPassed);
    }
    int points = enrollments.finishedBefore(e, stage.number()) ? 0 : Points.STAGE_FINISHED;
    ledger.record(
        change(
            e,
            scope.member(),
            scope.home(),
            EventKind.STAGE_FINISHED,
            stage.number(),
            null,
            points,
            scope));
    announce(scope, stage);
    if (stage.number() == roadmap(scope).stageCount()) {
      enrollments.setStage(e, stage.number(), Optional.of(scope.now()));
      // nudges stop after graduation unless the member asks for them again
      members.setRemindEnabled(scope.member().id(), false);
      return replies(scope).graduated(points);
    }
    enrollments.setStage(e, stage.number() + 1, Optional.empty());
    Stage next = roadmap(scope).stage(stage.number() + 1);
    return replies(scope)
        .advanced(
            stage,
            next,
            points,
            enrollments.objectivesDone(e.memberId(), e.roadmapId(), next.number()));
  }

  /**
   * A stage finished, or the roadmap, is news in each of the member's channels at once, unless the
   * member keeps off the boards.
   */
  private void announce(Scope scope, Stage finished) {
    Member member = scope.member();
    if (member.hiddenFromLeaderboard()) {
      return;
    }
    String text =
        finished.number() == roadmap(scope).stageCount()
            ? "🎓 "
                + member.displayName()
                + " has finished the whole "
                + roadmap(scope).title()
                + " roadmap(scope). Congratulations!"
            : "🎉 "
                + member.displayName()
                + " finished stage "
                + finished.number()
                + ": "
                + finished.title()
                + ", and moves on to stage "
                + (finished.number() + 1)
                + ".";
    for (Channel channel : memberships.channelsOf(member.id())) {
      if (channel.roadmapId() != scope.channel().roadmapId()) {
        continue; // news of another roadmap's journey
      }
      outbox
          .by(member.id())
          .channelNotice(
              channel.workspaceId(),
              channel.id(),
              scope.now().atZone(channel.zoneOrUtc()).toLocalDate(),
              text,
              scope.now());
    }
  }

  /** What a lead's set-stage did: whether the member moved, and the answer to the lead. */
  public record StageSet(boolean moved, Reply reply) {}

  /** A lead puts a member on a stage; the ledger records who did it. */
  public StageSet setStage(Scope scope, Member target, int stageNumber) {
    Optional<Enrollment> enrollment = journey(scope, target.id());
    // a lead may name themself: the answer then speaks to them
    boolean self = target.id() == scope.member().id();
    if (enrollment.isEmpty()) {
      return new StageSet(
          false,
          Reply.text(
              self
                  ? "You have not started the roadmap yet; you can with "
                      + ProgressFeature.START.hint()
                      + "."
                  : target.displayName()
                      + " has not started the roadmap yet; they can with "
                      + ProgressFeature.START.hint()
                      + "."));
    }
    Enrollment e = enrollment.get();
    if (e.stage() == stageNumber && !e.graduated()) {
      return new StageSet(
          false,
          Reply.text(
              (self ? "You are" : target.displayName() + " is")
                  + " already on stage "
                  + stageNumber
                  + "."));
    }
    enrollments.setStage(e, stageNumber, Optional.empty());
    Channel home = members.homeOf(target.id(), scope.channel());
    ledger.record(
        new ProgressLedger.Change(
            e,
            target,
            home,
            EventKind.STAGE_SET,
            stageNumber,
            Optional.empty(),
            0,
            Optional.of(scope.member().id()),
            scope.now()));
    String where = "stage " + stageNumber + ": " + roadmap(scope).stage(stageNumber).title() + ".";
    return new StageSet(
        true,
        Reply.text(
            self
                ? Text.of("You are now on " + where)
                : Text.empty()
                    .bold(target.displayName())
                    .plain(" is now on " + where + " They will be told.")));
  }

  private static ProgressLedger.Change change(
      Enrollment e,
      Member member,
      Channel home,
      EventKind kind,
      int stage,
      Integer objective,
      int points,
      Scope scope) {
    return new ProgressLedger.Change(
        e,
        member,
        home,
        kind,
        stage,
        Optional.ofNullable(objective),
        points,
        Optional.empty(),
        scope.now());
  }
}
