package io.roadmapcoach.core.roadmap;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;

/** Reads the roadmap's YAML data files into plain records, with errors a person can act on. */
public final class YamlFiles {
  private final ObjectMapper mapper =
      new ObjectMapper(new YAMLFactory())
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** Reads {@code in} as a {@code type}; {@code name} is how errors refer to the file. */
  public <T> T read(RoadmapSource source, String name, Class<T> type) {
    try (InputStream in = source.open(name);
        JsonParser parser = mapper.createParser(in)) {
      // Jackson calls a file without a document "no content to map"; say it plainly
      if (parser.nextToken() == null) {
        throw new RoadmapFileException(source.describe(name), "", "the file is empty");
      }
      T value = mapper.readValue(parser, type);
      if (value == null) {
        throw new RoadmapFileException(source.describe(name), "", "the file is empty");
      }
      return value;
    } catch (JsonMappingException e) {
      throw new RoadmapFileException(
          source.describe(name),
          place(e),
          e.getOriginalMessage().lines().findFirst().orElse(""),
          e);
    } catch (JsonProcessingException e) {
      throw new RoadmapFileException(
          source.describe(name),
          line(e.getLocation()),
          "not valid YAML: " + e.getOriginalMessage(),
          e);
    } catch (IOException e) {
      throw new RoadmapFileException(
          source.describe(name), "", "cannot be read: " + e.getMessage(), e);
    }
  }

  private static String place(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex() + 1).append(']');
      }
    }
    String at = line(e.getLocation());
    if (path.isEmpty()) {
      return at;
    }
    return at.isEmpty() ? path.toString() : path + " (" + at + ")";
  }

  private static String line(JsonLocation location) {
    return location == null || location.getLineNr() < 1 ? "" : "line " + location.getLineNr();
  }
}
