package io.roadmapcoach.core.feature;

import io.roadmapcoach.core.reply.Text;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Usage forms ({@code remind at HH:MM}, {@code team [csv]}) as messages show them: placeholders
 * filled in from the command's example, optional parts both left out and given.
 */
public final class Forms {
  private Forms() {}

  /** A placeholder of a usage form, a value of its kind, and what such a value looks like. */
  enum Placeholder {
    TIME("HH:MM", "09:30", "\\d{1,2}:\\d{2}"),
    NUMBER("<n>", "2", "\\d+"),
    MEMBER("@member", "@ana", "@\\S+"),
    ZONE("<Area/City>", "Europe/Berlin", "[A-Za-z_]+/\\S+"),
    DATE("<date>", "2026-12-24", "\\d{4}-\\d{2}-\\d{2}"),
    CHANNEL("#channel", "#study-group", "#\\S+"),
    WEEKDAY("<mon..sun>", "fri", "[A-Za-z]{3,}"),
    ROADMAP_ID("<id>", "web-dev", "[a-z][a-z0-9-]*");

    final String token;
    final String sample;
    final Pattern looks;

    Placeholder(String token, String sample, String looks) {
      this.token = token;
      this.sample = sample;
      this.looks = Pattern.compile(looks);
    }
  }

  /** "Use `a`, `b` or `c`." */
  public static Text use(List<String> commands) {
    Text text = Text.of("Use ");
    for (int i = 0; i < commands.size(); i++) {
      if (i > 0) {
        text = text.plain(i == commands.size() - 1 ? " or " : ", ");
      }
      text = text.code(commands.get(i));
    }
    return text.plain(".");
  }

  /**
   * A form as a message shows it: each optional part left out and given ({@code team [csv]} is
   * {@code team} and {@code team csv}), each placeholder filled with the example's value of its
   * kind ({@code remind at HH:MM} with the example {@code remind at 09:30} is {@code remind at
   * 09:30}), alternatives kept ({@code remind days weekdays|daily}).
   */
  public static List<String> shown(String form, String example) {
    List<String> given = Arrays.asList(example.split(" "));
    List<List<String>> variants = new ArrayList<>();
    variants.add(new ArrayList<>());
    for (String token : form.split(" ")) {
      boolean optional = token.startsWith("[") && token.endsWith("]");
      String inner = optional ? token.substring(1, token.length() - 1) : token;
      String filled =
          filled(optional && inner.equals("n") ? Placeholder.NUMBER.token : inner, given);
      List<List<String>> next = new ArrayList<>();
      for (List<String> variant : variants) {
        if (optional) {
          next.add(variant);
        }
        List<String> longer = new ArrayList<>(variant);
        longer.add(filled);
        next.add(longer);
      }
      variants = next;
    }
    return variants.stream().map(words -> String.join(" ", words)).toList();
  }

  /** The token with its placeholder, if any, filled from the example or with a sample value. */
  private static String filled(String token, List<String> example) {
    for (Placeholder p : Placeholder.values()) {
      if (token.contains(p.token)) {
        String value =
            example.stream()
                .filter(word -> p.looks.matcher(word).matches())
                .findFirst()
                .orElse(p.sample);
        return token.replace(p.token, value);
      }
    }
    return token;
  }

  /** A form with each placeholder given a sample value: {@code done <n>} is {@code done 2}. */
  public static String sampled(String form) {
    return shown(form, "").getLast();
  }
}
