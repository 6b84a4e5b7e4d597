package io.roadmapcoach.core.reply;

/**
 * A run of text with one kind of formatting. Adapters turn spans into their platform's markup
 * (mrkdwn, Discord markdown, plain text), so the core never writes one platform's syntax.
 */
public sealed interface Span {
  String text();

  record Plain(String text) implements Span {}

  record Bold(String text) implements Span {}

  record Italic(String text) implements Span {}

  /** A command or value to type, shown in a fixed-width face. */
  record Code(String text) implements Span {}

  record Link(String text, String url) implements Span {}

  /**
   * A member named so that the platform notifies them: only where they asked for it (the daily
   * post's list of members who chose channel reminders); boards name people without a mention.
   *
   * @param text the member's display name, for platforms without mentions
   * @param memberExternalId the platform's id of the member
   */
  record Mention(String text, String memberExternalId) implements Span {}
}
