/**
 * Buttons as actions: what a pressed button asks for, the one codec that writes and reads action
 * ids, and the buttons several features show.
 */
package io.roadmapcoach.core.action;
