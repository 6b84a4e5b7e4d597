package io.roadmapcoach.app.dashboard;

import io.roadmapcoach.core.dashboard.DashboardAddress;
import io.roadmapcoach.core.dashboard.DashboardService;
import io.roadmapcoach.core.dashboard.DashboardService.SignInResult;
import io.roadmapcoach.core.dashboard.DashboardService.Viewer;
import io.roadmapcoach.core.member.Channel;
import io.roadmapcoach.core.reply.Attachment;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The leads' dashboard under {@code /dashboard}: the sign-in link's page and its button, and one
 * page per channel with its CSV. Reading never changes anything; only the button's POST spends a
 * link. Every answer forbids scripts, sniffing and referrers, and is never cached.
 */
public final class DashboardHandler extends Handler.Abstract {
  private static final Logger log = LoggerFactory.getLogger(DashboardHandler.class);

  static final String COOKIE = "roadmap_dashboard";
  static final String CSP =
      "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self';"
          + " frame-ancestors 'none'; base-uri 'none'";

  static final String SIGN_OUT = "/dashboard/sign-out";
  private static final Pattern LINK = Pattern.compile("/dashboard/link/([^/]+)");
  private static final Pattern CHANNEL = Pattern.compile("/dashboard/c/(\\d{1,18})");
  private static final Pattern CSV = Pattern.compile("/dashboard/c/(\\d{1,18})/members\\.csv");
  private static final String HTML = "text/html; charset=utf-8";

  private final DashboardService dashboard;
  private final DashboardAddress address;

  /**
   * @param address where the dashboard is reached; none means every page says it is not configured
   */
  public DashboardHandler(DashboardService dashboard, DashboardAddress address) {
    this.dashboard = dashboard;
    this.address = address;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    secure(response);
    Optional<String> base = address.baseUrl();
    if (base.isEmpty()) {
      return html(response, callback, 503, Pages.notConfigured());
    }
    // the whole path: no context is set around this handler (and Jetty's path-in-context needs one)
    String path = request.getHttpURI().getCanonicalPath();
    String method = request.getMethod();
    try {
      Matcher link = LINK.matcher(path);
      if (link.matches()) {
        if (HttpMethod.POST.is(method)) {
          return signIn(request, response, callback, link.group(1), base.get());
        }
        if (!reading(method)) {
          return notAllowed(response, callback, "GET, HEAD, POST");
        }
        return linkPage(response, callback, link.group(1));
      }
      if (path.equals(SIGN_OUT)) {
        if (!HttpMethod.POST.is(method)) {
          return notAllowed(response, callback, "POST");
        }
        return signOut(request, response, callback, base.get());
      }
      if (!reading(method)) {
        return notAllowed(response, callback, "GET, HEAD");
      }
      Optional<Viewer> viewer = viewer(request);
      if (viewer.isEmpty()) {
        return html(response, callback, 401, Pages.signedOut());
      }
      if (path.equals("/dashboard") || path.equals("/dashboard/")) {
        return home(request, response, callback, viewer.get());
      }
      Matcher page = CHANNEL.matcher(path);
      if (page.matches()) {
        return channel(request, response, callback, viewer.get(), Long.parseLong(page.group(1)));
      }
      Matcher csv = CSV.matcher(path);
      if (csv.matches()) {
        return csv(response, callback, viewer.get(), Long.parseLong(csv.group(1)));
      }
      return html(response, callback, 404, Pages.notFound());
    } catch (RuntimeException e) {
      log.error("A dashboard page failed", e);
      return html(
          response,
          callback,
          500,
          Pages.message("Something went wrong", "Nothing was changed. Please try again."));
    }
  }

  private static boolean reading(String method) {
    return HttpMethod.GET.is(method) || HttpMethod.HEAD.is(method);
  }

  // ---- signing in

  private boolean linkPage(Response response, Callback callback, String token) {
    DashboardService.LinkState state = dashboard.linkState(token);
    if (state == DashboardService.LinkState.VALID) {
      return html(response, callback, 200, Pages.openButton(token));
    }
    return refused(response, callback, state);
  }

  private boolean signIn(
      Request request, Response response, Callback callback, String token, String base) {
    if (!fromOwnPage(request, base)) {
      // a form on another site cannot sign a browser in with a link it holds
      return html(
          response,
          callback,
          403,
          Pages.message("Refused", "Open the link from chat to sign in to the dashboard."));
    }
    SignInResult result = dashboard.signIn(token);
    if (result.signIn().isEmpty()) {
      return refused(response, callback, result.state());
    }
    DashboardService.SignIn signIn = result.signIn().get();
    Response.addCookie(response, cookie(signIn.sessionId(), signIn.lifetime().toSeconds(), base));
    return redirect(request, response, callback, "/dashboard/c/" + signIn.channelId());
  }

  /**
   * {@code POST /dashboard/sign-out}: ends the browser's session and forgets its cookie. Only from
   * the dashboard's own pages (another site's form cannot sign a lead out), and a request without a
   * session writes nothing.
   */
  private boolean signOut(Request request, Response response, Callback callback, String base) {
    if (!fromOwnPage(request, base)) {
      return html(
          response,
          callback,
          403,
          Pages.message("Refused", "Sign out from the dashboard's own page."));
    }
    sessionIds(request).forEach(dashboard::signOut);
    Response.addCookie(response, cookie("", 0, base));
    return html(response, callback, 200, Pages.signedOutNow());
  }

