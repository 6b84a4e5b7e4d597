package io.roadmapcoach.app.http;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says that requests were refused as malformed in one line, at most once an interval, with how many
 * there were since the line before: anyone can send them, so they must not fill the log. No stack
 * trace, no query (it may carry a code or a state), and the path made printable.
 */
final class RefusalLog {
  static final Duration INTERVAL = Duration.ofMinutes(1);
  private static final Logger log = LoggerFactory.getLogger(RefusalLog.class);
  private static final int PATH_SHOWN = 80;

  private final long intervalNanos;
  private final AtomicLong lastSaid;
  private final AtomicLong unsaid = new AtomicLong();

  RefusalLog(Duration interval) {
    this.intervalNanos = interval.toNanos();
    this.lastSaid = new AtomicLong(System.nanoTime() - intervalNanos - 1);
  }

  /** A request was answered 400 because its path or query is not well encoded. */
  void malformed(String method, String rawPath) {
    long count = unsaid.incrementAndGet();
    long now = System.nanoTime();
    long last = lastSaid.get();
    if (now - last > intervalNanos && lastSaid.compareAndSet(last, now)) {
      unsaid.addAndGet(-count);
      log.warn(
          "Refused {} with a malformed percent-encoding in its address (400), the latest {} {};"
              + " such requests are told at most once a minute",
          count == 1 ? "a request" : count + " requests",
          printable(method, 10),
          printable(rawPath, PATH_SHOWN));
    }
  }

  /** Control characters (a forged line break) and anything past {@code max} characters left out. */
  static String printable(String text, int max) {
    if (text == null) {
      return "";
    }
    StringBuilder shown = new StringBuilder();
    text.codePoints()
        .limit(max)
        .forEach(c -> shown.appendCodePoint(Character.isISOControl(c) ? '?' : c));
    return text.codePointCount(0, text.length()) > max ? shown + "…" : shown.toString();
  }
}
