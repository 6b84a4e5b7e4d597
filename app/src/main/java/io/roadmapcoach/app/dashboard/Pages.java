package io.roadmapcoach.app.dashboard;

import static io.roadmapcoach.app.dashboard.Html.escape;

import io.roadmapcoach.core.caller.Upload;
import io.roadmapcoach.core.dashboard.ChannelReport;
import io.roadmapcoach.core.dashboard.ChannelReport.MemberLine;
import io.roadmapcoach.core.dashboard.Charts;
import io.roadmapcoach.core.dashboard.DashboardService;
import io.roadmapcoach.core.dashboard.DashboardService.LinkState;
import io.roadmapcoach.core.member.Channel;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The dashboard's pages as HTML: no script, styles inline (the charts' SVG needs them anyway),
 * nothing loaded from elsewhere, and every name from chat escaped.
 */
final class Pages {
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
  private static final DateTimeFormatter WEEK =
      DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
  private static final String NEW_LINK =
      "<p>Type <code>/roadmap dashboard</code> in a channel you lead for a new link. Links work"
          + " once, within 15 minutes.</p>";

  private static final String STYLE =
      """
      body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Liberation Sans",Arial,sans-serif;
       margin:0;color:#111827;background:#f9fafb;line-height:1.45}
      main{max-width:960px;margin:0 auto;padding:1rem}
      h1{font-size:1.5rem;margin:.5rem 0}h2{font-size:1.2rem;margin:1.5rem 0 .5rem}
      section{background:#fff;border:1px solid #e5e7eb;border-radius:8px;padding:.75rem 1rem;margin:1rem 0}
      nav ul{list-style:none;padding:0;margin:0;display:flex;flex-wrap:wrap;gap:.5rem}
      nav a{display:inline-block;padding:.25rem .6rem;border:1px solid #d1d5db;border-radius:999px;
       text-decoration:none;color:#1d4ed8;background:#fff}
      nav a[aria-current]{background:#1d4ed8;color:#fff;border-color:#1d4ed8}
      figure{margin:0}figure svg{width:100%;height:auto;display:block}
      .scroll{overflow-x:auto}
      table{border-collapse:collapse;width:100%;font-size:.95rem}
      th,td{text-align:left;padding:.35rem .5rem;border-bottom:1px solid #e5e7eb;white-space:nowrap}
      td.num,th.num{text-align:right}
      th a{color:inherit}
      .stuck{color:#b91c1c;font-weight:600}
      .button{font-size:1.1rem;padding:.6rem 1.2rem;border-radius:6px;border:0;background:#1d4ed8;
       color:#fff;cursor:pointer}
      ol.missed li{margin-bottom:.75rem}
      .small{color:#4b5563;font-size:.9rem}
      .signout{float:right;margin:.5rem 0 0 .5rem}
      .signout button{font-size:.9rem;padding:.3rem .7rem;border:1px solid #d1d5db;border-radius:6px;
       background:#fff;color:#111827;cursor:pointer}
      """;

  private Pages() {}

  static String page(String title, String body) {
    return "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + "<meta name=\"referrer\" content=\"no-referrer\">"
        + "<title>"
        + escape(title)
        + "</title><style>"
        + STYLE
        + "</style></head><body><main>"
        + body
        + "</main></body></html>\n";
  }

  // ---- signing in

  /** What a chat client's preview and the lead both see first: nothing is spent by looking. */
  static String openButton(String token) {
    return page(
        "Open your dashboard",
        "<h1>Roadmap Coach dashboard</h1>"
            + "<p>This link opens the dashboard of the channels you lead. It works once; after"
            + " that this browser stays signed in for 12 hours.</p>"
            + "<form method=\"post\" action=\"/dashboard/link/"
            + escape(token)
            + "\"><button class=\"button\" type=\"submit\">Open dashboard</button></form>");
  }

  static String linkRefused(LinkState state) {
    String what =
        switch (state) {
          case USED -> "This link has already been used.";
          case EXPIRED -> "This link has expired.";
          case UNKNOWN, VALID -> "This link is not valid.";
        };
    return page(
        "Link " + state.name().toLowerCase(Locale.ROOT), "<h1>" + what + "</h1>" + NEW_LINK);
  }

