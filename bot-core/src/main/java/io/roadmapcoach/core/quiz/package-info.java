/**
 * Weekly quizzes: the bank, Leitner draws, attempts and answers, and the quiz invitations. Uses
 * {@code journey}, {@code member}, {@code delivery} and the vocabulary.
 */
package io.roadmapcoach.core.quiz;
