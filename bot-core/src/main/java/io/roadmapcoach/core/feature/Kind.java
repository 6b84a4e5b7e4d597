package io.roadmapcoach.core.feature;

import io.roadmapcoach.core.reply.Text;
import io.roadmapcoach.core.roadmap.Roadmap;
import java.util.Optional;

/**
 * A kind of argument (a time, a member, a stage): how a word is read, and what a member is told
 * when it is not of the kind or is missing. Messages show the command's own example, so they name
 * the right form of the command at hand. {@link Kinds} has the kinds the coach's commands take.
 */
public interface Kind<T> {
  Optional<T> read(String word, Roadmap roadmap);

  /** What a member is asked to name: "the member", "one objective by its number". */
  String noun();

  /**
   * The answer to a word that is not of this kind.
   *
   * @param alone whether this is the command's only argument
   */
  default Text refusal(String typed, Arguments args, boolean alone) {
    return args.wrongForm("name " + noun());
  }

  /** The answer when this, the command's only argument, is missing or has company. */
  default Text missing(Arguments args) {
    return args.wrongForm("name " + noun());
  }
}
