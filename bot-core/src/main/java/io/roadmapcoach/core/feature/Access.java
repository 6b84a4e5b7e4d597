package io.roadmapcoach.core.feature;

/** Who may run a command: every member, or only a channel's leads (and workspace admins). */
public enum Access {
  MEMBER,
  LEAD
}
