/**
 * Quizzes: the bank, Leitner draws, attempts and answers, and each channel's weekly quiz with its
 * invitations.
 */
package io.roadmapcoach.core.quiz;
