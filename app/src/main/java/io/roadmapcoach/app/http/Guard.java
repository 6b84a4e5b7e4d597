package io.roadmapcoach.app.http;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * In front of every route of a port: an address whose path or query is not well percent-encoded
 * UTF-8 ({@code ?sort=%ff}) is answered 400 before any route sees it, with one rate-limited log
 * line and no stack trace; an address no route takes gets the app's own 404 page; under an https
 * {@code PUBLIC_URL} every answer tells browsers to use https only.
 */
final class Guard extends Handler.Wrapper {
  /** A year: the usual for a site that is https only. */
  static final String STRICT_TRANSPORT_SECURITY = "max-age=31536000";

  private final RefusalLog refusals;
  private volatile boolean strictTransportSecurity;

  Guard(Handler routes, RefusalLog refusals) {
    super(routes);
    this.refusals = refusals;
  }

  void strictTransportSecurity(boolean on) {
    this.strictTransportSecurity = on;
  }

  boolean strictTransportSecurity() {
    return strictTransportSecurity;
  }

  static void strictTransportSecurity(HttpFields.Mutable headers) {
    headers.put("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    if (strictTransportSecurity) {
      strictTransportSecurity(response.getHeaders());
    }
    String path = request.getHttpURI().getPath();
    if (!wellEncoded(path) || !wellEncoded(request.getHttpURI().getQuery())) {
      refusals.malformed(request.getMethod(), path);
      return SmallPages.write(response, callback, 400);
    }
    if (super.handle(request, response, callback)) {
      return true;
    }
    return SmallPages.write(response, callback, 404);
  }

  /**
   * Whether every {@code %} starts two hex digits and the bytes they make, with the rest, are
   * UTF-8.
   */
  static boolean wellEncoded(String raw) {
    if (raw == null || raw.indexOf('%') < 0) {
      return true;
    }
    byte[] text = raw.getBytes(StandardCharsets.UTF_8);
    ByteBuffer decoded = ByteBuffer.allocate(text.length);
    for (int i = 0; i < text.length; i++) {
      if (text[i] != '%') {
        decoded.put(text[i]);
        continue;
      }
      if (i + 2 >= text.length) {
        return false;
      }
      int high = Character.digit(text[i + 1], 16);
      int low = Character.digit(text[i + 2], 16);
      if (high < 0 || low < 0) {
        return false;
      }
      decoded.put((byte) (high * 16 + low));
      i += 2;
    }
    decoded.flip();
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(decoded);
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }
}
