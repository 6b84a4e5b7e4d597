package io.roadmapcoach.app.logging;

import ch.qos.logback.core.spi.ContextAwareBase;
import net.logstash.logback.mask.ValueMasker;
import tools.jackson.core.TokenStreamContext;

/**
 * The JSON log lines' guard: any string value (the message, a stack trace, an argument) that
 * carries one of the run's {@link KnownSecrets}, a password, token or secret is written with it
 * masked. Logback hands it its context as it builds it.
 */
public final class RedactingValueMasker extends ContextAwareBase implements ValueMasker {
  @Override
  public Object mask(TokenStreamContext context, Object value) {
    if (value instanceof CharSequence text) {
      String original = text.toString();
      String redacted = KnownSecrets.forLogs(getContext()).apply(original);
      return redacted.equals(original) ? null : redacted;
    }
    return null;
  }
}
