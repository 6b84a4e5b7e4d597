package io.roadmapcoach.core.delivery;

import io.roadmapcoach.core.delivery.DeliveryComposer.Composed;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes one kind of outbox row as a message, from the state at sending time. The feature that a
 * delivery belongs to owns its wording (the nudge in {@code progress}, the weekly quiz in {@code
 * quiz}, the channel's daily post in {@code post}); the delivery worker only routes by kind.
 *
 * <p>Always a batch: what the rows need is read for all of them at once, and a single row is a
 * batch of one, through the same code. The recipients are read by the worker for the whole claimed
 * batch, every kind together.
 */
@FunctionalInterface
public interface Composer {
  /** The rows (all of this kind, their recipients existing), composed in order. */
  List<Composed> composeAll(List<DeliveryQueue.Claimed> rows, Recipients to, Instant now);

  /** One row's message from what was read for its batch. */
  @FunctionalInterface
  interface Each<T> {
    Composed compose(DeliveryQueue.Claimed row, T read, Instant now);
  }

  /** What a batch of rows needs, read at once. */
  @FunctionalInterface
  interface Reading<T> {
    T readAll(List<DeliveryQueue.Claimed> rows, Recipients to, Instant now);
  }

  /**
   * A composer that reads what its rows need once ({@code readAll}, given the rows and their
   * recipients; what it returns carries the recipients too when the rows need them) and then writes
   * each row from it.
   */
  static <T> Composer reading(Reading<T> reading, Each<T> each) {
    return (rows, to, now) -> {
      T read = reading.readAll(rows, to, now);
      List<Composed> composed = new ArrayList<>(rows.size());
      for (DeliveryQueue.Claimed row : rows) {
        composed.add(each.compose(row, read, now));
      }
      return composed;
    };
  }

  /** A composer whose rows need nothing beyond their recipients. */
  static Composer eachRow(Each<Recipients> each) {
    return reading((rows, to, now) -> to, each);
  }
}
