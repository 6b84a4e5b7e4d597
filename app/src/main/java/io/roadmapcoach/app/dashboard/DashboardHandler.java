package io.roadmapcoach.app.dashboard;

import io.roadmapcoach.core.action.Action;
import io.roadmapcoach.core.action.ActionCodec;
import io.roadmapcoach.core.caller.Caller;
import io.roadmapcoach.core.caller.Upload;
import io.roadmapcoach.core.command.Coach;
import io.roadmapcoach.core.curriculum.CurriculumFeature;
import io.roadmapcoach.core.dashboard.DashboardAddress;
import io.roadmapcoach.core.dashboard.DashboardService;
import io.roadmapcoach.core.dashboard.DashboardService.SignInResult;
import io.roadmapcoach.core.dashboard.DashboardService.Viewer;
import io.roadmapcoach.core.member.Channel;
import io.roadmapcoach.core.reply.Attachment;
import io.roadmapcoach.core.reply.Reply;
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
import org.eclipse.jetty.server.FormFields;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The leads' dashboard under {@code /dashboard}: the sign-in link's page and its button, and one
 * page per channel with its CSV and its roadmap upload form. Reading never changes anything; only
 * the button's POST spends a link, and only the upload form's POSTs (from our own page, with the
 * session's token, by a lead of the channel) reach the coach, as the lead's own command and press.
 * Every answer forbids scripts, sniffing and referrers, and is never cached.
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
  private static final Pattern UPLOAD = Pattern.compile("/dashboard/c/(\\d{1,18})/roadmap");
  private static final Pattern APPLY = Pattern.compile("/dashboard/c/(\\d{1,18})/roadmap/apply");
  private static final Pattern PREVIEW_ID = Pattern.compile("\\d{1,12}");
  private static final String HTML = "text/html; charset=utf-8";

  /** The Apply form's field naming the preview it applies. */
  static final String PREVIEW = "preview";

  private final DashboardService dashboard;
  private final Coach coach;
  private final DashboardAddress address;

  /**
   * @param coach where the upload form's file and its Apply go, as the lead's command and press
   * @param address where the dashboard is reached; none means every page says it is not configured
   */
  public DashboardHandler(DashboardService dashboard, Coach coach, DashboardAddress address) {
    this.dashboard = dashboard;
    this.coach = coach;
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
      Matcher upload = UPLOAD.matcher(path);
      if (upload.matches()) {
        if (!HttpMethod.POST.is(method)) {
          return notAllowed(response, callback, "POST");
        }
        return upload(request, response, callback, Long.parseLong(upload.group(1)), base.get());
      }
      Matcher apply = APPLY.matcher(path);
      if (apply.matches()) {
        if (!HttpMethod.POST.is(method)) {
          return notAllowed(response, callback, "POST");
        }
        return apply(request, response, callback, Long.parseLong(apply.group(1)), base.get());
      }
      if (!reading(method)) {
        return notAllowed(response, callback, "GET, HEAD");
      }
      Optional<Session> session = session(request);
      Optional<Viewer> viewer = session.map(Session::viewer);
      if (viewer.isEmpty()) {
        return html(response, callback, 401, Pages.signedOut());
      }
      if (path.equals("/dashboard") || path.equals("/dashboard/")) {
        return home(request, response, callback, viewer.get());
      }
      Matcher page = CHANNEL.matcher(path);
      if (page.matches()) {
        return channel(request, response, callback, session.get(), Long.parseLong(page.group(1)));
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

  /** A browser's live session: its id (what the forms' token derives from) and its lead. */
  private record Session(String id, Viewer viewer) {
    @Override
    public String toString() {
      return "Session[id=***]";
    }

    String formToken() {
      return FormToken.of(id);
    }
  }

  private Optional<Session> session(Request request) {
    for (String id : sessionIds(request)) {
      Optional<Viewer> viewer = dashboard.viewer(id);
      if (viewer.isPresent()) {
        return Optional.of(new Session(id, viewer.get()));
      }
    }
    return Optional.empty();
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
      Request request, Response response, Callback callback, Session session, long channelId) {
    Viewer viewer = session.viewer();
    var report = dashboard.report(viewer, channelId);
    if (report.isEmpty()) {
      return html(response, callback, 404, Pages.notFound());
    }
    Fields query = Request.extractQueryParameters(request);
    MemberSort sort = MemberSort.of(query.getValue("sort"), query.getValue("dir"));
    String page =
        Pages.channel(
            report.get(),
            dashboard.channels(viewer),
            sort,
            dashboard.charts(),
            session.formToken());
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

  // ---- the roadmap upload form

  /**
   * {@code POST /dashboard/c/ID/roadmap}: the file goes to the coach as the lead's {@code roadmap
   * upload} in that channel, and its answer (the problems, or the preview with Apply) is the page.
   * Refused before the body is read: another site's form (403), no session (401), a viewer who does
   * not lead the channel (403), a body that says it is too large (413).
   */
  private boolean upload(
      Request request, Response response, Callback callback, long channelId, String base) {
    Optional<Form> form = form(request, response, callback, channelId, base);
    if (form.isEmpty()) {
      return true;
    }
    if (UploadForm.saysTooLarge(request)) {
      return tooLarge(response, callback);
    }
    return switch (UploadForm.read(request)) {
      case UploadForm.TooLarge t -> tooLarge(response, callback);
      case UploadForm.Malformed m ->
          refuse(
              response,
              callback,
              400,
              "Not an upload",
              "The form could not be read. Nothing was changed.");
      case UploadForm.Parsed parsed -> {
        if (!form.get().tokenMatches(parsed.token())) {
          yield crossSite(response, callback);
        }
        if (parsed.file().isEmpty()) {
          yield refuse(
              response, callback, 400, "No file chosen", "Choose a roadmap file to upload.");
        }
        Reply reply =
            coach.handleText(form.get().caller(), CurriculumFeature.UPLOAD.text(), parsed.file());
        yield answer(response, callback, form.get(), reply);
      }
    };
  }

  /**
   * {@code POST /dashboard/c/ID/roadmap/apply}: the preview's Apply, pressed by the lead; the core
   * applies it only for the member who uploaded it, and diffs a stale preview again.
   */
  private boolean apply(
      Request request, Response response, Callback callback, long channelId, String base) {
    Optional<Form> form = form(request, response, callback, channelId, base);
    if (form.isEmpty()) {
      return true;
    }
    Fields fields;
    try {
      fields = FormFields.getFields(request, 4, 1024);
    } catch (RuntimeException e) {
      return refuse(
          response,
          callback,
          400,
          "Not an Apply",
          "The form could not be read. Nothing was changed.");
    }
    if (!form.get().tokenMatches(Optional.ofNullable(fields.getValue(UploadForm.TOKEN)))) {
      return crossSite(response, callback);
    }
    String preview = fields.getValue(PREVIEW);
    if (preview == null || !PREVIEW_ID.matcher(preview).matches()) {
      return refuse(
          response,
          callback,
          400,
          "Not an Apply",
          "The form names no preview. Nothing was changed.");
    }
    String press = ActionCodec.encode(new Action.ApplyRoadmap(Long.parseLong(preview)));
    return answer(response, callback, form.get(), coach.press(form.get().caller(), press));
  }

  /** A form's sender, once it is known to come from our page, signed in, and a lead here. */
  private record Form(Session session, Caller caller, long channelId) {
    boolean tokenMatches(Optional<String> sent) {
      return sent.filter(token -> FormToken.matches(session.id(), token)).isPresent();
    }

    String channelName() {
      return caller.channel().orElseThrow().name();
    }
  }

  /**
   * Who sent the form, or empty once the refusal is written: another site's form, no session, or
   * someone who does not lead the channel.
   */
  private Optional<Form> form(
      Request request, Response response, Callback callback, long channelId, String base) {
    if (!fromOwnPage(request, base)) {
      crossSite(response, callback);
      return Optional.empty();
    }
    Optional<Session> session = session(request);
    if (session.isEmpty()) {
      html(response, callback, 401, Pages.signedOut());
      return Optional.empty();
    }
    Optional<Caller> caller = dashboard.callerIn(session.get().viewer(), channelId);
    if (caller.isEmpty()) {
      refuse(
          response,
          callback,
          403,
          "Refused",
          "Only a lead of the channel can bring it a roadmap. Nothing was changed.");
      return Optional.empty();
    }
    return Optional.of(new Form(session.get(), caller.get(), channelId));
  }

  private static boolean crossSite(Response response, Callback callback) {
    return refuse(
        response,
        callback,
        403,
        "Refused",
        "Upload a roadmap from the dashboard's own page, in the browser signed in to it."
            + " Nothing was changed.");
  }

  private static boolean tooLarge(Response response, Callback callback) {
    return refuse(
        response,
        callback,
        413,
        "Too large",
        "A roadmap file may be "
            + (Upload.MAX_READ - 1) / 1024
            + " KB at most. Nothing was changed.");
  }

  /** A form refused: a short page saying why. */
  private static boolean refuse(
      Response response, Callback callback, int status, String title, String why) {
    return html(response, callback, status, Pages.message(title, why));
  }

  /** The coach's answer as the page, its Apply posting back here. */
  private static boolean answer(Response response, Callback callback, Form form, Reply reply) {
    String applyPath = "/dashboard/c/" + form.channelId() + "/roadmap/apply";
    String body = ReplyHtml.of(reply, applyPath, form.session().formToken());
    return html(
        response, callback, 200, Pages.roadmapAnswer(form.channelName(), form.channelId(), body));
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
