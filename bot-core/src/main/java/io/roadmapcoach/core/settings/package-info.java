/** A member's own settings: when and how the daily nudge comes, their time zone, a snooze. */
package io.roadmapcoach.core.settings;
