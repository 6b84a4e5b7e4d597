package io.roadmapcoach.discord;

import static org.assertj.core.api.Assertions.assertThat;

import io.roadmapcoach.core.reply.Reply;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The race between the core's answer and the deferral timer: exactly one first response. */
class AcknowledgementsTest {

  @Test
  void anAnswerSlowerThanTheWindowIsDeferredAndFinishedThroughTheHook() {
    List<String> steps = new ArrayList<>();
    Acknowledgements.Exchange exchange = recording(steps);

    exchange.deferIfOpen(); // the timer fired first
    exchange.complete(Reply.text("done"));
    exchange.deferIfOpen(); // a late timer changes nothing

    assertThat(steps).containsExactly("defer", "followUp");
  }

  @Test
  void anAnswerWithinTheWindowIsSentDirectlyAndTheTimerDoesNothing() {
    List<String> steps = new ArrayList<>();
    Acknowledgements.Exchange exchange = recording(steps);

    exchange.complete(Reply.text("done"));
    exchange.deferIfOpen();

    assertThat(steps).containsExactly("answer");
  }

  private static Acknowledgements.Exchange recording(List<String> steps) {
    return new Acknowledgements.Exchange() {
      @Override
      void answer(Reply reply) {
        steps.add("answer");
      }

      @Override
      void defer() {
        steps.add("defer");
      }

      @Override
      void followUp(Reply reply) {
        steps.add("followUp");
      }
    };
  }
}
