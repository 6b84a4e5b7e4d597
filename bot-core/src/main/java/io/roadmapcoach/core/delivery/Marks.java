package io.roadmapcoach.core.delivery;

import io.roadmapcoach.core.delivery.DeliveryQueue.Held;
import io.roadmapcoach.core.delivery.DeliveryQueue.Mark;
import io.roadmapcoach.core.tx.Transactions;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/**
 * Where a sender's marks go: straight to the database (a round on the calling thread), or batched
 * with other senders' ({@link Batched}, in the background), one statement for many rows.
 */
interface Marks {
  /** Marks the row as being sent, right before its platform call; false when its lease was lost. */
  boolean sending(Held row);

  /** Records how the row's attempt ended. */
  void finish(Mark mark);

  /** Each mark written on its own, on the calling thread. */
  static Marks direct(DeliveryQueue queue, Transactions transactions, Clock clock) {
    return new Marks() {
      @Override
      public boolean sending(Held row) {
        return transactions
            .inTransaction(() -> queue.markSending(List.of(row), clock.instant()))
            .contains(row.id());
      }

      @Override
      public void finish(Mark mark) {
        transactions.run(() -> queue.finish(List.of(mark), clock.instant()));
      }
    };
  }

  /** Marks of many senders written together: under load a statement carries hundreds of rows. */
  final class Batched implements Marks {
    private final GroupCommit<Held, Boolean> sendingMarks;
    private final GroupCommit<Mark, Boolean> finishMarks;

    Batched(DeliveryQueue queue, Transactions transactions, Clock clock) {
      this.sendingMarks =
          new GroupCommit<>(
              "outbox-mark-sending",
              1_000,
              rows -> {
                Set<Long> ours =
                    transactions.inTransaction(() -> queue.markSending(rows, clock.instant()));
                return rows.stream().map(r -> ours.contains(r.id())).toList();
              });
      this.finishMarks =
          new GroupCommit<>(
              "outbox-mark-done",
              1_000,
              marks -> {
                transactions.run(() -> queue.finish(marks, clock.instant()));
                return marks.stream().map(m -> Boolean.TRUE).toList();
              });
    }

    @Override
    public boolean sending(Held row) {
      return sendingMarks.submit(row).join();
    }

    @Override
    public void finish(Mark mark) {
      finishMarks.submit(mark).join();
    }

    /** Writes what is queued, then stops. */
    void close() {
      finishMarks.close();
      sendingMarks.close();
    }

    /** Writes nothing more: what a crash does. */
    void abandon() {
      sendingMarks.abandon();
      finishMarks.abandon();
    }
  }
}
