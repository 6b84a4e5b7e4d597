package io.roadmapcoach.core.reply;

/**
 * A button. Its {@code actionId} was written by {@link ActionCodec} and comes back verbatim when
 * pressed; adapters pass it through untouched.
 */
public record Button(String label, String actionId, Style style) {

  public enum Style {
    DEFAULT,
    PRIMARY,
    DANGER
  }

  public static Button of(String label, String actionId) {
    return new Button(label, actionId, Style.DEFAULT);
  }

  public static Button primary(String label, String actionId) {
    return new Button(label, actionId, Style.PRIMARY);
  }
}
