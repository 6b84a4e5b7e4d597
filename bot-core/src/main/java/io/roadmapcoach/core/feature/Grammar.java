package io.roadmapcoach.core.feature;

import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * How a command's arguments are read: the parser hands it the words after the command's own and
 * takes the command, or the refusal that names the right form. Most commands are built from the
 * factories here and a {@link Kind}, so that their messages follow from the kind and the command's
 * example; a command with a grammar of its own (a holiday's range of dates) writes the function.
 */
@FunctionalInterface
public interface Grammar<C extends Command> {
  Reading<C> read(Arguments args);

  /** No arguments: anything after the command is refused. */
  static <C extends Command> Grammar<C> none(C command) {
    return args -> args.isEmpty() ? Reading.read(command) : Reading.refused(args.takesNothing());
  }

  /** Whatever follows is ignored ({@code help me} is help). */
  static <C extends Command> Grammar<C> ignoring(C command) {
    return args -> Reading.read(command);
  }

  /** Exactly one argument of the kind. */
  static <C extends Command, T> Grammar<C> one(Kind<T> kind, Function<T, C> make) {
    return args -> {
      if (args.size() != 1) {
        return Reading.refused(kind.missing(args));
      }
      return kind.read(args.first(), args.roadmap())
          .<Reading<C>>map(value -> Reading.read(make.apply(value)))
          .orElseGet(() -> Reading.refused(kind.refusal(args.first(), args, true)));
    };
  }

  /** One argument of the kind, or none. */
  static <C extends Command, T> Grammar<C> optional(Kind<T> kind, Function<Optional<T>, C> make) {
    return args -> {
      if (args.isEmpty()) {
        return Reading.read(make.apply(Optional.empty()));
      }
      if (args.size() > 1) {
        return Reading.refused(kind.missing(args));
      }
      return kind.read(args.first(), args.roadmap())
          .<Reading<C>>map(value -> Reading.read(make.apply(Optional.of(value))))
          .orElseGet(() -> Reading.refused(kind.refusal(args.first(), args, true)));
    };
  }

  /** Two arguments, of these kinds in this order. */
  static <C extends Command, A, B> Grammar<C> two(
      Kind<A> first, Kind<B> second, BiFunction<A, B, C> make) {
    return args -> {
      if (args.size() != 2) {
        return Reading.refused(args.wrongForm("name " + first.noun() + " and " + second.noun()));
      }
      Optional<A> a = first.read(args.get(0), args.roadmap());
      if (a.isEmpty()) {
        return Reading.refused(first.refusal(args.get(0), args, false));
      }
      Optional<B> b = second.read(args.get(1), args.roadmap());
      if (b.isEmpty()) {
        return Reading.refused(second.refusal(args.get(1), args, false));
      }
      return Reading.read(make.apply(a.get(), b.get()));
    };
  }
}
