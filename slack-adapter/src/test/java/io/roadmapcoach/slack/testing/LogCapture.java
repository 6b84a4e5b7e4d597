package io.roadmapcoach.slack.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Everything the app and the Slack SDK log, at DEBUG, kept off the console while it is open: for
 * tests that no secret is ever written to a log. Closing puts the console and the levels back.
 */
public final class LogCapture implements AutoCloseable {
  private final Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
  private final Logger ours = (Logger) LoggerFactory.getLogger("io.roadmapcoach");
  private final Logger sdk = (Logger) LoggerFactory.getLogger("com.slack.api");
  private final Level oursLevel = ours.getLevel();
  private final Level sdkLevel = sdk.getLevel();
  private final Appender<ILoggingEvent> console = root.getAppender("STDERR");
  private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

  public LogCapture() {
    lines.start();
    root.addAppender(lines);
    if (console != null) {
      root.detachAppender(console);
    }
    ours.setLevel(Level.DEBUG);
    sdk.setLevel(Level.DEBUG);
  }

  /** Each line logged so far, with the stack trace it carried. */
  public List<String> lines() {
    return lines(Level.ALL);
  }

  /** Each line logged so far at {@code least} or above, with the stack trace it carried. */
  public List<String> lines(Level least) {
    return lines.list.stream()
        .filter(event -> event.getLevel().isGreaterOrEqual(least))
        .map(
            event ->
                event.getFormattedMessage()
                    + (event.getThrowableProxy() == null
                        ? ""
                        : ThrowableProxyUtil.asString(event.getThrowableProxy())))
        .toList();
  }

  @Override
  public void close() {
    root.detachAppender(lines);
    if (console != null) {
      root.addAppender(console);
    }
    ours.setLevel(oursLevel);
    sdk.setLevel(sdkLevel);
  }
}
