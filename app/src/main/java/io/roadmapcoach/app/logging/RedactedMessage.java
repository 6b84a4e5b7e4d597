package io.roadmapcoach.app.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * {@code %redactedMessage}: the log message with the run's {@link KnownSecrets} and any password,
 * token or secret in it masked, a last guard for the plain log lines behind the care taken where
 * messages are written.
 */
public final class RedactedMessage extends MessageConverter {
  @Override
  public String convert(ILoggingEvent event) {
    return KnownSecrets.forLogs(getContext()).apply(super.convert(event));
  }
}
