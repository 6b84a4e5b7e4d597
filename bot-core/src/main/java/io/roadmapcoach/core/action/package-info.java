/**
 * Buttons as actions: what a pressed button asks for, the codec that writes and reads action ids,
 * and the buttons several features show. Vocabulary: uses only {@code reply}.
 */
package io.roadmapcoach.core.action;
