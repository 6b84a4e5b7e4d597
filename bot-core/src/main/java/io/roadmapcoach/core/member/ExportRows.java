package io.roadmapcoach.core.member;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.Temporal;
import java.util.List;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Record;

/**
 * Rows read for a member's export, as JSON: each column under its own name, in the order selected,
 * times in UTC (ISO 8601). Shared by the {@link PersonalData} parts so the file reads the same
 * throughout.
 */
public final class ExportRows {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private ExportRows() {}

  /** A row as an object. */
  public static ObjectNode row(Record r) {
    ObjectNode out = NODES.objectNode();
    for (Field<?> field : r.fields()) {
      out.set(field.getName(), value(r.get(field)));
    }
    return out;
  }

  /** Rows as an array of objects, in their order. */
  public static ArrayNode rows(List<? extends Record> records) {
    ArrayNode out = NODES.arrayNode();
    records.forEach(r -> out.add(row(r)));
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
