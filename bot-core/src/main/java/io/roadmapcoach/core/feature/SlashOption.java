package io.roadmapcoach.core.feature;

import io.roadmapcoach.core.roadmap.Roadmap;
import io.roadmapcoach.core.roadmap.RoadmapSizes;
import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
    CHANNEL,
    /** A file the member attaches: it goes with the command, never into its text. */
    ATTACHMENT
  }

  /** A fixed value offered by its label. */
  public record SlashChoice(String label, String value) {}

  /** The numbers an integer option takes: fixed, or within the roadmaps' sizes. */
  public sealed interface Range {
    Bounds bounds(RoadmapSizes sizes);

    default Bounds bounds(Roadmap roadmap) {
      return bounds(RoadmapSizes.of(roadmap));
    }

    record Fixed(long min, long max) implements Range {
      @Override
      public Bounds bounds(RoadmapSizes sizes) {
        return new Bounds(min, max);
      }
    }

    /** The roadmap's stages. */
    record Stages() implements Range {
      @Override
      public Bounds bounds(RoadmapSizes sizes) {
        return new Bounds(1, sizes.stages());
      }
    }

    /** The objectives of the roadmap's largest stage (at least one). */
    record Objectives() implements Range {
      @Override
      public Bounds bounds(RoadmapSizes sizes) {
        return new Bounds(1, sizes.objectives());
      }
    }
  }

  public record Bounds(long min, long max) {}

  public SlashOption {
    choices = List.copyOf(choices);
  }

  /** The description as registered: a number's range is named in it ("Stage number, 1 to 15"). */
  public String description(Roadmap roadmap) {
    return description(RoadmapSizes.of(roadmap));
  }

  /** The description as registered for roadmaps up to these sizes. */
  public String description(RoadmapSizes sizes) {
    return range
        .map(r -> r.bounds(sizes))
        .map(b -> description + ", " + b.min() + " to " + b.max())
        .orElse(description);
  }

  /** The same option, said after a word in the core's text. */
  public SlashOption saying(String word) {
    return new Draft(this).said(word).done();
  }

  // ---- the options the coach's commands take ----

  public static SlashOption member(String description) {
    return new Draft(Type.MEMBER, "member", description, true).done();
  }

  public static SlashOption optionalMember(String description) {
    return new Draft(Type.MEMBER, "member", description, false).done();
  }

  public static SlashOption number(String name, String description, Range range, boolean required) {
    return new Draft(Type.INTEGER, name, description, required).range(range).done();
  }

  /** A yes/no option that says its name when set. */
  public static SlashOption flag(String name, String description) {
    return new Draft(Type.BOOLEAN, name, description, false).said(name).done();
  }

  /** A choice of fixed words: label, value, label, value... */
  public static SlashOption choice(
      String name, String description, boolean required, String... labelsAndValues) {
    Draft draft = new Draft(Type.TEXT, name, description, required);
    for (int i = 0; i + 1 < labelsAndValues.length; i += 2) {
      draft.choices.add(new SlashChoice(labelsAndValues[i], labelsAndValues[i + 1]));
    }
    return draft.done();
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
    List<String> labelsAndValues = new ArrayList<>();
    for (DayOfWeek day : DayOfWeek.values()) {
      String name = day.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
      labelsAndValues.add(name);
      labelsAndValues.add(name.substring(0, 3).toLowerCase(Locale.ROOT));
    }
    return choice("day", "Day of the week", true, labelsAndValues.toArray(String[]::new));
  }

  /** A time of day, typed: the core reads it and says what is wrong with it. */
  public static SlashOption time(String description, boolean required) {
    return new Draft(Type.TEXT, "time", description, required).atMost(16).done();
  }

  /** A calendar date, as the core reads it. */
  public static SlashOption date(String name, String description, boolean required) {
    return new Draft(Type.TEXT, name, description + " (" + DATE_FORM + ")", required)
        .atMost(32)
        .done();
  }

  /** A time zone, with ids offered as the member types. */
  public static SlashOption zone(String description) {
    Draft draft = new Draft(Type.TEXT, ZONE, description + ", an Area/City name", true).atMost(64);
    draft.zones = true;
    return draft.done();
  }

  /** Words typed as they are, at most {@code characters} long (a roadmap's id). */
  public static SlashOption text(String name, String description, int characters) {
    return new Draft(Type.TEXT, name, description, true).atMost(characters).done();
  }

  /** A file to attach, required: it goes with the command (see {@code Upload}). */
  public static SlashOption file(String name, String description) {
    return new Draft(Type.ATTACHMENT, name, description, true).done();
  }

  public static SlashOption textChannel(String name, String description) {
    Draft draft = new Draft(Type.CHANNEL, name, description, false);
    draft.textChannelsOnly = true;
    return draft.done();
  }

  /** An option under way. */
  private static final class Draft {
    private final Type type;
    private final String name;
    private final String description;
    private final boolean required;
    private boolean zones;
    private String said = "";
    private Optional<Range> range = Optional.empty();
    private final List<SlashChoice> choices = new ArrayList<>();
    private OptionalInt maxLength = OptionalInt.empty();
    private boolean textChannelsOnly;

    Draft(Type type, String name, String description, boolean required) {
      this.type = type;
      this.name = name;
      this.description = description;
      this.required = required;
    }

    Draft(SlashOption option) {
      this(option.type(), option.name(), option.description, option.required());
      this.zones = option.zones();
      this.said = option.said();
      this.range = option.range();
      this.choices.addAll(option.choices());
      this.maxLength = option.maxLength();
      this.textChannelsOnly = option.textChannelsOnly();
    }

    Draft said(String word) {
      this.said = word;
      return this;
    }

    Draft range(Range value) {
      this.range = Optional.of(value);
      return this;
    }

    Draft atMost(int characters) {
      this.maxLength = OptionalInt.of(characters);
      return this;
    }

    SlashOption done() {
      return new SlashOption(
          type,
          name,
          description,
          required,
          zones,
          said,
          range,
          choices,
          maxLength,
          textChannelsOnly);
    }
  }
}