  static String signedOut() {
    return page(
        "Not signed in",
        "<h1>You are not signed in</h1><p>Your dashboard session has ended (they last 12 hours,"
            + " an hour on workspace admin rights alone, and end when you sign out or sign in"
            + " again elsewhere) or was never started in this browser.</p>"
            + NEW_LINK);
  }

  /** After {@code Sign out}. */
  static String signedOutNow() {
    return page(
        "Signed out",
        "<h1>You are signed out</h1><p>This browser's dashboard session has ended.</p>" + NEW_LINK);
  }

  /** The button on every page of a signed-in lead: a form, as the pages carry no script. */
  private static final String SIGN_OUT_BUTTON =
      "<form class=\"signout\" method=\"post\" action=\""
          + DashboardHandler.SIGN_OUT
          + "\"><button type=\"submit\">Sign out</button></form>";

  static String notFound() {
    return page(
        "Not found",
        "<h1>Nothing here</h1><p>This page does not exist, or it is of a channel you do not"
            + " lead.</p><p><a href=\"/dashboard\">Your dashboard</a></p>");
  }

  static String notConfigured() {
    return page(
        "Dashboard not configured",
        "<h1>The dashboard is not configured</h1><p>Whoever runs Roadmap Coach sets"
            + " <code>PUBLIC_URL</code> to the address it is reached at to turn it on.</p>");
  }

  static String noChannels() {
    return page(
        "No channels",
        SIGN_OUT_BUTTON
            + "<h1>You lead no channels now</h1><p>The dashboard shows the channels you lead. Ask a"
            + " lead of a channel to make you one with <code>/roadmap lead</code>.</p>");
  }

  static String message(String title, String text) {
    return page(title, "<h1>" + escape(title) + "</h1><p>" + escape(text) + "</p>");
  }

  // ---- a channel

  /**
   * @param formToken the session's token for the roadmap upload form
   */
  static String channel(
      ChannelReport report,
      List<Channel> channels,
      MemberSort sort,
      Charts charts,
      String formToken) {
    Channel channel = report.channel();
    String name = "#" + channel.name();
    StringBuilder body = new StringBuilder();
    body.append(SIGN_OUT_BUTTON);
    body.append("<h1>").append(escape(name)).append("</h1>");
    body.append("<p>Roadmap: ").append(escape(report.roadmap())).append("</p>");
    body.append(followed(report.followed(), channel.zoneOrUtc()));
    body.append(posting(channel, name));
    body.append(chooser(channels, channel.id()));
    body.append(summary(report));
    body.append(funnel(report, charts, name));
    body.append(weeks(report, charts, name));
    body.append(members(report, sort));
    body.append(quizzes(report));
    body.append(uploadForm(channel, name, formToken));
    return page("Dashboard: " + name, body.toString());
  }

  /** The roadmap's id and version, and who chose it for the channel. */
  private static String followed(ChannelReport.Followed followed, ZoneId zone) {
    String chosen =
        followed.chosenOn().isEmpty()
            ? followed.deployment()
                ? "the roadmap this deployment runs, which new channels follow"
                : "stored in this workspace"
            : "chosen by "
                + escape(followed.chosenBy().orElse("a former member"))
                + " on "
                + DAY.format(followed.chosenOn().get());
    return "<p class=\"small\" id=\"roadmap-version\">Id <code>"
        + escape(followed.key())
        + "</code>, version "
        + followed.version()
        + ", "
        + chosen
        + ".</p>";
  }

  /**
   * The roadmap upload form: a file and the session's token, posted as the lead's {@code roadmap
   * upload} in this channel; the answer is the file's problems or its preview with Apply.
   */
  private static String uploadForm(Channel channel, String name, String formToken) {
    return "<section id=\"roadmap-upload\"><h2>Bring a roadmap</h2><p class=\"small\">A roadmap"
        + " file in the coach's format (YAML, up to "
        + (Upload.MAX_READ - 1) / 1024
        + " KB; <code>/roadmap roadmap download</code> gives "
        + escape(name)
        + "'s to start from). It is checked first: you see its problems, or a preview with an"
        + " Apply button. Nothing changes until you press Apply.</p>"
        + "<form method=\"post\" enctype=\"multipart/form-data\" action=\"/dashboard/c/"
        + channel.id()
        + "/roadmap\"><input type=\"hidden\" name=\""
        + UploadForm.TOKEN
        + "\" value=\""
        + escape(formToken)
        + "\"><label>Roadmap file <input type=\"file\" name=\""
        + UploadForm.FILE
        + "\" accept=\".yaml,.yml,application/yaml,text/yaml\" required></label> "
        + "<button class=\"button\" type=\"submit\">Upload and preview</button></form>"
        + "</section>";
  }

