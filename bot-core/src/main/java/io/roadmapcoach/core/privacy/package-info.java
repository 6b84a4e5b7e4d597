/**
 * Each member's data theirs to take or erase: {@code export} (everything kept about them, as one
 * JSON file) and {@code forget-me} (confirmed with a button only they may press; every row about
 * them erased, a channel they led alone handed to its earliest member); and the erasure of a whole
 * workspace's data a retention period after it removed the app. Uses {@code member}, {@code
 * delivery}, {@code quiz} and the vocabulary.
 */
package io.roadmapcoach.core.privacy;
