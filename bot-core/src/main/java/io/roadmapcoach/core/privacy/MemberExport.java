package io.roadmapcoach.core.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.roadmapcoach.core.quiz.Question;
import io.roadmapcoach.core.quiz.QuizBank;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Record;

/**
 * A member's export as JSON: one section per kind of record, each row with its columns under their
 * own names, times in UTC (ISO 8601). Quiz answers carry the question and the options as the member
 * saw them, so the file reads without the bank.
 */
final class MemberExport {
  /** The tables whose rows about a member the export carries, and the section they are in. */
  static final Map<String, String> SECTIONS_BY_TABLE =
      Map.ofEntries(
          Map.entry("member", "profile"),
          Map.entry("channel_member", "channels"),
          Map.entry("channel_lead", "channels"),
          Map.entry("enrollment", "journey"),
          Map.entry("objective_done", "journey"),
          Map.entry("weekly_points", "weekly_points"),
          Map.entry("progress_event", "progress_events"),
          Map.entry("quiz_attempt", "quiz_attempts"),
          Map.entry("quiz_question", "quiz_attempts"),
          Map.entry("question_box", "question_boxes"),
          Map.entry("outbox", "deliveries"),
          Map.entry("buddy_match", "study_buddies"),
          Map.entry("channel_holiday", "days_off_you_set"),
          Map.entry("installation", "installed_the_app"));

  /** Tables that name members but whose rows are no member's data, and why they are left out. */
  static final Map<String, String> LEFT_OUT =
      Map.of(
          "dashboard_link",
          "a lead's single-use sign-in links, kept only as hashes and for 15 minutes",
          "dashboard_session",
          "a lead's dashboard sessions, kept only as hashes and for 12 hours",
          "sweep_slice",
          "scheduling bookkeeping: which range of member ids a minute's sweep covered");

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final QuizBank bank;

  MemberExport(QuizBank bank) {
    this.bank = bank;
  }

  /** Everything read for one member, as the repository returned it. */
  record Contents(
      PrivacyRepository.Identity who,
      Record profile,
      List<Record> channels,
      List<Record> otherLeadRoles,
      Optional<Record> journey,
      List<Record> objectivesDone,
      List<Record> weeklyPoints,
      List<Record> progressEvents,
      List<Record> quizAttempts,
      List<Record> quizQuestions,
      List<Record> questionBoxes,
      List<Record> deliveries,
      List<Record> buddyWeeks,
      List<Record> holidaysSet,
      Optional<Record> installed) {}

  byte[] write(Contents c, Instant now) {
    ObjectNode root = NODES.objectNode();
    root.put(
        "about",
        "Everything Roadmap Coach keeps about you in this workspace. Times are UTC."
            + " "
            + PrivacyFeature.FORGET_ME.hint()
            + " erases it.");
    root.put("exported_at", now.toString());
    root.put("platform", c.who().platform());
    ObjectNode workspace = root.putObject("workspace");
    workspace.put("id", c.who().workspaceExternalId());
    workspace.put("name", c.who().workspaceName());
    root.set("profile", row(c.profile()));
    ArrayNode channels = rows(c.channels());
    c.otherLeadRoles()
        .forEach(
            r -> {
              ObjectNode role = row(r);
              role.put("member", false);
              role.put("lead", true);
              channels.add(role);
            });
    root.set("channels", channels);
    root.set(
        "journey",
        c.journey()
            .<JsonNode>map(
                j -> {
                  ObjectNode journey = row(j);
                  journey.set("objectives_done", rows(c.objectivesDone()));
                  return journey;
                })
            .orElse(NODES.nullNode()));
    root.set("weekly_points", rows(c.weeklyPoints()));
    root.set("progress_events", rows(c.progressEvents()));
    root.set("quiz_attempts", attempts(c.quizAttempts(), c.quizQuestions()));
    root.set("question_boxes", rows(c.questionBoxes()));
    root.set("deliveries", deliveries(c.deliveries()));
    root.set("study_buddies", rows(c.buddyWeeks()));
    root.set("days_off_you_set", rows(c.holidaysSet()));
    root.set(
        "installed_the_app",
        c.installed().<JsonNode>map(MemberExport::row).orElse(NODES.nullNode()));
    try {
      return JSON.writeValueAsString(root).getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an export could not be written", e);
    }
  }

  private ArrayNode attempts(List<Record> attempts, List<Record> questions) {
    ArrayNode out = NODES.arrayNode();
    for (Record attempt : attempts) {
      Long id = attempt.get("id", Long.class);
      ObjectNode a = row(attempt);
      a.remove("id");
      ArrayNode asked = a.putArray("questions");
      questions.stream()
          .filter(q -> id.equals(q.get("attempt_id", Long.class)))
          .forEach(q -> asked.add(question(q)));
      out.add(a);
    }
    return out;
  }

  /** A drawn question with the words the member saw: the question, the options, their answer. */
  private ObjectNode question(Record q) {
    ObjectNode out = row(q);
    out.remove("attempt_id");
    out.remove("option_order");
    Optional<Question> known = bank.question(q.get("question_id", String.class));
    Integer[] order = q.get("option_order", Integer[].class);
    Integer chosen = q.get("chosen", Integer.class);
    known.ifPresent(
        question -> {
          out.put("question", question.text());
          ArrayNode options = out.putArray("options");
          if (order != null) {
            for (Integer o : order) {
              if (o != null && o >= 0 && o < question.options().size()) {
                options.add(question.options().get(o));
              }
            }
          }
          if (chosen != null && chosen >= 0 && chosen < question.options().size()) {
            out.put("your_answer", question.options().get(chosen));
          }
          out.put("right_answer", question.correctText());
        });
    out.remove("chosen");
    return out;
  }

  /** A delivery with the words stored for it (notices); the others are written when sent. */
  private static ArrayNode deliveries(List<Record> deliveries) {
    ArrayNode out = NODES.arrayNode();
    for (Record d : deliveries) {
      ObjectNode row = row(d);
      JsonNode payload = row.remove("payload");
      if (payload != null && payload.hasNonNull("text")) {
        row.put("text", payload.get("text").asText());
      }
      out.add(row);
    }
    return out;
  }

  private static ArrayNode rows(List<Record> records) {
    ArrayNode out = NODES.arrayNode();
    records.forEach(r -> out.add(row(r)));
    return out;
  }

  /** A row as an object: each column under its name, in the order selected. */
  static ObjectNode row(Record r) {
    ObjectNode out = NODES.objectNode();
    for (Field<?> field : r.fields()) {
      out.set(field.getName(), value(r.get(field)));
    }
    return out;
  }

  private static JsonNode value(Object value) {
    return switch (value) {
      case null -> NODES.nullNode();
      case Boolean b -> NODES.booleanNode(b);
      case Integer i -> NODES.numberNode(i);
      case Long l -> NODES.numberNode(l);
      case OffsetDateTime t -> NODES.textNode(t.withOffsetSameInstant(ZoneOffset.UTC).toString());
      case Temporal t -> NODES.textNode(t.toString());
      case JSONB j -> parse(j.data());
      case Object[] array -> {
        ArrayNode out = NODES.arrayNode();
        for (Object o : array) {
          out.add(value(o));
        }
        yield out;
      }
      default -> NODES.textNode(value.toString());
    };
  }

  private static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      return NODES.textNode(json);
    }
  }
}
