package io.roadmapcoach.core;

import io.roadmapcoach.core.coaching.Coaching;
import io.roadmapcoach.core.coaching.CoachingComposers;
import io.roadmapcoach.core.coaching.CoachingFeature;
import io.roadmapcoach.core.coaching.CoachingRoutines;
import io.roadmapcoach.core.cohort.CohortFeature;
import io.roadmapcoach.core.cohort.CohortService;
import io.roadmapcoach.core.curriculum.CurriculumFeature;
import io.roadmapcoach.core.curriculum.CurriculumService;
import io.roadmapcoach.core.dashboard.DashboardFeature;
import io.roadmapcoach.core.dashboard.DashboardService;
import io.roadmapcoach.core.feature.Feature;
import io.roadmapcoach.core.lead.LeadComposers;
import io.roadmapcoach.core.lead.LeadFeature;
import io.roadmapcoach.core.lead.LeadService;
import io.roadmapcoach.core.leaderboard.LeaderboardFeature;
import io.roadmapcoach.core.leaderboard.LeaderboardService;
import io.roadmapcoach.core.member.Scope;
import io.roadmapcoach.core.post.PostComposers;
import io.roadmapcoach.core.post.PostFeature;
import io.roadmapcoach.core.post.PostService;
import io.roadmapcoach.core.privacy.PrivacyFeature;
import io.roadmapcoach.core.privacy.PrivacyRoutines;
import io.roadmapcoach.core.privacy.PrivacyService;
import io.roadmapcoach.core.progress.ProgressComposers;
import io.roadmapcoach.core.progress.ProgressFeature;
import io.roadmapcoach.core.progress.ProgressRoutines;
import io.roadmapcoach.core.progress.ProgressService;
import io.roadmapcoach.core.quiz.QuizComposers;
import io.roadmapcoach.core.quiz.QuizFeature;
import io.roadmapcoach.core.quiz.QuizRoutines;
import io.roadmapcoach.core.quiz.QuizService;
import io.roadmapcoach.core.settings.SettingsFeature;
import io.roadmapcoach.core.settings.SettingsService;
import java.util.List;

/**
 * The features the coach is made of, listed once. Their commands, in this order after help, are the
 * order of help, of the parser's families and of Discord's registered {@code /roadmap}; a new
 * feature is one more line here.
 */
final class Features {
  private Features() {}

  /** What the features are built on, assembled by {@link Core}. */
  record Services(
      ProgressService progress,
      QuizService quizzes,
      LeaderboardService leaderboards,
      SettingsService settings,
      LeadService leads,
      CohortService cohorts,
      PrivacyService privacy,
      PostService posts,
      DashboardService dashboard,
      Coaching coaching,
      CurriculumService curriculum) {}

  /** What the features run on their own and how they word what they send. */
  record Work(
      ProgressRoutines progressRoutines,
      ProgressComposers progressComposers,
      QuizRoutines quizRoutines,
      QuizComposers quizComposers,
      LeadComposers leadComposers,
      PostComposers postComposers,
      CoachingRoutines coachingRoutines,
      CoachingComposers coachingComposers,
      PrivacyRoutines privacyRoutines) {}

  static List<Feature> all(Services s, Work w) {
    return List.of(
        new ProgressFeature(s.progress(), s.quizzes(), w.progressRoutines(), w.progressComposers()),
        new QuizFeature(s.quizzes(), w.quizRoutines(), w.quizComposers()),
        new LeaderboardFeature(s.leaderboards()),
        new SettingsFeature(s.settings(), settingsHooks(s)),
        new LeadFeature(s.leads(), w.leadComposers()),
        new CohortFeature(s.cohorts(), s.coaching()::afterLeave),
        new PrivacyFeature(s.privacy(), w.privacyRoutines()),
        new PostFeature(s.posts(), w.postComposers()),
        new DashboardFeature(s.dashboard()),
        new CurriculumFeature(s.curriculum()),
        new CoachingFeature(s.coaching(), w.coachingRoutines(), w.coachingComposers()));
  }

  /** A change of settings judges the streak first (progress), and a snooze tells the buddies. */
  private static SettingsFeature.Hooks settingsHooks(Services s) {
    return new SettingsFeature.Hooks() {
      @Override
      public void beforeDaysChange(Scope scope) {
        s.progress().judgeStreakBeforeSettingsChange(scope);
      }

      @Override
      public void afterSnooze(Scope scope) {
        s.coaching().afterSnooze(scope);
      }
    };
  }
}
