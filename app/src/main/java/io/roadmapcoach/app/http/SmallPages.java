package io.roadmapcoach.app.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The app's own answer for a request that reaches nothing (404) or cannot be read (400, and what
 * else Jetty refuses): a few lines of HTML that say no more than the status, name no server or
 * version, load nothing and run nothing.
 */
final class SmallPages {
  static final String CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

  private SmallPages() {}

  /** The headers every one of these answers carries. */
  static void guard(HttpFields.Mutable headers) {
    headers.put("Content-Security-Policy", CSP);
    headers.put("X-Content-Type-Options", "nosniff");
    headers.put("Referrer-Policy", "no-referrer");
    headers.put(HttpHeader.CACHE_CONTROL, "no-store");
    headers.put(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8");
  }

  static String html(int status) {
    String reason = HttpStatus.getMessage(status);
    return "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
        + status
        + " "
        + reason
        + "</title></head><body><h1>"
        + reason
        + "</h1><p>"
        + explanation(status)
        + "</p></body></html>\n";
  }

  private static String explanation(int status) {
    return switch (status) {
      case 400 -> "The address could not be read. Nothing was changed.";
      case 404 -> "There is nothing at this address.";
      case 405 -> "This address does not answer that method.";
      default -> "The request was not carried out.";
    };
  }

  static ByteBuffer bytes(int status) {
    return ByteBuffer.wrap(html(status).getBytes(StandardCharsets.UTF_8));
  }

  static boolean write(Response response, Callback callback, int status) {
    response.setStatus(status);
    guard(response.getHeaders());
    response.write(true, bytes(status), callback);
    return true;
  }
}
