package io.roadmapcoach.core.delivery;

import io.roadmapcoach.core.delivery.DeliveryComposer.Composed;
import io.roadmapcoach.core.delivery.DeliveryQueue.Claimed;
import io.roadmapcoach.core.delivery.HeldRows.InFlight;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One held row, composed, through its platform: a place on the wire to its workspace taken, its
 * turn asked of the messenger (waited for, or tried again later), marked as being sent when the
 * messenger writes the request that may create the message (so that a crash then leaves the row in
 * doubt rather than pending, and a crash before leaves it plainly pending), sent, and its outcome
 * recorded before the place is given up. A row whose worker stops before its request stays held,
 * for the worker to give back.
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
    OnTheWire.Taken taken = lane.wire.take(row.workspaceId(), stop);
    if (taken instanceof OnTheWire.Full full) {
      outcomes.notYet(
          row,
          new Pace.NotBefore(full.after(), "waiting for a place on the wire to its workspace"),
          marks);
      return;
    }
    if (!(taken instanceof OnTheWire.Place place)) {
      throw new Released();
    }
    try {
      sendInPlace(lane, row, flight, send, marks, place);
    } finally {
      // after the outcome's mark: until then a crash could leave the row in doubt
      place.release();
    }
  }

  private void sendInPlace(
      Lane lane,
      Claimed row,
      InFlight flight,
      DeliveryComposer.Send send,
      Marks marks,
      OnTheWire.Place place) {
    Delivery delivery = send.delivery().withInDoubt(row.inDoubt());
    Pace pace = turn(lane, row, delivery);
    if (pace instanceof Pace.NotBefore later) {
      outcomes.notYet(row, later, marks);
      return;
    }
    Duration wait = ((Pace.Go) pace).after();
    if (!wait.isZero() && stop.await(wait)) {
      throw new Released();
    }
    Writing wire = new Writing(row, flight, marks, place);
    DeliveryResult result;
    try {
      result = lane.messenger.send(delivery, wire);
    } catch (RuntimeException e) {
      log.warn("Sending outbox row {} through {} failed", row.id(), row.platform(), e);
      // once its request may have gone out, a failure says nothing of whether it arrived
      result =
          wire.marked
              ? new DeliveryResult.Unknown(
                  Outcomes.FIRST_BACKOFF, "the send failed after its request went out: " + e)
              : new DeliveryResult.Failed(e.getClass().getSimpleName());
    }
    if (stop.halted()) {
      return;
    }
    if (result == DeliveryResult.Withdrawn.INSTANCE) {
      if (stop.stopping()) {
        throw new Released();
      }
      return; // another instance has it, or its mark failed: its lease runs out, nothing was sent
    }
    outcomes.sent(lane, row, send, result, marks);
  }

  private static Pace turn(Lane lane, Claimed row, Delivery delivery) {
    try {
      return lane.messenger.pace(delivery);
    } catch (RuntimeException e) {
      log.warn("Pacing outbox row {} failed; sending it now", row.id(), e);
      return Pace.NOW;
    }
  }

  /**
   * What the messenger calls right before the request that may create the message: the row is
   * marked as being sent then, and only then, so that a crash before it leaves the row plainly
   * pending (tried again without a check) and one after it leaves in doubt only what was on the
   * wire.
   */
  private final class Writing implements Messenger.Wire {
    private final Claimed row;
    private final InFlight flight;
    private final Marks marks;
    private final OnTheWire.Place place;
    private volatile boolean marked;
    private boolean refused;

    Writing(Claimed row, InFlight flight, Marks marks, OnTheWire.Place place) {
      this.row = row;
      this.flight = flight;
      this.marks = marks;
      this.place = place;
    }

    /** Called on the send's own thread (never two at once for one delivery), so not locked. */
    @Override
    public boolean writing() {
      if (marked) {
        return true;
      }
      if (refused || stop.stopping()) {
        refused = true;
        return false;
      }
      // said before the mark, so that a stop either sees it being sent or keeps it from starting
      flight.sending = true;
      if (stop.stopping()) {
        return refuse();
      }
      boolean ours;
      try {
        ours = marks.sending(row.held());
      } catch (RuntimeException e) {
        if (!stop.halted()) {
          log.warn("Marking outbox row {} as being sent failed; not sending it", row.id(), e);
        }
        return refuse();
      }
      if (!ours) {
        log.info(
            "Outbox row {}: its lease was lost before sending; another instance has it", row.id());
        return refuse();
      }
      marked = true;
      place.written();
      return true;
    }

    private boolean refuse() {
      flight.sending = false;
      refused = true;
      return false;
    }
  }

  /** A row given back at shutdown before its platform call: the worker releases it. */
  private static final class Released extends RuntimeException {
    Released() {
      super("released at shutdown", null, false, false);
    }
  }
}
