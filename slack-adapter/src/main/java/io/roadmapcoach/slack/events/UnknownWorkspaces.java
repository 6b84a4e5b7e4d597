package io.roadmapcoach.slack.events;

import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.middleware.MiddlewareOps;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestType;
import com.slack.api.bolt.response.Response;
import io.roadmapcoach.core.caller.Platform;
import io.roadmapcoach.core.installation.Installations;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An event from a workspace with no installation (it removed the app, and Slack still had some in
 * flight) is acknowledged and ignored, and said once in the log, instead of Bolt's 401, which Slack
 * would retry. Uninstall events themselves pass: they are how the app learns of it.
 */
public final class UnknownWorkspaces implements Middleware {
  private static final Logger log = LoggerFactory.getLogger(UnknownWorkspaces.class);
  private static final int MOST_REMEMBERED = 10_000;

  private final Installations installations;
  private final Set<String> told = ConcurrentHashMap.newKeySet();

  public UnknownWorkspaces(Installations installations) {
    this.installations = installations;
  }

  @Override
  @SuppressWarnings("rawtypes") // Bolt's interface takes a raw request
  public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
    if (req.getRequestType() != RequestType.Event || MiddlewareOps.isNoTokenRequiredRequest(req)) {
      return chain.next(req);
    }
    String team = req.getContext().getTeamId();
    if (team != null && installations.installed(Platform.SLACK, team)) {
      told.remove(team); // installed (again): a later removal is worth saying again
      return chain.next(req);
    }
    if (told.size() >= MOST_REMEMBERED) {
      told.clear();
    }
    if (told.add(String.valueOf(team))) {
      log.info("Ignoring events from Slack workspace {}: the app is not installed there", team);
    }
    return Response.ok();
  }
}
