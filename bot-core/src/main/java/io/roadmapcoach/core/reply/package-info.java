/**
 * Platform-neutral replies: blocks, formatted text as spans, buttons, visibility, attachments, and
 * the one wording of an apology.
 */
package io.roadmapcoach.core.reply;
