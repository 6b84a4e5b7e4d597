package io.roadmapcoach.core.feature;

import io.roadmapcoach.core.reply.Text;

/** What a {@link Grammar} made of a command's arguments: the command, or why not. */
public sealed interface Reading<C extends Command> {

  record Read<C extends Command>(C command) implements Reading<C> {}

  /**
   * The arguments are not of this command's form.
   *
   * @param message the right form, in words the member reads
   * @param toFamily whether a family of commands sharing the first word answers better (a word that
   *     is none of the expected ones may have been meant for a sibling: {@code remind later})
   */
  record Refused<C extends Command>(Text message, boolean toFamily) implements Reading<C> {}

  static <C extends Command> Reading<C> read(C command) {
    return new Read<>(command);
  }

  static <C extends Command> Reading<C> refused(Text message) {
    return new Refused<>(message, false);
  }
}
