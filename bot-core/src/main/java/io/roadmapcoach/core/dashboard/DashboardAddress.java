package io.roadmapcoach.core.dashboard;

import java.util.Optional;

/**
 * Where the dashboard is reached: {@code PUBLIC_URL} on a server, a local port in the console
 * (opened the first time a lead asks), or nowhere when it is not configured.
 */
@FunctionalInterface
public interface DashboardAddress {
  /** The base address without a trailing slash, e.g. {@code https://coach.example.org}. */
  Optional<String> baseUrl();

  static DashboardAddress none() {
    return Optional::empty;
  }

  static DashboardAddress fixed(String baseUrl) {
    String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    return () -> Optional.of(base);
  }
}
