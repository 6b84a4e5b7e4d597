package io.roadmapcoach.core.policy;

import io.roadmapcoach.core.reply.Block;
import io.roadmapcoach.core.reply.Reply;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a member's own {@code status} promises, read from the reply as the member reads it: the
 * "Next nudge" (or "Next post naming you"), "Weekly quiz", "Evening warning" and "Buddy pairing"
 * fields. Times are the member's local wall-clock times, as shown.
 */
record StatusPromises(
    Optional<Promise> nudge,
    Optional<Promise> quiz,
    Optional<Promise> evening,
    Optional<Promise> pairing) {

  /** What comes when, as the status says it. */
  enum Via {
    DM,
    CHANNEL
  }

  /**
   * One promise.
   *
   * @param at the member's local time it comes at
   * @param via by DM or in (or to) the home channel
   * @param last a nudge that is the goodbye before a pause
   * @param held a quiz invitation held back and coming with a reminder
   * @param included a pairing the member is in (not just the channel's next run)
   */
  record Promise(LocalDateTime at, Via via, boolean last, boolean held, boolean included) {}

  private static final Pattern WHEN =
      Pattern.compile("^(?:\\w{3}) (\\d{1,2} \\w{3}) (\\d{2}:\\d{2})");
  private static final Pattern TONIGHT = Pattern.compile("^tonight at (\\d{2}:\\d{2})");
  private static final DateTimeFormatter DAY_MONTH =
      DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

  /** Reads the promises of a status shown at {@code at} to a member in {@code zone}. */
  static StatusPromises of(Reply status, ZoneId zone, Instant at) {
    Map<String, String> fields = new HashMap<>();
    for (Block block : status.blocks()) {
      if (block instanceof Block.Fields f) {
        f.fields().forEach(field -> fields.put(field.label(), field.value().plainText()));
      }
    }
    LocalDate today = at.atZone(zone).toLocalDate();
    Optional<Promise> nudge =
        Optional.ofNullable(fields.get("Next nudge"))
            .flatMap(v -> when(v, today).map(t -> nudge(t, Via.DM, v)))
            .or(
                () ->
                    Optional.ofNullable(fields.get("Next post naming you"))
                        .flatMap(v -> when(v, today).map(t -> nudge(t, Via.CHANNEL, v))));
    Optional<Promise> quiz =
        Optional.ofNullable(fields.get("Weekly quiz"))
            .flatMap(
                v ->
                    when(v, today)
                        .map(
                            t ->
                                new Promise(
                                    t,
                                    v.contains("called in #") ? Via.CHANNEL : Via.DM,
                                    false,
                                    v.contains("held back"),
                                    true)));
    Optional<Promise> evening =
        Optional.ofNullable(fields.get("Evening warning"))
            .flatMap(
                v -> {
                  Matcher m = TONIGHT.matcher(v);
                  return m.find()
                      ? Optional.of(
                          new Promise(
                              today.atTime(LocalTime.parse(m.group(1))),
                              Via.DM,
                              false,
                              false,
                              true))
                      : Optional.empty();
                });
    Optional<Promise> pairing =
        Optional.ofNullable(fields.get("Buddy pairing"))
            .flatMap(
                v ->
                    when(v, today)
                        .map(
                            t -> new Promise(t, Via.DM, false, false, !v.contains("without you"))));
    return new StatusPromises(nudge, quiz, evening, pairing);
  }

  private static Promise nudge(LocalDateTime at, Via via, String value) {
    return new Promise(
        at,
        via,
        value.contains("the last before a pause") || value.contains("goodbye"),
        false,
        true);
  }

  /** "Tue 3 Mar 09:00" at the start of a value, in the year that puts it near {@code today}. */
  private static Optional<LocalDateTime> when(String value, LocalDate today) {
    Matcher m = WHEN.matcher(value);
    if (!m.find()) {
      return Optional.empty();
    }
    MonthDay day = MonthDay.parse(m.group(1), DAY_MONTH);
    LocalDate date = day.atYear(today.getYear());
    if (date.isBefore(today.minusDays(2))) {
      date = day.atYear(today.getYear() + 1);
    }
    return Optional.of(date.atTime(LocalTime.parse(m.group(2))));
  }
}
