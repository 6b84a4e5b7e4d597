package io.roadmapcoach.app.http;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.function.LongSupplier;

/**
 * What {@code /metrics} shows: the JVM, and what the server run binds to it (the core's {@link
 * CoreMetrics}, the {@link OutboxGauges}, the connection pool, Discord's gateway).
 */
public final class AppMetrics {
  private AppMetrics() {}

  /** The JVM's meters only; the rest is bound as the run starts its parts. */
  public static PrometheusMeterRegistry create() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    return registry;
  }

  /**
   * {@code roadmap_discord_gateway_ping_seconds}: the heartbeat's round trip to Discord's gateway,
   * averaged over this instance's shards; NaN before the first heartbeat.
   */
  public static void discordGatewayPing(MeterRegistry registry, LongSupplier pingMillis) {
    Gauge.builder(
            "roadmap.discord.gateway.ping",
            pingMillis,
            ping -> ping.getAsLong() < 0 ? Double.NaN : ping.getAsLong() / 1000.0)
        .description("Discord gateway heartbeat round trip")
        .baseUnit("seconds")
        .register(registry);
  }
}
