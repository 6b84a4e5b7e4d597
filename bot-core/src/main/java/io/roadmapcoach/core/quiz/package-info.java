/**
 * Quizzes: the bank (read with its roadmap file by {@link io.roadmapcoach.core.quiz.RoadmapCheck}),
 * Leitner draws, attempts and answers, and each channel's weekly quiz with its invitations.
 */
package io.roadmapcoach.core.quiz;
