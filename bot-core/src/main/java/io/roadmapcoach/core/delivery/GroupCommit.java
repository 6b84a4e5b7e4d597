package io.roadmapcoach.core.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes what many senders ask for in one statement: each sender submits its item and waits; one
 * thread takes everything queued meanwhile and writes it at once. Under load a write carries
 * hundreds of rows; alone, a sender waits about one round trip.
 *
 * @param <T> what is written
 * @param <R> what each sender gets back
 */
final class GroupCommit<T, R> implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

  private record Entry<T, R>(T item, CompletableFuture<R> done) {}

  private final BlockingQueue<Entry<T, R>> queue = new LinkedBlockingQueue<>();
  private final Function<List<T>, List<R>> write;
  private final int largest;
  private final Thread writer;
  private volatile boolean open = true;
  private volatile boolean abandoned;

  /**
   * @param write writes a batch and returns one result per item, in order
   * @param largest the most items in one write
   */
  GroupCommit(String name, int largest, Function<List<T>, List<R>> write) {
    this.write = write;
    this.largest = largest;
    this.writer = Thread.ofPlatform().name(name).daemon(true).start(this::run);
  }

  CompletableFuture<R> submit(T item) {
    if (!open) {
      return CompletableFuture.failedFuture(new RejectedExecutionException("closed"));
    }
    CompletableFuture<R> done = new CompletableFuture<>();
    queue.add(new Entry<>(item, done));
    return done;
  }

  private void run() {
    List<Entry<T, R>> batch = new ArrayList<>();
    while (open || !queue.isEmpty()) {
      try {
        Entry<T, R> first = queue.poll(50, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, largest - 1);
        if (abandoned) {
          fail(batch, new RejectedExecutionException("abandoned"));
          continue;
        }
        List<R> results = write.apply(batch.stream().map(Entry::item).toList());
        for (int i = 0; i < batch.size(); i++) {
          batch.get(i).done().complete(results.get(i));
        }
      } catch (InterruptedException e) {
        fail(batch, e);
        if (abandoned) {
          break;
        }
      } catch (RuntimeException e) {
        log.warn("Writing {} outbox marks failed", batch.size(), e);
        fail(batch, e);
      } finally {
        batch.clear();
      }
    }
    drainFailing();
  }

  private void fail(List<Entry<T, R>> batch, Throwable e) {
    batch.forEach(entry -> entry.done().completeExceptionally(e));
  }

  private void drainFailing() {
    List<Entry<T, R>> left = new ArrayList<>();
    queue.drainTo(left);
    fail(left, new RejectedExecutionException("closed"));
  }

  /** Writes what is queued, then stops. */
  @Override
  public void close() {
    open = false;
    try {
      writer.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Stops at once, writing nothing more: what a crash does. */
  void abandon() {
    abandoned = true;
    open = false;
    writer.interrupt();
  }
}
