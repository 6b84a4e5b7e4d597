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
}
