/**
 * Workspaces, channels and members: found or created from what the platform says (a direct message
 * maps to the member's home channel), their settings and lead roles. Uses only the vocabulary.
 */
package io.roadmapcoach.core.member;
