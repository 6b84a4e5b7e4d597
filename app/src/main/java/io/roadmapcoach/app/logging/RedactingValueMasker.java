package io.roadmapcoach.app.logging;

import io.roadmapcoach.db.Redaction;
import net.logstash.logback.mask.ValueMasker;
import tools.jackson.core.TokenStreamContext;

/**
 * The JSON log lines' guard: any string value (the message, a stack trace, an argument) that
 * carries a password, token or secret is written with it masked.
 */
public final class RedactingValueMasker implements ValueMasker {
  @Override
  public Object mask(TokenStreamContext context, Object value) {
    if (value instanceof CharSequence text) {
      String original = text.toString();
      String redacted = Redaction.redact(original);
      return redacted.equals(original) ? null : redacted;
    }
    return null;
  }
}
