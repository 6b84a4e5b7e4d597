package io.roadmapcoach.app.logging;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.IThrowableProxy;

/** {@code %redactedException}: a stack trace whose messages carry no password, token or secret. */
public final class RedactedThrowable extends ThrowableProxyConverter {
  @Override
  protected String throwableProxyToString(IThrowableProxy proxy) {
    return KnownSecrets.forLogs(getContext()).apply(super.throwableProxyToString(proxy));
  }
}
