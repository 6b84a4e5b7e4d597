package io.roadmapcoach.discord;

import io.roadmapcoach.core.testing.Utf16;
import java.util.ArrayList;
import java.util.List;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;

/**
 * Discord's published limits on a message, checked as Discord checks them: lengths in UTF-16 code
 * units, and no lone surrogate (invalid UTF-8 on the wire). Each limit names its source. {@link
 * FakeDiscord} answers 50035 Invalid Form Body to what this finds; the contract tests call it on
 * every rendered payload.
 */
final class DiscordLimits {
  /** Message content (developers/docs/resources/message#create-message: up to 2000). */
  static final int CONTENT = 2000;

  /** Embeds a message (same page: up to 10 rich embeds). */
  static final int EMBEDS = 10;

  // Embed limits: developers/docs/resources/message#embed-object-embed-limits
  static final int TITLE = 256;
  static final int DESCRIPTION = 4096;
  static final int FIELDS = 25;
  static final int FIELD_NAME = 256;
  static final int FIELD_VALUE = 1024;
  static final int FOOTER = 2048;
  static final int AUTHOR_NAME = 256;

  /** Titles, descriptions, field names and values, footers and authors, all embeds together. */
  static final int EMBEDS_TOTAL = 6000;

  /** Action rows a message (developers/docs/components/reference#action-row: up to 5). */
  static final int ROWS = 5;

  /** Buttons in an action row (same page: up to 5). */
  static final int BUTTONS_PER_ROW = 5;

  /** A button's custom_id (components/reference#button: max 100 characters). */
  static final int CUSTOM_ID = 100;

  /** A button's label (same page: max 80 characters). */
  static final int LABEL = 80;

  private DiscordLimits() {}

  /** The problems Discord would find in a message payload; empty when it fits. */
  static List<String> check(DataObject message) {
    List<String> problems = new ArrayList<>();
    String content = message.getString("content", "");
    over(problems, "content", content.length(), CONTENT);
    wellFormed(problems, "content", content);
    DataArray embeds = message.optArray("embeds").orElse(DataArray.empty());
    over(problems, "embeds", embeds.length(), EMBEDS);
    int total = 0;
    for (int i = 0; i < embeds.length(); i++) {
      DataObject embed = embeds.getObject(i);
      String where = "embed " + i;
      total += text(problems, where + " title", embed.getString("title", ""), TITLE);
      total +=
          text(problems, where + " description", embed.getString("description", ""), DESCRIPTION);
      DataArray fields = embed.optArray("fields").orElse(DataArray.empty());
      over(problems, where + " fields", fields.length(), FIELDS);
      for (int f = 0; f < fields.length(); f++) {
        DataObject field = fields.getObject(f);
        total += text(problems, where + " field name", field.getString("name", ""), FIELD_NAME);
        total += text(problems, where + " field value", field.getString("value", ""), FIELD_VALUE);
        if (field.getString("name", "").isEmpty() || field.getString("value", "").isEmpty()) {
          problems.add(where + " field " + f + ": a name and a value are required");
        }
      }
      total +=
          embed
              .optObject("footer")
              .map(o -> text(problems, where + " footer", o.getString("text", ""), FOOTER))
              .orElse(0);
      total +=
          embed
              .optObject("author")
              .map(o -> text(problems, where + " author", o.getString("name", ""), AUTHOR_NAME))
              .orElse(0);
    }
    over(problems, "embeds in all", total, EMBEDS_TOTAL);
    DataArray rows = message.optArray("components").orElse(DataArray.empty());
    over(problems, "action rows", rows.length(), ROWS);
    for (int r = 0; r < rows.length(); r++) {
      DataArray buttons = rows.getObject(r).optArray("components").orElse(DataArray.empty());
      over(problems, "row " + r + " buttons", buttons.length(), BUTTONS_PER_ROW);
      for (int b = 0; b < buttons.length(); b++) {
        DataObject button = buttons.getObject(b);
        text(problems, "button label", button.getString("label", ""), LABEL);
        over(problems, "custom_id", button.getString("custom_id", "").length(), CUSTOM_ID);
      }
    }
    return problems;
  }

  private static int text(List<String> problems, String what, String value, int max) {
    over(problems, what, value.length(), max);
    wellFormed(problems, what, value);
    return value.length();
  }

  private static void over(List<String> problems, String what, int value, int max) {
    if (value > max) {
      problems.add(what + ": " + value + ", more than " + max);
    }
  }

  private static void wellFormed(List<String> problems, String what, String value) {
    if (!Utf16.wellFormed(value)) {
      problems.add(what + ": a lone surrogate, invalid UTF-8");
    }
  }
}
