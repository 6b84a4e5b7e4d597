package io.roadmapcoach.core;

import io.roadmapcoach.core.command.Coach;
import io.roadmapcoach.core.lead.LeadRepository;
import io.roadmapcoach.core.lead.LeadService;
import io.roadmapcoach.core.lead.TeamRepository;
import io.roadmapcoach.core.leaderboard.LeaderboardRepository;
import io.roadmapcoach.core.leaderboard.LeaderboardService;
import io.roadmapcoach.core.member.MemberRepository;
import io.roadmapcoach.core.member.SettingsService;
import io.roadmapcoach.core.progress.EnrollmentRepository;
import io.roadmapcoach.core.progress.ProgressLedger;
import io.roadmapcoach.core.progress.ProgressService;
import io.roadmapcoach.core.quiz.QuizBank;
import io.roadmapcoach.core.quiz.QuizRepository;
import io.roadmapcoach.core.quiz.QuizService;
import io.roadmapcoach.core.roadmap.Roadmap;
import io.roadmapcoach.core.schedule.OutboxRepository;
import io.roadmapcoach.core.schedule.QuizSchedule;
import io.roadmapcoach.core.tx.Transactions;
import java.time.Clock;
import java.util.random.RandomGenerator;
import org.jooq.DSLContext;

/**
 * The core's parts, built by hand from what the app passes in (database, roadmap, clock, random
 * source). No container: this is the one place the core's constructors are called, shared by the
 * app's wiring and the tests so both run the same object graph.
 */
public record CoreServices(
    Roadmap roadmap,
    QuizBank bank,
    Clock clock,
    Transactions transactions,
    MemberRepository members,
    EnrollmentRepository enrollments,
    QuizRepository quizzes,
    LeadRepository leads,
    OutboxRepository outbox,
    ProgressLedger ledger,
    ProgressService progress,
    QuizService quizService,
    Coach coach) {

  public static CoreServices create(
      DSLContext dsl,
      Roadmap roadmap,
      QuizBank bank,
      Clock clock,
      RandomGenerator random,
      QuizSchedule quizSchedule) {
    Transactions transactions = new Transactions(dsl);
    MemberRepository members = new MemberRepository(dsl);
    EnrollmentRepository enrollments = new EnrollmentRepository(dsl);
    QuizRepository quizzes = new QuizRepository(dsl);
    LeadRepository leads = new LeadRepository(dsl);
    OutboxRepository outbox = new OutboxRepository(dsl);
    ProgressLedger ledger = new ProgressLedger(dsl);
    ProgressService progress =
        new ProgressService(roadmap, enrollments, members, leads, quizzes, ledger);
    QuizService quizService =
        new QuizService(roadmap, bank, quizzes, enrollments, members, ledger, random);
    LeadService leadService =
        new LeadService(
            roadmap, leads, members, new TeamRepository(dsl), progress, outbox, quizSchedule);
    Coach.Services services =
        new Coach.Services(
            progress,
            new SettingsService(members),
            quizService,
            new LeaderboardService(roadmap, new LeaderboardRepository(dsl)),
            leadService);
    Coach coach = new Coach(roadmap, transactions, members, services, quizSchedule, clock);
    return new CoreServices(
        roadmap,
        bank,
        clock,
        transactions,
        members,
        enrollments,
        quizzes,
        leads,
        outbox,
        ledger,
        progress,
        quizService,
        coach);
  }
}
