package io.roadmapcoach.core.feature;

import io.roadmapcoach.core.reply.Echo;
import io.roadmapcoach.core.reply.Text;
import io.roadmapcoach.core.roadmap.Roadmap;
import java.util.List;

/**
 * What a command's {@link Grammar} reads: the words typed after the command's own, with what its
 * messages need (the loaded roadmap, the command's words and its example).
 *
 * @param words the words after the command's path, as typed
 * @param command the command's words
 * @param example the command's first example, whole ({@code /roadmap remind at 09:30})
 */
public record Arguments(List<String> words, Roadmap roadmap, Words command, String example) {
  public Arguments {
    words = List.copyOf(words);
  }

  public int size() {
    return words.size();
  }

  public boolean isEmpty() {
    return words.isEmpty();
  }

  public String get(int index) {
    return words.get(index);
  }

  public String first() {
    return words.getFirst();
  }

  /** The arguments after the first (a sub-form's own). */
  public Arguments rest() {
    return new Arguments(
        words.subList(Math.min(1, words.size()), words.size()), roadmap, command, example);
  }

  /** What was typed, as a reply may quote it (long input cut). */
  public String echoed() {
    return Echo.of(String.join(" ", words));
  }

  /**
   * "That is not how `/roadmap done` goes; name one objective by its number: `/roadmap done 2`."
   */
  public Text wrongForm(String hint) {
    return Text.of("That is not how ")
        .code(command.hint())
        .plain(" goes; " + hint + ": ")
        .code(example)
        .plain(".");
  }

  /** "`/roadmap start` takes nothing after it." */
  public Text takesNothing() {
    return Text.empty().code(command.hint()).plain(" takes nothing after it.");
  }
}
