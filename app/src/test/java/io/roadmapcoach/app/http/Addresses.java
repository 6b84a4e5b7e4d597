package io.roadmapcoach.app.http;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.util.Optional;

/** This machine's addresses, for tests that a port listens on loopback only. */
public final class Addresses {
  private Addresses() {}

  /** One of this machine's IPv4 addresses other than loopback, if it has one. */
  public static Optional<InetAddress> anyButLoopback() throws IOException {
    return NetworkInterface.networkInterfaces()
        .flatMap(NetworkInterface::inetAddresses)
        .filter(address -> address instanceof Inet4Address)
        .filter(address -> !address.isLoopbackAddress())
        .findFirst();
  }

  /** Nothing takes {@code address}'s connections on {@code port}. */
  public static void assertRefused(InetAddress address, int port) throws IOException {
    try (Socket socket = new Socket()) {
      assertThatThrownBy(() -> socket.connect(new InetSocketAddress(address, port), 2000))
          .isInstanceOf(IOException.class);
    }
  }
}
