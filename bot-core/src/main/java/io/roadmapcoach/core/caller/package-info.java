/**
 * Who is calling and from where: the caller, the platform, a channel or a direct message, and a
 * member named in a command.
 */
package io.roadmapcoach.core.caller;