  /** The session's cookie: HttpOnly, SameSite=Lax, Secure over https; a max age of 0 deletes it. */
  private static HttpCookie cookie(String value, long maxAgeSeconds, String base) {
    return HttpCookie.build(COOKIE, value)
        .path("/dashboard")
        .httpOnly(true)
        .sameSite(HttpCookie.SameSite.LAX)
        .secure(base.toLowerCase(Locale.ROOT).startsWith("https:"))
        .maxAge(maxAgeSeconds)
        .build();
  }

  private static boolean refused(
      Response response, Callback callback, DashboardService.LinkState state) {
    int status = state == DashboardService.LinkState.UNKNOWN ? 404 : 410;
    return html(response, callback, status, Pages.linkRefused(state));
  }

  /**
   * Whether the POST comes from the dashboard's own page. Browsers say so in {@code
   * Sec-Fetch-Site}; where they do not, a real {@code Origin} must be ours. (Under our {@code
   * no-referrer} policy browsers send {@code Origin: null} even from our own page, so that alone
   * cannot decide.)
   */
  static boolean fromOwnPage(Request request, String base) {
    String site = request.getHeaders().get("Sec-Fetch-Site");
    if (site != null) {
      return site.equals("same-origin");
    }
    String origin = request.getHeaders().get(HttpHeader.ORIGIN);
    return origin == null || origin.equals("null") || origin.equalsIgnoreCase(origin(base));
  }

  /** {@code scheme://host[:port]} of the public address, as browsers send it in Origin. */
  static String origin(String base) {
    URI uri = URI.create(base);
    return uri.getScheme().toLowerCase(Locale.ROOT)
        + "://"
        + uri.getHost().toLowerCase(Locale.ROOT)
        + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
  }

  private Optional<Viewer> viewer(Request request) {
    return sessionIds(request).stream()
        .map(dashboard::viewer)
        .flatMap(Optional::stream)
        .findFirst();
  }

  /** The session ids the browser sent (one, unless it keeps cookies of two paths). */
  private static List<String> sessionIds(Request request) {
    return Request.getCookies(request).stream()
        .filter(cookie -> COOKIE.equals(cookie.getName()))
        .map(HttpCookie::getValue)
        .toList();
  }

  // ---- pages

  private boolean home(Request request, Response response, Callback callback, Viewer viewer) {
    List<Channel> channels = dashboard.channels(viewer);
    if (channels.isEmpty()) {
      return html(response, callback, 200, Pages.noChannels());
    }
    long first =
        channels.stream()
            .filter(c -> c.id() == viewer.firstChannelId())
            .findFirst()
            .orElse(channels.getFirst())
            .id();
    return redirect(request, response, callback, "/dashboard/c/" + first);
  }

  private boolean channel(
      Request request, Response response, Callback callback, Viewer viewer, long channelId) {
    var report = dashboard.report(viewer, channelId);
    if (report.isEmpty()) {
      return html(response, callback, 404, Pages.notFound());
    }
    Fields query = Request.extractQueryParameters(request);
    MemberSort sort = MemberSort.of(query.getValue("sort"), query.getValue("dir"));
    String page = Pages.channel(report.get(), dashboard.channels(viewer), sort, dashboard.charts());
    return html(response, callback, 200, page);
  }

  private boolean csv(Response response, Callback callback, Viewer viewer, long channelId) {
    Optional<Attachment> file = dashboard.csv(viewer, channelId);
    if (file.isEmpty()) {
      return html(response, callback, 404, Pages.notFound());
    }
    response.setStatus(200);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/csv; charset=utf-8");
    response
        .getHeaders()
        .put(
            HttpHeader.CONTENT_DISPOSITION,
            "attachment; filename=\"" + file.get().fileName() + "\"");
    response.write(true, ByteBuffer.wrap(file.get().bytes()), callback);
    return true;
  }

  // ---- answers

  private static void secure(Response response) {
    var headers = response.getHeaders();
    headers.put("Content-Security-Policy", CSP);
    headers.put("X-Content-Type-Options", "nosniff");
    headers.put("Referrer-Policy", "no-referrer");
    headers.put("X-Frame-Options", "DENY");
    headers.put(HttpHeader.CACHE_CONTROL, "no-store");
  }

  private static boolean html(Response response, Callback callback, int status, String page) {
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, HTML);
    response.write(true, ByteBuffer.wrap(page.getBytes(StandardCharsets.UTF_8)), callback);
    return true;
  }

  private static boolean redirect(
      Request request, Response response, Callback callback, String location) {
    Response.sendRedirect(request, response, callback, 303, location, true);
    return true;
  }

  private static boolean notAllowed(Response response, Callback callback, String allowed) {
    response.getHeaders().put(HttpHeader.ALLOW, allowed);
    return html(
        response,
        callback,
        405,
        Pages.message("Not allowed", "This address answers " + allowed + " only."));
  }
}
