package io.roadmapcoach.app.console;

import io.roadmapcoach.core.caller.Platform;
import io.roadmapcoach.core.delivery.Delivery;
import io.roadmapcoach.core.delivery.DeliveryResult;
import io.roadmapcoach.core.delivery.Messenger;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/** Delivers the outbox into the console chat: every member sits at the same terminal. */
public final class ConsoleMessenger implements Messenger {
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);

  private final ConsoleOutput output;
  private final Clock clock;
  private final ZoneId zone;

  public ConsoleMessenger(ConsoleOutput output, Clock clock, ZoneId zone) {
    this.output = output;
    this.clock = clock;
    this.zone = zone;
  }

  @Override
  public Platform platform() {
    return Platform.CONSOLE;
  }

  @Override
  public DeliveryResult send(Delivery delivery) {
    String when = WHEN.format(clock.instant().atZone(zone));
    switch (delivery.target()) {
      case Delivery.Direct dm ->
          output.delivered(
              when + " · direct message to " + dm.memberName(),
              Optional.of(dm.memberExternalId()),
              delivery.reply());
      case Delivery.ChannelPost post ->
          output.delivered(
              when + " · post in #" + post.channelName(), Optional.empty(), delivery.reply());
    }
    return DeliveryResult.Sent.plain();
  }
}
