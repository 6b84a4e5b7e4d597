package io.roadmapcoach.slack.commands;

import com.google.gson.Gson;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestType;
import com.slack.api.bolt.response.Response;
import com.slack.api.util.json.GsonFactory;
import io.roadmapcoach.core.reply.Apologies;
import io.roadmapcoach.core.tx.DatabaseUnavailable;
import io.roadmapcoach.slack.http.QuietLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * With many workspaces Bolt looks the request's installation up before any listener runs, and
 * during a database outage that look-up fails: a command would get a bare HTTP 500, and Slack an
 * error instead of an answer. This middleware, just before Bolt's authorisation, answers such a
 * command as the coach answers one during an outage ({@link Apologies#databaseUnreachable()}),
 * within Slack's three seconds (the core stops trying the database for a moment after a failure, so
 * the look-up fails at once). Other requests fail as before: Slack retries an event it was not
 * acknowledged.
 */
public final class OutageAnswers implements Middleware {
  private static final Logger log = LoggerFactory.getLogger(OutageAnswers.class);
  private static final Gson JSON = GsonFactory.createSnakeCase();

  private final QuietLog outages = new QuietLog(log, Level.WARN);

  @Override
  @SuppressWarnings("rawtypes") // Bolt's interface takes a raw request
  public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
    if (req.getRequestType() != RequestType.Command) {
      return chain.next(req);
    }
    try {
      return chain.next(req);
    } catch (DatabaseUnavailable outage) {
      outages.say("A /roadmap command came while the database is unreachable; told so");
      return Response.json(
          200, JSON.toJson(SlashCommands.response(Apologies.databaseUnreachable())));
    }
  }
}
