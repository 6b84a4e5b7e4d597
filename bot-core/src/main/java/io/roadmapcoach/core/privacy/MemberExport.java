package io.roadmapcoach.core.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.roadmapcoach.core.member.PersonalData;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * A member's export as JSON: who and where first, then one section per kind of record, each written
 * by the part that keeps it (in the parts' order), each row with its columns under their own names,
 * times in UTC (ISO 8601).
 */
final class MemberExport {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final List<PersonalData> parts;

  MemberExport(List<PersonalData> parts) {
    this.parts = List.copyOf(parts);
  }

  byte[] write(PersonalData.Subject who, Instant now) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put(
        "about",
        "Everything Roadmap Coach keeps about you in this workspace. Times are UTC."
            + " "
            + PrivacyFeature.FORGET_ME.hint()
            + " erases it.");
    root.put("exported_at", now.toString());
    root.put("platform", who.platform());
    ObjectNode workspace = root.putObject("workspace");
    workspace.put("id", who.workspaceExternalId());
    workspace.put("name", who.workspaceName());
    for (PersonalData part : parts) {
      part.export(who, root);
    }
    try {
      return JSON.writeValueAsString(root).getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an export could not be written", e);
    }
  }
}
