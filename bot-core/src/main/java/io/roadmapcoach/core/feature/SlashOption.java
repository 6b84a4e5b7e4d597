package io.roadmapcoach.core.feature;

import io.roadmapcoach.core.roadmap.Roadmap;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A typed option of a {@link Slash} subcommand, in neutral terms the platform adapter translates.
 *
 * @param said the word said before the value in the core's text ({@code at} before an evening's
 *     time); a yes/no option says it when set, and nothing otherwise
 * @param range whole numbers only within it; the roadmap's ranges are resolved when registered
 * @param zones whether time-zone ids are offered as the member types
 * @param textChannelsOnly for a channel option: text channels only
 */
public record SlashOption(
    Type type,
    String name,
    String description,
    boolean required,
    boolean zones,
    String said,
    Optional<Range> range,
    List<SlashChoice> choices,
    OptionalInt maxLength,
    boolean textChannelsOnly) {

  /** How a date option asks for its value. */
  public static final String DATE_FORM = "YYYY-MM-DD";

  /** The name of a time-zone option. */
  public static final String ZONE = "zone";

  public enum Type {
    TEXT,
    INTEGER,
    BOOLEAN,
    MEMBER,
    CHANNEL
  }

  /** A fixed value offered by its label. */
  public record SlashChoice(String label, String value) {}

  /** The numbers an integer option takes: fixed, or the loaded roadmap's. */
  public sealed interface Range {
    Bounds bounds(Roadmap roadmap);

    record Fixed(long min, long max) implements Range {
      @Override
      public Bounds bounds(Roadmap roadmap) {
        return new Bounds(min, max);
      }
    }

    /** The roadmap's stages. */
    record Stages() implements Range {
      @Override
      public Bounds bounds(Roadmap roadmap) {
        return new Bounds(1, roadmap.stageCount());
      }
    }

    /** The objectives of the roadmap's largest stage (at least one). */
    record Objectives() implements Range {
      @Override
      public Bounds bounds(Roadmap roadmap) {
        return new Bounds(1, Math.max(1, roadmap.mostObjectives()));
      }
    }
  }

  public record Bounds(long min, long max) {}

  public SlashOption {
    choices = List.copyOf(choices);
  }

  /** The description as registered: a number's range is named in it ("Stage number, 1 to 15"). */
  public String description(Roadmap roadmap) {
    return range
        .map(r -> r.bounds(roadmap))
        .map(b -> description + ", " + b.min() + " to " + b.max())
        .orElse(description);
  }

  /** The same option, said after a word in the core's text. */
  public SlashOption saying(String word) {
    return new SlashOption(
        type,
        name,
        description,
        required,
        zones,
        word,
        range,
        choices,
        maxLength,
        textChannelsOnly);
  }

  // ---- the options the coach's commands take ----

  private static SlashOption plain(Type type, String name, String description, boolean required) {
    return new SlashOption(
        type,
        name,
        description,
        required,
        false,
        "",
        Optional.empty(),
        List.of(),
        OptionalInt.empty(),
        false);
  }

  public static SlashOption member(String description) {
    return plain(Type.MEMBER, "member", description, true);
  }

  public static SlashOption optionalMember(String description) {
    return plain(Type.MEMBER, "member", description, false);
  }

  public static SlashOption number(String name, String description, Range range, boolean required) {
    return new SlashOption(
        Type.INTEGER,
        name,
        description,
        required,
        false,
        "",
        Optional.of(range),
        List.of(),
        OptionalInt.empty(),
        false);
  }

  /** A yes/no option that says its name when set. */
  public static SlashOption flag(String name, String description) {
    return plain(Type.BOOLEAN, name, description, false).saying(name);
  }

  /** A choice of fixed words: label, value, label, value... */
  public static SlashOption choice(
      String name, String description, boolean required, String... labelsAndValues) {
    List<SlashChoice> choices = new ArrayList<>();
    for (int i = 0; i + 1 < labelsAndValues.length; i += 2) {
      choices.add(new SlashChoice(labelsAndValues[i], labelsAndValues[i + 1]));
    }
    return new SlashOption(
        Type.TEXT,
        name,
        description,
        required,
        false,
        "",
        Optional.empty(),
        choices,
        OptionalInt.empty(),
        false);
  }

  public static SlashOption onOff(boolean required) {
    return choice("switch", "On or off", required, "On", "on", "Off", "off");
  }

  public static SlashOption whichDays(String description) {
    return choice(
        "which",
        description,
        true,
        "Weekdays (Monday to Friday)",
        "weekdays",
        "Every day",
        "daily");
  }

  public static SlashOption weekday() {
    return choice(
        "day",
        "Day of the week",
        true,
        "Monday",
        "mon",
        "Tuesday",
        "tue",
        "Wednesday",
        "wed",
        "Thursday",
        "thu",
        "Friday",
        "fri",
        "Saturday",
        "sat",
        "Sunday",
        "sun");
  }

  /** A time of day, typed: the core reads it and says what is wrong with it. */
  public static SlashOption time(String description, boolean required) {
    return text("time", description, required, 16);
  }

  /** A calendar date, as the core reads it. */
  public static SlashOption date(String name, String description, boolean required) {
    return text(name, description + " (" + DATE_FORM + ")", required, 32);
  }

  /** A time zone, with ids offered as the member types. */
  public static SlashOption zone(String description) {
    return new SlashOption(
        Type.TEXT,
        ZONE,
        description + ", an Area/City name",
        true,
        true,
        "",
        Optional.empty(),
        List.of(),
        OptionalInt.of(64),
        false);
  }

  public static SlashOption textChannel(String name, String description) {
    return new SlashOption(
        Type.CHANNEL,
        name,
        description,
        false,
        false,
        "",
        Optional.empty(),
        List.of(),
        OptionalInt.empty(),
        true);
  }

  private static SlashOption text(String name, String description, boolean required, int most) {
    return new SlashOption(
        Type.TEXT,
        name,
        description,
        required,
        false,
        "",
        Optional.empty(),
        List.of(),
        OptionalInt.of(most),
        false);
  }
}