  /** What the coach answered to the upload form or its Apply. */
  static String roadmapAnswer(String channelName, long channelId, String replyHtml) {
    String name = "#" + channelName;
    return page(
        "Roadmap: " + name,
        SIGN_OUT_BUTTON
            + "<h1>"
            + escape(name)
            + ": roadmap</h1><section id=\"roadmap-answer\">"
            + replyHtml
            + "</section><p><a id=\"back\" href=\"/dashboard/c/"
            + channelId
            + "\">Back to "
            + escape(name)
            + "</a></p>");
  }

  /** Whether the bot can post in the channel, as the platform last said (issue 24). */
  private static String posting(Channel channel, String name) {
    if (channel.canPost()) {
      return "<p class=\"small\" id=\"posting\">Posting here: can post.</p>";
    }
    return "<p id=\"posting\" role=\"status\"><strong>Posting here: refused.</strong> The"
        + " platform does not let me post in "
        + escape(name)
        + ": its daily post, announcements and quiz call-out do not appear, and its members get"
        + " their reminders by direct message meanwhile. <code>/roadmap settings</code> there says"
        + " what is missing and how to fix it.</p>";
  }

  private static String chooser(List<Channel> channels, long current) {
    StringBuilder nav = new StringBuilder("<nav aria-label=\"Your channels\"><ul>");
    for (Channel c : channels) {
      nav.append("<li><a href=\"/dashboard/c/").append(c.id()).append('"');
      if (c.id() == current) {
        nav.append(" aria-current=\"page\"");
      }
      nav.append(">#").append(escape(c.name())).append("</a></li>");
    }
    return nav.append("</ul></nav>").toString();
  }

  private static String summary(ChannelReport report) {
    long stuck = report.members().stream().filter(MemberLine::stuck).count();
    return "<p class=\"small\">"
        + report.members().size()
        + (report.members().size() == 1 ? " member" : " members")
        + " · "
        + report.funnel().graduated()
        + " graduated · "
        + stuck
        + " without progress for a week</p>";
  }

  private static String funnel(ChannelReport report, Charts charts, String name) {
    ChannelReport.Funnel funnel = report.funnel();
    StringBuilder rows = new StringBuilder();
    for (int i = 0; i < funnel.onStage().size(); i++) {
      rows.append("<tr><td>")
          .append(i + 1)
          .append(". ")
          .append(escape(funnel.stageTitles().get(i)))
          .append("</td><td class=\"num\">")
          .append(funnel.onStage().get(i))
          .append("</td></tr>");
    }
    rows.append("<tr><td>Graduated</td><td class=\"num\">")
        .append(funnel.graduated())
        .append("</td></tr>");
    return "<section id=\"funnel\"><h2>Where the members are</h2><figure>"
        + charts.funnelSvg(funnel, "Members of " + name + " on each stage, and graduated")
        + "</figure><details><summary>The numbers</summary><div class=\"scroll\"><table>"
        + "<thead><tr><th>Stage</th><th class=\"num\">Members</th></tr></thead><tbody>"
        + rows
        + "</tbody></table></div></details></section>";
  }

  private static String weeks(ChannelReport report, Charts charts, String name) {
    StringBuilder rows = new StringBuilder();
    for (ChannelReport.Week week : report.weeks()) {
      rows.append("<tr><td>")
          .append(WEEK.format(week.monday()))
          .append("</td><td class=\"num\">")
          .append(week.objectivesDone())
          .append("</td><td class=\"num\">")
          .append(week.activeMembers())
          .append("</td></tr>");
    }
    return "<section id=\"weeks\"><h2>The last "
        + report.weeks().size()
        + " weeks</h2><figure>"
        + charts.weeksSvg(report.weeks(), "Objectives done and members active per week in " + name)
        + "</figure><details><summary>The numbers</summary><div class=\"scroll\"><table>"
        + "<thead><tr><th>Week starting</th><th class=\"num\">Objectives done</th>"
        + "<th class=\"num\">Members active</th></tr></thead><tbody>"
        + rows
        + "</tbody></table></div></details></section>";
  }

