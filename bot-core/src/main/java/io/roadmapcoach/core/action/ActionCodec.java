package io.roadmapcoach.core.action;

import io.roadmapcoach.core.action.Action.Answer;
import io.roadmapcoach.core.action.Action.ApplyRoadmap;
import io.roadmapcoach.core.action.Action.ForgetMe;
import io.roadmapcoach.core.action.Action.MarkDone;
import io.roadmapcoach.core.action.Action.MoveOn;
import io.roadmapcoach.core.action.Action.Snooze;
import io.roadmapcoach.core.action.Action.StartQuiz;
import io.roadmapcoach.core.action.Action.UseRoadmap;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Writes a button's action as a short id and reads it back. Ids come back from the platform as
 * untrusted text, so reading checks every part and anything else is refused; no adapter splits ids
 * by hand. Who may press is checked when the command is handled, not here.
 */
public final class ActionCodec {
  private static final String PREFIX = "rc:";
  private static final int MAX_LENGTH = 64;
  private static final Pattern NUMBER = Pattern.compile("[0-9]{1,12}");

  /** An attempt's key: its UUID's 32 hex digits, lower case, without dashes. */
  private static final Pattern KEY = Pattern.compile("[0-9a-f]{32}");

  private ActionCodec() {}

  public static String encode(Action action) {
    return PREFIX
        + switch (action) {
          case Answer a -> "a:" + hex(a.attemptKey()) + ":" + a.position() + ":" + a.option();
          case MarkDone d -> "d:" + d.stage() + ":" + d.objective();
          case Snooze s -> "s:" + s.days();
          case StartQuiz q -> "q";
          case MoveOn m -> "n:" + m.fromStage();
          case ForgetMe f -> "f:" + f.memberId();
          case UseRoadmap u -> "r:" + u.roadmapId();
          case ApplyRoadmap p -> "p:" + p.previewId();
        };
  }

  /** The action of a pressed button, or empty when the id is not one of ours or is malformed. */
  public static Optional<Action> decode(String id) {
    if (id == null || id.length() > MAX_LENGTH || !id.startsWith(PREFIX)) {
      return Optional.empty();
    }
    String[] parts = id.substring(PREFIX.length()).split(":", -1);
    boolean answer = parts[0].equals("a");
    for (int i = 1; i < parts.length; i++) {
      Pattern expected = answer && i == 1 ? KEY : NUMBER;
      if (!expected.matcher(parts[i]).matches()) {
        return Optional.empty();
      }
    }
    return switch (parts[0]) {
      case "a" ->
          parts.length == 4
              ? Optional.of(key(parts[1]))
                  .flatMap(
                      attempt ->
                          small(parts[2])
                              .flatMap(
                                  pos ->
                                      small0(parts[3]).map(opt -> new Answer(attempt, pos, opt))))
              : Optional.empty();
      case "d" ->
          parts.length == 3
              ? small(parts[1])
                  .flatMap(stage -> small(parts[2]).map(obj -> new MarkDone(stage, obj)))
              : Optional.empty();
      case "s" ->
          parts.length == 2
              ? small(parts[1]).filter(days -> days <= Action.MAX_SNOOZE_DAYS).map(Snooze::new)
              : Optional.empty();
      case "q" -> parts.length == 1 ? Optional.of(new StartQuiz()) : Optional.empty();
      case "n" -> parts.length == 2 ? small(parts[1]).map(MoveOn::new) : Optional.empty();
      case "f" -> parts.length == 2 ? positive(parts[1]).map(ForgetMe::new) : Optional.empty();
      case "r" ->
          parts.length == 2
              ? Optional.of(new UseRoadmap(Long.parseLong(parts[1])))
              : Optional.empty();
      case "p" -> parts.length == 2 ? positive(parts[1]).map(ApplyRoadmap::new) : Optional.empty();
      default -> Optional.empty();
    };
  }

  private static String hex(UUID key) {
    return String.format("%016x%016x", key.getMostSignificantBits(), key.getLeastSignificantBits());
  }

  private static UUID key(String hex) {
    return new UUID(
        Long.parseUnsignedLong(hex.substring(0, 16), 16),
        Long.parseUnsignedLong(hex.substring(16), 16));
  }

  /** A member id: positive (the id pattern keeps it short enough for a long). */
  private static Optional<Long> positive(String digits) {
    long value = Long.parseLong(digits);
    return value > 0 ? Optional.of(value) : Optional.empty();
  }

  /** 1..999: stage, objective and position numbers. */
  private static Optional<Integer> small(String digits) {
    return digits.length() <= 3 && Integer.parseInt(digits) >= 1
        ? Optional.of(Integer.parseInt(digits))
        : Optional.empty();
  }

  /** 0..999: option indexes. */
  private static Optional<Integer> small0(String digits) {
    return digits.length() <= 3 ? Optional.of(Integer.parseInt(digits)) : Optional.empty();
  }
}
