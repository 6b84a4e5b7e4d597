package io.roadmapcoach.slack;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.slack.api.app_backend.slash_commands.SlashCommandPayloadDetector;
import com.slack.api.app_backend.ssl_check.SSLCheckPayloadDetector;
import com.slack.api.app_backend.util.JsonPayloadExtractor;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which bodies Bolt's request parser recognises, asked with Bolt's own detectors before it sees
 * them: for a body it does not recognise, the parser logs the whole body at WARN, and a signed body
 * carries what members typed and their ids. The bridge says the kind instead (a payload type, never
 * a value) and answers as Bolt would have, 404.
 */
final class BoltRequests {
  private BoltRequests() {}

  /** The JSON payload types Bolt 1.51's {@code SlackRequestParser} turns into requests. */
  private static final Set<String> PAYLOAD_TYPES =
      Set.of(
          "interactive_message",
          "block_actions",
          "block_suggestion",
          "shortcut",
          "message_action",
          "event_callback",
          "url_verification",
          "dialog_cancellation",
          "dialog_submission",
          "dialog_suggestion",
          "view_submission",
          "view_closed",
          "workflow_step_edit");

  /** A payload type as Slack writes them; anything else is not repeated in a log line. */
  private static final Pattern TYPE_NAME = Pattern.compile("[a-z0-9_.:-]{1,64}");

  private static final JsonPayloadExtractor JSON = new JsonPayloadExtractor();
  private static final SlashCommandPayloadDetector COMMANDS = new SlashCommandPayloadDetector();
  private static final SSLCheckPayloadDetector SSL_CHECKS = new SSLCheckPayloadDetector();

  /**
   * What kind of body this is, when it is one Bolt would not recognise; empty for one it would (and
   * for one it cannot read at all: its parser then fails, and says only the exception).
   */
  static Optional<String> unrecognised(String body) {
    try {
      // the payload of an interaction, or an Events API body of a type Bolt knows
      String json = JSON.extractIfExists(body);
      if (json != null) {
        String type = typeOf(json);
        return type == null || PAYLOAD_TYPES.contains(type)
            ? Optional.empty() // known, or without a type: Bolt ignores it without a word
            : Optional.of("payload type " + named(type));
      }
      if (COMMANDS.isCommand(body) || SSL_CHECKS.isSSLCheckRequest(body)) {
        return Optional.empty();
      }
      String trimmed = body.strip();
      if (trimmed.startsWith("{")) {
        String type = typeOf(trimmed);
        return Optional.of(
            "a JSON body of " + (type == null ? "no payload type" : "payload type " + named(type)));
      }
      return Optional.of("a form body that is no command");
    } catch (RuntimeException unreadable) {
      return Optional.empty();
    }
  }

  /** The JSON object's {@code type}, or null when it has none. */
  private static String typeOf(String json) {
    JsonElement type = JsonParser.parseString(json).getAsJsonObject().get("type");
    return type == null || !type.isJsonPrimitive() ? null : type.getAsString();
  }

  private static String named(String type) {
    return TYPE_NAME.matcher(type).matches() ? type : "(not a type name)";
  }
}
