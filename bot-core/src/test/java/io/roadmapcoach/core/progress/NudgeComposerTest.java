package io.roadmapcoach.core.progress;

import static io.roadmapcoach.db.schema.Tables.OUTBOX;
import static org.assertj.core.api.Assertions.assertThat;

import io.roadmapcoach.core.caller.Caller;
import io.roadmapcoach.core.caller.Platform;
import io.roadmapcoach.core.delivery.Delivery;
import io.roadmapcoach.core.delivery.DeliveryResult;
import io.roadmapcoach.core.delivery.Messenger;
import io.roadmapcoach.core.reply.Block;
import io.roadmapcoach.core.reply.Span;
import io.roadmapcoach.core.testing.CoachFixture;
import io.roadmapcoach.db.testing.PostgresExtension;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The daily nudge as the member receives it, swept and delivered by the core's own worker. */
@ExtendWith(PostgresExtension.class)
class NudgeComposerTest {
  private static final Instant TUESDAY_NINE = Instant.parse("2026-03-03T09:00:00Z");

  private final CoachFixture f = CoachFixture.builtIn();
  private final Caller ana = f.caller("ana", "UTC");
  private final List<Delivery> sent = new ArrayList<>();

  @BeforeEach
  void anaEnrolledOnMonday() {
    f.say(ana, "start");
    f.core()
        .deliveries()
        .register(
            new Messenger() {
              @Override
              public Platform platform() {
                return Platform.CONSOLE;
              }

              @Override
              public DeliveryResult send(Delivery delivery) {
                sent.add(delivery);
                return DeliveryResult.Sent.plain();
              }
            });
  }

  private void sweepAndDeliverAt(Instant at) {
    f.clock().set(at);
    new NudgeSweep(f.dsl(), f.services().transactions()).sweep(at);
    f.core().deliveries().drainDue();
  }

  @Test
  void theNudgeOffersTheNextObjectivesFirstResourceAsALink() {
    sweepAndDeliverAt(TUESDAY_NINE);

    assertThat(sent).hasSize(1);
    var nudge = sent.getFirst().reply();
    assertThat(nudge.plainText())
        .contains(
            "Next: objective 1 - Learn the foundations",
            "📖 Start with Mathematics for Machine Learning (Deisenroth, Faisal, Ong (Cambridge"
                + " University Press), free).");
    assertThat(nudge.blocks())
        .filteredOn(Block.Context.class::isInstance)
        .flatExtracting(b -> ((Block.Context) b).text().spans())
        .contains(new Span.Link("Mathematics for Machine Learning", "https://mml-book.github.io/"));
  }

  @Test
  void aDayWhoseOnlyObjectiveWasTakenBackStillGetsItsNudge() {
    f.at("2026-03-03T07:00:00Z").say(ana, "done 1");
    f.say(ana, "undo 1");

    sweepAndDeliverAt(TUESDAY_NINE);

    assertThat(sent).as("delivered, not dropped as already active").hasSize(1);
    assertThat(sent.getFirst().reply().plainText()).contains("Next: objective 1");
    assertThat(f.dsl().fetchSingle(OUTBOX).getStatus()).isEqualTo("sent");
  }
}
