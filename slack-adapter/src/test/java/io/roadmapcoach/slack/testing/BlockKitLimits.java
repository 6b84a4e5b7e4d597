package io.roadmapcoach.slack.testing;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.util.json.GsonFactory;
import io.roadmapcoach.core.testing.Utf16;
import java.util.ArrayList;
import java.util.List;

/**
 * Slack's published Block Kit limits, checked the way Slack checks them: lengths in UTF-16 code
 * units (JavaScript string length). Each limit names its source. {@link FakeSlack} refuses what
 * this finds, with the error Slack answers; the contract tests call it on every rendered payload.
 */
public final class BlockKitLimits {
  /** Blocks in a message (docs.slack.dev/reference/block-kit/blocks: "up to 50 blocks"). */
  public static final int MESSAGE_BLOCKS = 50;

  /** Blocks in a Home tab view (same page: "up to 100 blocks" in modals and Home tabs). */
  public static final int HOME_BLOCKS = 100;

  /** A section's text (reference/block-kit/blocks/section-block: max 3000 characters). */
  public static final int SECTION_TEXT = 3000;

  /** A section's fields (same page: max 10 items, each max 2000 characters). */
  public static final int SECTION_FIELDS = 10;

  public static final int FIELD_TEXT = 2000;

  /** A header's plain text (reference/block-kit/blocks/header-block: max 150 characters). */
  public static final int HEADER_TEXT = 150;

  /** A context block's elements (reference/block-kit/blocks/context-block: max 10). */
  public static final int CONTEXT_ELEMENTS = 10;

  /** An actions block's elements (reference/block-kit/blocks/actions-block: max 25). */
  public static final int ACTIONS_ELEMENTS = 25;

  /** A button's text (reference/block-kit/block-elements/button-element: max 75 characters). */
  public static final int BUTTON_TEXT = 75;

  /** action_id (button element reference: max 255) and block_id (every block: max 255). */
  public static final int ID = 255;

  /** A button's value (button element reference: max 2000 characters). */
  public static final int BUTTON_VALUE = 2000;

  /** chat.postMessage's top-level text (reference/methods/chat.postMessage: 40,000 characters). */
  public static final int MESSAGE_TEXT = 40_000;

  /**
   * The blocks' characters in all: Slack answers {@code msg_blocks_too_long} at about 12,000
   * (undocumented; Slack staff in slackapi/bolt-js#2509 and #2867). The renderer budgets 11,000.
   */
  public static final int MESSAGE_BLOCKS_TOTAL = 12_000;

  /** A view's blocks (a modal or the Home tab). */
  public static final int VIEW_BLOCKS = 100;

  /** A modal's title, and its submit and close buttons. */
  public static final int MODAL_TITLE = 24;

  /** A view's {@code private_metadata}. */
  public static final int PRIVATE_METADATA = 3000;

  /** An input block's label. */
  public static final int INPUT_LABEL = 2000;

  /** The most files a file input may take. */
  public static final int MAX_FILES = 10;

  private BlockKitLimits() {}

  /** What Slack would answer to these blocks: {@code ok}, {@code invalid_blocks}, or too long. */
  public record Verdict(String error, List<String> problems) {
    public boolean ok() {
      return error == null;
    }
  }

  public static Verdict message(List<LayoutBlock> blocks) {
    return message(toJson(blocks), "");
  }

  public static Verdict home(List<LayoutBlock> blocks) {
    return check(toJson(blocks), HOME_BLOCKS, "", false);
  }

  /**
   * What {@code views.open} (or {@code views.publish}) would answer to this view: a modal has a
   * title of at most 24 characters (its submit and close buttons too), a callback_id of at most 255
   * and {@code private_metadata} of at most 3000; any view at most 100 blocks; input blocks (and so
   * a {@code file_input}, whose {@code filetypes} are non-empty strings and {@code max_files} 1 to
   * 10) only in a modal. Slack answers {@code invalid_arguments}.
   */
  public static Verdict view(JsonObject view) {
    List<String> problems = new ArrayList<>();
    String type = string(view, "type");
    boolean modal = type.equals("modal");
    if (!modal && !type.equals("home")) {
      problems.add("view type " + type);
    }
    if (modal) {
      int title = textOf(view.get("title"));
      if (title == 0) {
        problems.add("a modal without a title");
      }
      over(problems, "title", title, MODAL_TITLE);
      over(problems, "submit", textOf(view.get("submit")), MODAL_TITLE);
      over(problems, "close", textOf(view.get("close")), MODAL_TITLE);
    }
    over(problems, "callback_id", string(view, "callback_id").length(), ID);
    over(problems, "private_metadata", string(view, "private_metadata").length(), PRIVATE_METADATA);
    Verdict blocks = check(array(view, "blocks"), VIEW_BLOCKS, "", modal);
    problems.addAll(blocks.problems());
    return problems.isEmpty()
        ? new Verdict(null, problems)
        : new Verdict("invalid_arguments", problems);
  }

  public static JsonArray toJson(List<LayoutBlock> blocks) {
    return GsonFactory.createSnakeCase().toJsonTree(blocks).getAsJsonArray();
  }

  /** A message's blocks and its top-level text. */
  public static Verdict message(JsonArray blocks, String text) {
    return check(blocks, MESSAGE_BLOCKS, text == null ? "" : text, false);
  }

