package io.roadmapcoach.core.reply;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Formatted text: a list of spans. Built fluently: {@code Text.of("Try ").code("/roadmap")}. */
public record Text(List<Span> spans) {

  public Text {
    spans = List.copyOf(spans);
  }

  public static Text of(String plain) {
    return new Text(List.of(new Span.Plain(plain)));
  }

  public static Text empty() {
    return new Text(List.of());
  }

  public Text plain(String text) {
    return with(new Span.Plain(text));
  }

  public Text bold(String text) {
    return with(new Span.Bold(text));
  }

  public Text italic(String text) {
    return with(new Span.Italic(text));
  }

  public Text code(String text) {
    return with(new Span.Code(text));
  }

  public Text link(String text, String url) {
    return with(new Span.Link(text, url));
  }

  public Text mention(String name, String memberExternalId) {
    return with(new Span.Mention(name, memberExternalId));
  }

  public Text append(Text other) {
    List<Span> all = new ArrayList<>(spans);
    all.addAll(other.spans);
    return new Text(all);
  }

  private Text with(Span span) {
    List<Span> all = new ArrayList<>(spans);
    all.add(span);
    return new Text(all);
  }

  /** The words without formatting: for logs, tests and plain-text platforms. */
  public String plainText() {
    return spans.stream().map(Span::text).collect(Collectors.joining());
  }

  public boolean isEmpty() {
    return spans.stream().allMatch(s -> s.text().isEmpty());
  }
}
