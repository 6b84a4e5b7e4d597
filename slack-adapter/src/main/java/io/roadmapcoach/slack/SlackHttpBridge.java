package io.roadmapcoach.slack;

import com.slack.api.app_backend.SlackSignature;
import com.slack.api.bolt.App;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.util.SlackRequestParser;
import io.roadmapcoach.slack.http.QuietLog;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * Our bridge from Jetty 12 to Bolt (Bolt 1.51 has no adapter for it): {@code POST /slack/events}
 * with its raw body and headers becomes a Bolt request, {@code app.run} answers it, and the answer
 * is written back. Before Bolt sees anything the bridge refuses what Slack would never send: bodies
 * over 64 KiB (413), and requests whose signature does not verify (401), including timestamps more
 * than five minutes old <em>or ahead</em>, with the signature compared in constant time. A replay
 * of a request already seen (same timestamp and signature) is acknowledged with an empty 200 and
 * not handled again ({@link Replays}). Bolt's own signature check then runs again inside the app.
 */
public final class SlackHttpBridge extends Handler.Abstract {
  public static final String PATH = "/slack/events";
  static final int MAX_BODY_BYTES = 64 * 1024;

  /** How much of a body over the limit is still read (and thrown away) before the 413. */
  static final int DRAIN_LIMIT = 1024 * 1024;

  private static final Logger log = LoggerFactory.getLogger(SlackHttpBridge.class);
  private static final String JSON = "application/json; charset=utf-8";

  private final App app;
  private final SlackRequestParser parser;
  private final RequestSignature signature;
  private final Replays replays;
  private final QuietLog refusals = new QuietLog(log, Level.INFO);

  /**
   * The bridge in front of any Bolt app: the adapter's own, or another (the benchmark's bare app
   * that only acknowledges, which keeps no record of requests and so does not look for replays).
   */
  public static SlackHttpBridge forApp(App app, String signingSecret, Clock clock) {
    return new SlackHttpBridge(
        app, new RequestSignature(signingSecret, clock), Replays.notChecked());
  }

  SlackHttpBridge(App app, RequestSignature signature, Replays replays) {
    this.app = app;
    this.parser = new SlackRequestParser(app.config());
    this.signature = signature;
    this.replays = replays;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    if (!PATH.equals(request.getHttpURI().getPath())) {
      return false;
    }
    try {
      Answer reply = answer(request);
      response.setStatus(reply.status());
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, reply.contentType());
      reply
          .headers()
          .forEach((name, values) -> values.forEach(v -> response.getHeaders().add(name, v)));
      response.write(
          true, ByteBuffer.wrap(reply.body().getBytes(StandardCharsets.UTF_8)), callback);
    } catch (RuntimeException e) {
      callback.failed(e);
    }
    return true;
  }

  private record Answer(
      int status, String contentType, Map<String, List<String>> headers, String body) {
    static Answer json(int status, String body) {
      return new Answer(status, JSON, Map.of(), body);
    }
  }

  /**
   * 413. A body of up to {@link #DRAIN_LIMIT} is read to its end and thrown away first: answering
   * while the client is still sending makes the connection close under it, and it may never see the
   * answer. A larger one is answered at once, and the connection closed.
   */
  private static Answer tooLarge(InputStream in, long declared) throws IOException {
    if (declared <= DRAIN_LIMIT) {
      byte[] buffer = new byte[8192];
      long read = 0;
      int n;
      while (read <= DRAIN_LIMIT && (n = in.read(buffer)) >= 0) {
        read += n;
      }
    }
    return Answer.json(413, "{\"error\":\"request body too large\"}");
  }

  private Answer answer(Request request) {
    if (!HttpMethod.POST.is(request.getMethod())) {
      return Answer.json(405, "{\"error\":\"method not allowed\"}");
    }
    long declared = request.getLength();
    byte[] bytes;
    try (InputStream in = Request.asInputStream(request)) {
      if (declared > MAX_BODY_BYTES) {
        return tooLarge(in, declared);
      }
      bytes = in.readNBytes(MAX_BODY_BYTES + 1);
      if (bytes.length > MAX_BODY_BYTES) {
        return tooLarge(in, -1);
      }
    } catch (IOException e) {
      return Answer.json(400, "{\"error\":\"unreadable request\"}");
    }
    String body = new String(bytes, StandardCharsets.UTF_8);
    Map<String, List<String>> headers = headers(request);
    RequestHeaders boltHeaders = new RequestHeaders(headers);
    String timestamp =
        boltHeaders.getFirstValue(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP);
    String signed = boltHeaders.getFirstValue(SlackSignature.HeaderNames.X_SLACK_SIGNATURE);
    RequestSignature.Verdict verdict = signature.check(timestamp, signed, body);
    if (verdict != RequestSignature.Verdict.VALID) {
      refused(request, verdict);
      return Answer.json(401, "{\"error\":\"invalid request\"}");
    }
    if (!replays.firstTime(Instant.ofEpochSecond(Long.parseLong(timestamp)), signed)) {
      refused(request, "a replay of a request already handled");
      return new Answer(200, "text/plain; charset=utf-8", Map.of(), "");
    }
    Optional<String> unknown = BoltRequests.unrecognised(body);
    if (unknown.isPresent()) {
      // Bolt would log the whole body at WARN: a signed body carries members' words and ids
      log.info("Ignored a signed request Bolt does not handle: {}", unknown.get());
      return Answer.json(404, "{\"error\":\"no handler for this request\"}");
    }
    com.slack.api.bolt.request.Request<?> slackRequest; // Bolt's, not Jetty's
    try {
      slackRequest =
          parser.parse(
              SlackRequestParser.HttpRequest.builder()
                  .requestUri(PATH)
                  .requestBody(body)
                  .headers(boltHeaders)
                  .remoteAddress(Request.getRemoteAddr(request))
                  .build());
    } catch (RuntimeException e) {
      log.info("Refused a signed request Bolt could not read: {}", e.getClass().getSimpleName());
      return Answer.json(400, "{\"error\":\"unreadable request\"}");
    }
    if (slackRequest == null) {
      return Answer.json(404, "{\"error\":\"no handler for this request\"}");
    }
    try {
      var result = app.run(slackRequest);
      String type = result.getContentType() == null ? JSON : result.getContentType();
      Map<String, List<String>> extra =
          result.getHeaders() == null ? Map.of() : result.getHeaders();
      Map<String, List<String>> safe = new HashMap<>(extra);
      safe.keySet()
          .removeIf(
              name ->
                  name.equalsIgnoreCase("content-type") || name.equalsIgnoreCase("content-length"));
      return new Answer(
          result.getStatusCode() == null ? 200 : result.getStatusCode(),
          type,
          safe,
          result.getBody() == null ? "" : result.getBody());
    } catch (Exception e) {
      log.error("Handling a Slack request failed", e);
      return Answer.json(500, "{\"error\":\"internal error\"}");
    }
  }

  /** Says so at INFO at most every ten seconds, so a flood of forged requests is no log flood. */
  private void refused(Request request, Object why) {
    refusals.say("Refused a request to {} from {}: {}", PATH, Request.getRemoteAddr(request), why);
  }

  private static Map<String, List<String>> headers(Request request) {
    Map<String, List<String>> headers = new HashMap<>();
    for (HttpField field : request.getHeaders()) {
      headers.computeIfAbsent(field.getName(), k -> new ArrayList<>(1)).add(field.getValue());
    }
    return headers;
  }
}