  private static Verdict check(JsonArray blocks, int maxBlocks, String text, boolean inModal) {
    List<String> problems = new ArrayList<>();
    if (blocks == null) {
      return new Verdict(null, problems);
    }
    if (blocks.size() > maxBlocks) {
      problems.add(blocks.size() + " blocks, more than " + maxBlocks);
    }
    if (text.length() > MESSAGE_TEXT) {
      problems.add("text of " + text.length() + ", more than " + MESSAGE_TEXT);
    }
    int total = 0;
    for (JsonElement element : blocks) {
      JsonObject block = element.getAsJsonObject();
      String type = string(block, "type");
      String where = type + " block #" + (problems.size() + 1);
      if (string(block, "block_id").length() > ID) {
        problems.add(where + ": block_id over " + ID);
      }
      switch (type) {
        case "section" -> {
          int length = textOf(block.get("text"));
          total += length;
          over(problems, where + " text", length, SECTION_TEXT);
          JsonArray fields = array(block, "fields");
          over(problems, where + " fields", fields.size(), SECTION_FIELDS);
          for (JsonElement field : fields) {
            int f = textOf(field);
            total += f;
            over(problems, where + " field", f, FIELD_TEXT);
          }
          if (length == 0 && fields.isEmpty()) {
            problems.add(where + ": neither text nor fields");
          }
        }
        case "header" -> {
          int length = textOf(block.get("text"));
          total += length;
          over(problems, where + " text", length, HEADER_TEXT);
        }
        case "context" -> {
          JsonArray elements = array(block, "elements");
          over(problems, where + " elements", elements.size(), CONTEXT_ELEMENTS);
          for (JsonElement e : elements) {
            total += textOf(e);
          }
        }
        case "actions" -> {
          JsonArray elements = array(block, "elements");
          over(problems, where + " elements", elements.size(), ACTIONS_ELEMENTS);
          for (JsonElement e : elements) {
            JsonObject button = e.getAsJsonObject();
            int label = textOf(button.get("text"));
            total += label;
            over(problems, where + " button text", label, BUTTON_TEXT);
            over(problems, where + " action_id", string(button, "action_id").length(), ID);
            over(problems, where + " value", string(button, "value").length(), BUTTON_VALUE);
          }
        }
        case "input" -> {
          if (!inModal) {
            problems.add(where + ": input blocks only in modals");
          }
          over(problems, where + " label", textOf(block.get("label")), INPUT_LABEL);
          if (textOf(block.get("label")) == 0) {
            problems.add(where + ": no label");
          }
          JsonElement input = block.get("element");
          if (input == null || !input.isJsonObject()) {
            problems.add(where + ": no element");
          } else {
            fileInput(problems, where, input.getAsJsonObject());
          }
        }
        case "divider", "image" -> {}
        default -> problems.add(where + ": unknown block type");
      }
    }
    for (String string : FakeSlack.texts(blocks)) {
      if (!Utf16.wellFormed(string)) {
        problems.add("a lone surrogate (invalid UTF-8 on the wire) in: " + string);
      }
    }
    if (!problems.isEmpty()) {
      return new Verdict("invalid_blocks", problems);
    }
    if (maxBlocks == MESSAGE_BLOCKS && total > MESSAGE_BLOCKS_TOTAL) {
      return new Verdict(
          "msg_blocks_too_long", List.of(total + " characters across the message's blocks"));
    }
    return new Verdict(null, problems);
  }

  /** A file input's file types and its most files. */
  private static void fileInput(List<String> problems, String where, JsonObject element) {
    if (!string(element, "type").equals("file_input")) {
      problems.add(where + ": element " + string(element, "type"));
      return;
    }
    over(problems, where + " action_id", string(element, "action_id").length(), ID);
    JsonElement types = element.get("filetypes");
    if (types != null) {
      if (!types.isJsonArray() || types.getAsJsonArray().isEmpty()) {
        problems.add(where + ": filetypes not a list of file types");
      } else {
        for (JsonElement t : types.getAsJsonArray()) {
          if (!t.isJsonPrimitive() || t.getAsString().isBlank() || t.getAsString().contains(".")) {
            problems.add(where + ": file type " + t);
          }
        }
      }
    }
    JsonElement maxFiles = element.get("max_files");
    if (maxFiles != null) {
      int most = maxFiles.isJsonPrimitive() ? maxFiles.getAsInt() : 0;
      if (most < 1 || most > MAX_FILES) {
        problems.add(where + ": max_files " + maxFiles + ", not 1 to " + MAX_FILES);
      }
    }
  }

  private static void over(List<String> problems, String what, int value, int max) {
    if (value > max) {
      problems.add(what + ": " + value + ", more than " + max);
    }
  }

  /** A text object's length in UTF-16 code units; 0 for anything else. */
  private static int textOf(JsonElement element) {
    if (element == null || !element.isJsonObject()) {
      return 0;
    }
    return string(element.getAsJsonObject(), "text").length();
  }

  private static String string(JsonObject object, String field) {
    JsonElement e = object.get(field);
    return e == null || !e.isJsonPrimitive() ? "" : e.getAsString();
  }

  private static JsonArray array(JsonObject object, String field) {
    JsonElement e = object.get(field);
    return e == null || !e.isJsonArray() ? new JsonArray() : e.getAsJsonArray();
  }
}
