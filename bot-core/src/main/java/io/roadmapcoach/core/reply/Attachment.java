package io.roadmapcoach.core.reply;

/** A file that goes with a reply, such as the team CSV. */
public record Attachment(String fileName, String mediaType, String content) {}
