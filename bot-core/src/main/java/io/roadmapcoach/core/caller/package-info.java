/**
 * Who is calling and from where: the caller, the platform, a channel or a direct message, and a
 * member named in a command. Vocabulary: uses nothing of the core.
 */
package io.roadmapcoach.core.caller;
