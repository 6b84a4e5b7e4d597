package io.roadmapcoach.app.logging;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.Context;
import io.roadmapcoach.db.Redaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * The secrets this run was given in its environment (passwords, tokens, keys, and what the database
 * URL carries), so that every printed line can mask them whole, whatever characters they are made
 * of. The logs learn them through their logback context, where the converters and the JSON masker
 * look them up.
 */
public final class KnownSecrets {
  /** The logback context's key for this run's {@link Redaction}. */
  static final String CONTEXT_KEY = "roadmap.redaction";

  /** The variables whose whole value is a secret. */
  static final List<String> VARIABLES =
      List.of(
          "ROADMAP_DB_PASSWORD",
          "ROADMAP_SECRET_KEY",
          "ROADMAP_SECRET_KEY_PREVIOUS",
          "SLACK_BOT_TOKEN",
          "SLACK_SIGNING_SECRET",
          "SLACK_APP_TOKEN",
          "SLACK_CLIENT_SECRET",
          "DISCORD_BOT_TOKEN");

  private KnownSecrets() {}

  /** A redaction that knows every secret of the environment. */
  public static Redaction in(Map<String, String> env) {
    List<String> secrets = new ArrayList<>();
    for (String variable : VARIABLES) {
      Optional.ofNullable(env.get(variable)).ifPresent(secrets::add);
    }
    secrets.addAll(Redaction.secretsIn(env.get("ROADMAP_DB_URL")));
    return Redaction.knowing(secrets);
  }

  /** Tells the logs (when logback writes them) which secrets to mask. */
  public static void tellLogs(Redaction redaction) {
    ILoggerFactory factory = LoggerFactory.getILoggerFactory();
    if (factory instanceof LoggerContext context) {
      tell(context, redaction);
    }
  }

  /** Tells one logback context (the run's, or a test's own) which secrets to mask. */
  public static void tell(Context context, Redaction redaction) {
    context.putObject(CONTEXT_KEY, redaction);
  }

  /** What the logs mask: the run's known secrets, or the patterns before they were told. */
  static Redaction forLogs(Context context) {
    Object known = context == null ? null : context.getObject(CONTEXT_KEY);
    return known instanceof Redaction redaction ? redaction : Redaction.patterns();
  }
}
