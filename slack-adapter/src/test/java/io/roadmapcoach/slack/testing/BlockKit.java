package io.roadmapcoach.slack.testing;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * Reading the Block Kit messages the adapter answers with, for the end-to-end tests' assertions.
 */
public final class BlockKit {
  private BlockKit() {}

  public static JsonObject json(HttpResponse<String> response) {
    return JsonParser.parseString(response.body()).getAsJsonObject();
  }

  public static List<JsonObject> blocks(JsonObject message) {
    List<JsonObject> out = new ArrayList<>();
    for (JsonElement block : message.getAsJsonArray("blocks")) {
      out.add(block.getAsJsonObject());
    }
    return out;
  }

  public static String allText(JsonObject message) {
    return String.join("\n", FakeSlack.texts(message.getAsJsonArray("blocks")));
  }

  /** The text of the message's header block; empty without one. */
  public static String header(JsonObject message) {
    return blocks(message).stream()
        .filter(b -> b.get("type").getAsString().equals("header"))
        .findFirst()
        .map(b -> b.getAsJsonObject("text").get("text").getAsString())
        .orElse("");
  }
}
