package io.roadmapcoach.discord;

import io.roadmapcoach.core.reply.Reply;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Discord wants a first response to an interaction within 3 s. The core's work runs on the work
 * executor, never on JDA's gateway thread, and the interaction is answered with whichever comes
 * first: the core's reply, or a deferral when {@code deferAfter} passes, after which the reply
 * finishes the interaction through its hook. Work known to be slow is deferred at once.
 */
final class Acknowledgements {
  private static final Logger log = LoggerFactory.getLogger(Acknowledgements.class);

  private final Executor work;
  private final ScheduledExecutorService timer;
  private final Duration deferAfter;

  Acknowledgements(Executor work, ScheduledExecutorService timer, Duration deferAfter) {
    this.work = work;
    this.timer = timer;
    this.deferAfter = deferAfter;
  }

  /**
   * Runs the core's work off the gateway thread and answers with whichever comes first: the reply,
   * or the deferral when {@code deferAfter} passes (or at once when {@code slow}).
   */
  void answer(Supplier<Reply> core, Exchange exchange, boolean slow) {
    if (slow) {
      exchange.deferIfOpen();
    }
    try {
      CompletableFuture.supplyAsync(core, work)
          .whenComplete(
              (reply, error) -> {
                if (error != null) {
                  log.error("A Discord interaction failed in the core", error);
                }
                exchange.complete(error == null ? reply : Replies.FAILED);
              });
    } catch (RejectedExecutionException e) {
      exchange.complete(Replies.FAILED);
      return;
    }
    if (!slow) {
      try {
        timer.schedule(exchange::deferIfOpen, deferAfter.toMillis(), TimeUnit.MILLISECONDS);
      } catch (RejectedExecutionException e) {
        log.debug("Shutting down: no deferral scheduled");
      }
    }
  }

  /**
   * One interaction's first response: either the answer itself, or a deferral followed by the
   * answer through the hook. Whichever of the answer and the deferral timer comes first wins.
   */
  abstract static class Exchange {
    private boolean deferred;
    private boolean answered;

    /** Defers unless answered; queued under the lock, so a follow-up always comes after it. */
    final synchronized void deferIfOpen() {
      if (answered || deferred) {
        return;
      }
      deferred = true;
      defer();
    }

    final void complete(Reply reply) {
      boolean late;
      synchronized (this) {
        if (answered) {
          return;
        }
        answered = true;
        late = deferred;
      }
      if (late) {
        followUp(reply);
      } else {
        answer(reply);
      }
    }

    abstract void answer(Reply reply);

    abstract void defer();

    abstract void followUp(Reply reply);
  }

  /** What to log when Discord refused or lost one of our answers. */
  static Consumer<Throwable> failure(String what) {
    return error -> log.warn("Could not {} on Discord: {}", what, error.getMessage());
  }
}
