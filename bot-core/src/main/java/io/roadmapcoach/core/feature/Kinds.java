package io.roadmapcoach.core.feature;

import io.roadmapcoach.core.caller.MemberRef;
import io.roadmapcoach.core.reply.Echo;
import io.roadmapcoach.core.reply.Text;
import io.roadmapcoach.core.roadmap.Ids;
import io.roadmapcoach.core.roadmap.Roadmap;
import io.roadmapcoach.core.time.TimeZones;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The kinds of argument the coach's commands take; what each says about a bad one. */
public final class Kinds {
  private static final Pattern TIME = Pattern.compile("(\\d{1,2}):(\\d{2})");
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern CHANNEL_MENTION = Pattern.compile("<#([A-Za-z0-9]+)(?:\\|[^>]*)?>");
  private static final Pattern CHANNEL_NAME = Pattern.compile("#?([\\p{L}\\p{N}_.\\-]{1,80})");

  /** Without a number, a stage reply suggests this one (or the last, on a shorter roadmap). */
  private static final int SUGGESTED_STAGE = 7;

  private Kinds() {}

  /** A member of the workspace: {@code @ana}, or a platform's mention. */
  public static final Kind<MemberRef> MEMBER = named("the member", (w, r) -> MemberRef.parse(w));

  /**
   * An objective of the member's stage, kept as typed: only the handler knows the stage, so only it
   * can check the number.
   */
  public static final Kind<String> OBJECTIVE =
      named("one objective by its number", (w, r) -> Optional.of(w));

  /** A roadmap by its id, as its file names it ({@code web-dev}). */
  public static final Kind<String> ROADMAP_ID =
      named(
          "a roadmap's id",
          (w, r) -> {
            // ids are lower case: any letter case reads the same
            String id = w.toLowerCase(Locale.ROOT);
            return Ids.valid(id) && id.length() <= Ids.MAX_LENGTH
                ? Optional.of(id)
                : Optional.empty();
          });

  /** One of the member's channels: a mention, or its name with or without {@code #}. */
  public static final Kind<String> CHANNEL =
      named(
          "one of your channels",
          (w, r) -> {
            Matcher mention = CHANNEL_MENTION.matcher(w);
            if (mention.matches()) {
              return Optional.of(mention.group(1));
            }
            Matcher name = CHANNEL_NAME.matcher(w);
            return name.matches() ? Optional.of(name.group(1)) : Optional.empty();
          });

  /** A stage of the loaded roadmap, by number: the range is the roadmap's, never fifteen. */
  public static final Kind<Integer> STAGE =
      new Kind<>() {
        @Override
        public Optional<Integer> read(String word, Roadmap roadmap) {
          OptionalInt n = parseInteger(word);
          return n.isPresent() && roadmap.hasStage(n.getAsInt())
              ? Optional.of(n.getAsInt())
              : Optional.empty();
        }

        @Override
        public String noun() {
          return "the stage";
        }

        @Override
        public Text refusal(String typed, Arguments args, boolean alone) {
          int stages = args.roadmap().stageCount();
          Text there =
              Text.of("There is no stage " + Echo.of(typed) + ": stages run from 1 to ")
                  .plain(stages + ".");
          return alone
              ? there
                  .plain(" Try ")
                  .code(args.command().hint(Math.min(SUGGESTED_STAGE, stages)))
                  .plain(".")
              : there;
        }
      };

  /** A time zone by its Area/City name, in any letter case; a bare city gets the zone suggested. */
  public static final Kind<ZoneId> ZONE =
      new Kind<>() {
        @Override
        public Optional<ZoneId> read(String word, Roadmap roadmap) {
          return TimeZones.parse(word);
        }

        @Override
        public String noun() {
          return "one time zone";
        }

        @Override
        public Text refusal(String typed, Arguments args, boolean alone) {
          Text message = Text.of(Echo.of(typed) + " is not a time zone I know. ");
          Optional<String> close = TimeZones.suggest(typed);
          return close.isPresent()
              ? message.plain("Did you mean ").code(args.command().hint(close.get())).plain("?")
              : message.plain("Use an Area/City name, e.g. ").code(args.example()).plain(".");
        }

        @Override
        public Text missing(Arguments args) {
          return Text.of("Name one time zone: ").code(args.example()).plain(".");
        }
      };

  /**
   * {@code HH:MM} on the 24-hour clock, nothing else ("7pm" is not a time here).
   *
   * @param whose whose clock it is read on: "your local time", "the channel's time zone"
   */
  public static Kind<LocalTime> time(String whose) {
    return new Kind<>() {
      @Override
      public Optional<LocalTime> read(String word, Roadmap roadmap) {
        return parseTime(word);
      }

      @Override
      public String noun() {
        return "a time";
      }

      @Override
      public Text refusal(String typed, Arguments args, boolean alone) {
        return Text.of(Echo.of(typed) + " is not a time; try ")
            .code(args.example())
            .plain(" (24-hour clock, " + whose + ").");
      }

      @Override
      public Text missing(Arguments args) {
        return Text.of("Give a time: ").code(args.example()).plain(".");
      }
    };
  }

  /** {@code HH:MM} on the 24-hour clock. */
  public static Optional<LocalTime> parseTime(String text) {
    Matcher m = TIME.matcher(text.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    int hour = Integer.parseInt(m.group(1));
    int minute = Integer.parseInt(m.group(2));
    if (hour > 23 || minute > 59) {
      return Optional.empty();
    }
    return Optional.of(LocalTime.of(hour, minute));
  }

  /** A calendar date as {@code YYYY-MM-DD} that exists: 2026-02-30 does not. */
  public static Optional<LocalDate> parseDate(String text) {
    if (!DATE.matcher(text).matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(text));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** A day of the week: {@code fri}, {@code Friday}, or any start of its name of 3 letters on. */
  public static Optional<DayOfWeek> parseWeekday(String text) {
    String key = text.toLowerCase(Locale.ROOT);
    if (key.length() < 3) {
      return Optional.empty();
    }
    for (DayOfWeek day : DayOfWeek.values()) {
      if (day.name().toLowerCase(Locale.ROOT).startsWith(key)) {
        return Optional.of(day);
      }
    }
    return Optional.empty();
  }

  public static OptionalInt parseInteger(String text) {
    try {
      return OptionalInt.of(Integer.parseInt(text.strip()));
    } catch (NumberFormatException e) {
      return OptionalInt.empty();
    }
  }

  private interface Reader<T> {
    Optional<T> read(String word, Roadmap roadmap);
  }

  /** A kind whose bad or missing word gets the command's form: "name the member: ...". */
  private static <T> Kind<T> named(String noun, Reader<T> reader) {
    return new Kind<>() {
      @Override
      public Optional<T> read(String word, Roadmap roadmap) {
        return reader.read(word, roadmap);
      }

      @Override
      public String noun() {
        return noun;
      }
    };
  }
}
