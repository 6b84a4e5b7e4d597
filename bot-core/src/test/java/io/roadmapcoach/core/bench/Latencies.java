package io.roadmapcoach.core.bench;

import java.util.Arrays;
import java.util.Locale;

/** Wall-clock samples of one operation, summarised as benchmarks print them. */
final class Latencies {
  private final String name;
  private final long[] nanos;
  private int count;

  Latencies(String name, int capacity) {
    this.name = name;
    this.nanos = new long[capacity];
  }

  void time(Runnable operation) {
    long start = System.nanoTime();
    operation.run();
    nanos[count++] = System.nanoTime() - start;
  }

  String summary() {
    long[] sorted = Arrays.copyOf(nanos, count);
    Arrays.sort(sorted);
    return String.format(
        Locale.ROOT,
        "%-22s %6d calls   p50 %7.2f ms   p99 %7.2f ms   max %7.2f ms",
        name,
        count,
        millis(sorted, 0.50),
        millis(sorted, 0.99),
        sorted[count - 1] / 1e6);
  }

  double p99Millis() {
    long[] sorted = Arrays.copyOf(nanos, count);
    Arrays.sort(sorted);
    return millis(sorted, 0.99);
  }

  private static double millis(long[] sorted, double quantile) {
    int index = (int) Math.ceil(quantile * sorted.length) - 1;
    return sorted[Math.max(0, index)] / 1e6;
  }
}