  private static String members(ChannelReport report, MemberSort sort) {
    ZoneId zone = report.channel().zoneOrUtc();
    StringBuilder table = new StringBuilder("<table id=\"members-table\"><thead><tr>");
    for (MemberSort.Column column : MemberSort.Column.values()) {
      boolean sorted = column == sort.column();
      table.append("<th scope=\"col\"");
      if (sorted) {
        table
            .append(" aria-sort=\"")
            .append(sort.ascending() ? "ascending" : "descending")
            .append('"');
      }
      table.append("><a href=\"").append(sort.linkFor(column)).append("\">").append(column.heading);
      if (sorted) {
        table.append(sort.ascending() ? " ▲" : " ▼");
      }
      table.append("</a></th>");
    }
    table.append("</tr></thead><tbody>");
    for (MemberLine m : sort.apply(report.members())) {
      table
          .append("<tr><td>")
          .append(escape(m.name()))
          .append("</td><td>")
          .append(m.graduated() ? "graduated" : String.valueOf(m.stage()))
          .append("</td><td>")
          .append(m.objectivesDone())
          .append('/')
          .append(m.objectivesInStage())
          .append("</td><td>")
          .append(DAY.format(m.lastProgress().atZone(zone)))
          .append("</td><td class=\"num\">")
          .append(m.streakDays())
          .append("</td><td class=\"num\">")
          .append(m.points())
          .append("</td><td>")
          .append(m.stuck() ? "<span class=\"stuck\">stuck</span>" : "")
          .append("</td><td>")
          .append(m.reminders().label())
          .append("</td></tr>");
    }
    table.append("</tbody></table>");
    String csv = "/dashboard/c/" + report.channel().id() + "/members.csv";
    return "<section id=\"members\"><h2>Members</h2><p class=\"small\">Stuck: no progress for "
        + DashboardService.STUCK_AFTER.toDays()
        + " days. Click a heading to sort. <a id=\"csv\" href=\""
        + csv
        + "\" download>Download as CSV</a> (the same as <code>/roadmap team csv</code>).</p>"
        + (report.members().isEmpty()
            ? "<p>Nobody here has started the roadmap yet.</p>"
            : "<div class=\"scroll\">" + table + "</div>")
        + "</section>";
  }

  private static String quizzes(ChannelReport report) {
    StringBuilder out = new StringBuilder("<section id=\"quizzes\"><h2>Quizzes</h2>");
    if (report.passRates().isEmpty()) {
      out.append("<p>No quiz has been finished here yet.</p>");
    } else {
      out.append(
          "<div class=\"scroll\"><table id=\"pass-rates\"><thead><tr><th>Stage</th>"
              + "<th class=\"num\">Quizzes finished</th><th class=\"num\">Passed</th>"
              + "<th class=\"num\">Pass rate</th></tr></thead><tbody>");
      for (ChannelReport.PassRate rate : report.passRates()) {
        out.append("<tr><td>")
            .append(rate.stage())
            .append(". ")
            .append(escape(rate.stageTitle()))
            .append("</td><td class=\"num\">")
            .append(rate.taken())
            .append("</td><td class=\"num\">")
            .append(rate.passed())
            .append("</td><td class=\"num\">")
            .append(rate.percent())
            .append("%</td></tr>");
      }
      out.append("</tbody></table></div>");
    }
    out.append("<h3>The questions missed most</h3>");
    if (report.mostMissed().isEmpty()) {
      out.append("<p>No wrong answers yet.</p>");
    } else {
      out.append("<ol class=\"missed\">");
      for (ChannelReport.Missed missed : report.mostMissed()) {
        out.append("<li><strong>")
            .append(escape(missed.question().text()))
            .append("</strong> <span class=\"small\">(stage ")
            .append(missed.question().stage())
            .append("; missed ")
            .append(missed.misses())
            .append(" of ")
            .append(missed.answers())
            .append(missed.answers() == 1 ? " answer" : " answers")
            .append(")</span><br>Right answer: ")
            .append(escape(missed.question().correctText()))
            .append("<br><span class=\"small\">")
            .append(escape(missed.question().explanation()))
            .append("</span></li>");
      }
      out.append("</ol>");
    }
    return out.append("</section>").toString();
  }
}
