package io.roadmapcoach.slack.http;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;

/**
 * At most so many requests per address in each window, counted in memory: a route anyone may call
 * (the install page) cannot be made to write rows, and this keeps one caller from using it without
 * end. IPv6 addresses count by their /64, the block one subscriber usually holds. At most {@code
 * mostAddresses} are tracked: when that many are in their window, a new address waits too, so a
 * flood from many addresses costs bounded memory.
 *
 * <p>The address is the connection's, or the client's when the server is configured to trust a
 * proxy's forwarded headers; behind a proxy that is not, every request counts for the proxy.
 */
public final class AddressLimit {
  private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f:.]+");

  private final int perWindow;
  private final Duration window;
  private final int mostAddresses;
  private final Clock clock;
  private final ConcurrentMap<String, Count> counts = new ConcurrentHashMap<>();

  /** Requests of one address in the window that began at {@code start}. */
  private record Count(Instant start, int requests) {}

  public AddressLimit(int perWindow, Duration window, int mostAddresses, Clock clock) {
    if (perWindow < 1 || window.isNegative() || window.isZero() || mostAddresses < 1) {
      throw new IllegalArgumentException("a limit needs a positive count, window and size");
    }
    this.perWindow = perWindow;
    this.window = window;
    this.mostAddresses = mostAddresses;
    this.clock = clock;
  }

  /**
   * Counts the request: empty when it may go ahead, else how long until the address may try again
   * (for {@code Retry-After}).
   */
  public Optional<Duration> refuse(String address) {
    String key = key(address);
    Instant now = clock.instant();
    if (!counts.containsKey(key) && counts.size() >= mostAddresses) {
      counts.values().removeIf(c -> ended(c, now));
      if (counts.size() >= mostAddresses) {
        return Optional.of(window);
      }
    }
    Count counted =
        counts.compute(
            key,
            (k, c) ->
                c == null || ended(c, now)
                    ? new Count(now, 1)
                    : new Count(c.start(), Math.min(c.requests(), perWindow) + 1));
    if (counted.requests() <= perWindow) {
      return Optional.empty();
    }
    Duration left = Duration.between(now, counted.start().plus(window));
    return Optional.of(left.isNegative() || left.isZero() ? Duration.ofSeconds(1) : left);
  }

  private boolean ended(Count count, Instant now) {
    return !now.isBefore(count.start().plus(window));
  }

  /** The address, or the /64 it is in for IPv6. */
  static String key(String address) {
    if (address == null || !address.contains(":") || !IP_LITERAL.matcher(address).matches()) {
      return String.valueOf(address);
    }
    try {
      // a literal: no name is looked up
      InetAddress parsed = InetAddress.getByName(address);
      if (parsed instanceof Inet6Address) {
        byte[] bytes = parsed.getAddress();
        return HexFormat.of().formatHex(bytes, 0, 8) + "::/64";
      }
      return parsed.getHostAddress();
    } catch (UnknownHostException e) {
      return address;
    }
  }
}
