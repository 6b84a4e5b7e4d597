/**
 * Workspaces, channels and members: found or created from what the platform says (a direct message
 * maps to the member's home channel), their settings and lead roles; and the {@link
 * io.roadmapcoach.core.member.PersonalData} port by which each package that keeps members' rows
 * gives them to {@code export} and {@code forget-me}.
 */
package io.roadmapcoach.core.member;
