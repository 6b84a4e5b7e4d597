package io.roadmapcoach.core.delivery;

import io.roadmapcoach.core.caller.Platform;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A chat platform in the test's memory that records every call and every message it creates, and
 * can look up a message by its delivery key the way Slack's metadata check does: a delivery in
 * doubt whose key is already here is answered "already sent" without creating anything. Each
 * instance under test gets its own {@link #messenger()}, all on the one platform.
 */
final class FakePlatform {
  /** One send call as the platform received it. */
  record Call(String key, String target, boolean inDoubt, boolean created) {}

  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final Map<String, AtomicInteger> created = new ConcurrentHashMap<>();

  List<Call> calls() {
    return List.copyOf(calls);
  }

  /** How many messages exist per delivery key. */
  Map<String, Integer> messages() {
    Map<String, Integer> out = new ConcurrentHashMap<>();
    created.forEach((k, v) -> out.put(k, v.get()));
    return out;
  }

  int messageCount() {
    return created.values().stream().mapToInt(AtomicInteger::get).sum();
  }

  /** A messenger of one instance; the hooks let a test act at chosen moments. */
  Messenger messenger() {
    return new Sender();
  }

  /** What a test may hook into one instance's messenger. */
  final class Sender implements Messenger {
    /** Runs after the platform created the message, before the messenger answers. */
    volatile Consumer<Delivery> afterAccepted = d -> {};

    /** Runs before anything reaches the platform (to slow or block one call). */
    volatile Consumer<Delivery> beforeCall = d -> {};

    /** The turn each delivery is given. */
    volatile java.util.function.Function<Delivery, Pace> pacing = d -> Pace.NOW;

    /** Runs before the request that may create the message is written (a DM look-up, say). */
    volatile Consumer<Delivery> beforeWriting = d -> {};

    /** Deliveries of one workspace this messenger has on the wire at once. */
    volatile int onTheWire = Integer.MAX_VALUE;

    @Override
    public int onTheWirePerWorkspace() {
      return onTheWire;
    }

    @Override
    public DeliveryResult send(Delivery delivery, Wire wire) {
      beforeWriting.accept(delivery);
      return wire.writing() ? send(delivery) : DeliveryResult.Withdrawn.INSTANCE;
    }

    @Override
    public Platform platform() {
      return Platform.CONSOLE;
    }

    @Override
    public Pace pace(Delivery delivery) {
      return pacing.apply(delivery);
    }

    @Override
    public DeliveryResult send(Delivery delivery) {
      beforeCall.accept(delivery);
      String key = delivery.idempotencyKey();
      String target = target(delivery);
      if (delivery.inDoubt().isPresent() && created.containsKey(key)) {
        calls.add(new Call(key, target, true, false));
        return new DeliveryResult.Sent(java.util.Optional.empty(), true);
      }
      created.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
      calls.add(new Call(key, target, delivery.inDoubt().isPresent(), true));
      afterAccepted.accept(delivery);
      return DeliveryResult.Sent.plain();
    }
  }

  static String target(Delivery delivery) {
    return switch (delivery.target()) {
      case Delivery.Direct d -> d.memberExternalId();
      case Delivery.ChannelPost p -> p.channelExternalId();
    };
  }

  /** Sleeps, for hooks; an interrupt ends the sleep. */
  static void sleep(Duration d) {
    try {
      Thread.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static List<String> keys(List<Call> calls) {
    List<String> out = new ArrayList<>();
    calls.forEach(c -> out.add(c.key()));
    return out;
  }
}
