package io.roadmapcoach.core.delivery;

import io.roadmapcoach.core.delivery.DeliveryComposer.Composed;
import io.roadmapcoach.core.delivery.DeliveryQueue.Claimed;
import io.roadmapcoach.core.delivery.HeldRows.InFlight;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One held row, composed, through its platform: its turn asked of the messenger (waited for, or
 * tried again later), marked as being sent right before the call so that a crash during it leaves
 * the row in doubt rather than pending, sent, and its outcome recorded. A row whose worker stops
 * before its call stays held, for the worker to give back.
 */
final class RowSender {
  private static final Logger log = LoggerFactory.getLogger(RowSender.class);

  private final HeldRows held;
  private final Outcomes outcomes;
  private final StopSignal stop;

  RowSender(HeldRows held, Outcomes outcomes, StopSignal stop) {
    this.held = held;
    this.outcomes = outcomes;
    this.stop = stop;
  }

  void deliver(Lane lane, Claimed row, Composed composed, Marks marks) {
    InFlight flight = held.get(row.id());
    if (flight == null || stop.stopping()) {
      return; // given back at shutdown, or about to be
    }
    try {
      switch (composed) {
        case DeliveryComposer.Drop drop -> outcomes.dropped(row, drop, marks);
        case DeliveryComposer.Unsendable bad -> outcomes.failed(row, bad.reason(), marks);
        case DeliveryComposer.Send send -> send(lane, row, flight, send, marks);
      }
      held.forget(row.id());
    } catch (Released stillHeld) {
      // stays held: the worker gives it back
    } catch (RuntimeException e) {
      // not renewed any more: its lease runs out and another attempt takes it (in doubt, if it
      // was being sent)
      held.forget(row.id());
      if (!stop.halted()) {
        throw e;
      }
    }
  }

  private void send(
      Lane lane, Claimed row, InFlight flight, DeliveryComposer.Send send, Marks marks) {
    Delivery delivery = send.delivery().withInDoubt(row.inDoubt());
    Pace pace;
    try {
      pace = lane.messenger.pace(delivery);
    } catch (RuntimeException e) {
      log.warn("Pacing outbox row {} failed; sending it now", row.id(), e);
      pace = Pace.NOW;
    }
    if (pace instanceof Pace.NotBefore later) {
      outcomes.notYet(row, later, marks);
      return;
    }
    Duration wait = ((Pace.Go) pace).after();
    if (!wait.isZero() && stop.await(wait)) {
      throw new Released();
    }
    // marked before the call, so that a crash during it leaves the row in doubt, not pending
    flight.sending = true;
    if (stop.stopping()) {
      flight.sending = false;
      throw new Released();
    }
    if (!marks.sending(row.held())) {
      log.info(
          "Outbox row {}: its lease was lost before sending; another instance has it", row.id());
      return;
    }
    DeliveryResult result;
    try {
      result = lane.messenger.send(delivery);
    } catch (RuntimeException e) {
      log.warn("Sending outbox row {} through {} failed", row.id(), row.platform(), e);
      result = new DeliveryResult.Failed(e.getClass().getSimpleName());
    }
    if (stop.halted()) {
      return;
    }
    outcomes.sent(lane, row, send, result, marks);
  }

  /** A row given back at shutdown before its platform call: the worker releases it. */
  private static final class Released extends RuntimeException {
    Released() {
      super("released at shutdown", null, false, false);
    }
  }
}
