package io.roadmapcoach.app.http;

import java.nio.ByteBuffer;
import java.util.function.BooleanSupplier;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * What Jetty answers itself (a request it cannot parse, a header too large, nothing to handle it):
 * the app's small page instead of Jetty's own, which names Jetty and its version and carries no
 * Content-Security-Policy.
 */
final class QuietErrors extends ErrorHandler {
  private final BooleanSupplier strictTransportSecurity;

  QuietErrors(BooleanSupplier strictTransportSecurity) {
    this.strictTransportSecurity = strictTransportSecurity;
    setShowStacks(false);
    setShowCauses(false);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    int status =
        request.getAttribute(ERROR_STATUS) instanceof Integer code ? code : response.getStatus();
    if (strictTransportSecurity.getAsBoolean()) {
      Guard.strictTransportSecurity(response.getHeaders());
    }
    return SmallPages.write(response, callback, status);
  }

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    SmallPages.guard(fields);
    if (strictTransportSecurity.getAsBoolean()) {
      Guard.strictTransportSecurity(fields);
    }
    return SmallPages.bytes(status);
  }
}
