package io.roadmapcoach.slack.install;

import java.util.List;

/**
 * The few pages of the install flow, rendered here: plain HTML with inline styles, nothing loaded
 * from elsewhere and no script (their Content-Security-Policy allows none). Every value that came
 * from outside (a workspace's name, an error code) is escaped.
 */
public final class InstallPages {
  private InstallPages() {}

  /** Each page's status and words. */
  record Page(int status, String html) {}

  private static final String START_AGAIN =
      "<p><a class=\"button\" href=\"" + OAuthInstall.INSTALL_PATH + "\">Start again</a></p>";

  /** {@code GET /slack/install}: the "Add to Slack" button for the manifest's bot scopes. */
  public static String install(String authorizeUrl, List<String> scopes) {
    StringBuilder list = new StringBuilder();
    for (String scope : scopes) {
      list.append("<li><code>")
          .append(escape(scope))
          .append("</code>: ")
          .append(escape(why(scope)))
          .append("</li>");
    }
    return page(
        "Add Roadmap Coach to Slack",
        "<p>Roadmap Coach walks your team through its learning roadmaps, one per channel: progress,"
            + " a daily nudge at each member's own time, a weekly quiz, and a board for leads.</p>"
            + "<p>It asks Slack for these permissions in your workspace:</p><ul>"
            + list
            + "</ul><p><a class=\"button\" href=\""
            + escape(authorizeUrl)
            + "\">Add to Slack</a></p>"
            + "<p class=\"small\">This link works once and for ten minutes, in this browser."
            + " What is kept about members, and how they take or erase it, is in the project's"
            + " docs/privacy.md.</p>");
  }

  private static String why(String scope) {
    return switch (scope) {
      case "commands" -> "the /roadmap command";
      case "chat:write" -> "nudges, quizzes and channel posts";
      case "im:write" -> "opening the direct message a nudge goes to";
      case "users:read" -> "members' names, time zones, and who administers the workspace";
      case "files:write" -> "the team CSV and your data export, as files";
      case "files:read" -> "reading the roadmap file a lead chooses in the upload form, once";
      case "channels:read", "groups:read" ->
          "whether it has been invited into a channel before it posts there, so a lead is told"
              + " how to invite it";
      case "im:history", "channels:history", "groups:history" ->
          "after a crash, looking for its own message before sending it again, so none comes"
              + " twice";
      default -> "used by the app";
    };
  }

  /** The install went through: what to do next. */
  static Page installed(String workspaceName) {
    return new Page(
        200,
        page(
            "Roadmap Coach is in " + workspaceName,
            "<p>Roadmap Coach is now installed in <strong>"
                + escape(workspaceName)
                + "</strong>.</p><p>Next: invite it to a channel of your team"
                + " (<code>/invite @Roadmap Coach</code>) and type <code>/roadmap start</code>"
                + " there. <code>/roadmap help</code> lists everything it can do.</p>"));
  }

  static Page denied() {
    return new Page(
        200,
        page(
            "Install cancelled",
            "<p>The install was cancelled in Slack, so nothing was installed and nothing was"
                + " stored.</p>"
                + START_AGAIN));
  }

  static Page forgedState() {
    return refused(
        "This install link is not one of ours",
        "The link back from Slack carried a state this app never issued.");
  }

  static Page usedState() {
    return refused(
        "This install link was already used",
        "Each install link works once. If the install went through, Roadmap Coach is already in"
            + " your workspace.");
  }

  static Page expiredState() {
    return refused(
        "This install link has expired", "Install links last ten minutes from the install page.");
  }

  static Page otherBrowser() {
    return refused(
        "Finish the install in the browser that started it",
        "The link back from Slack reached a browser that did not open the install page (or"
            + " that refuses its cookie).");
  }

  static Page noCode() {
    return refused(
        "The link back from Slack is incomplete",
        "It carried no authorisation code, so there was nothing to exchange.");
  }

  static Page orgWide() {
    return new Page(
        403,
        page(
            "Org-wide installs are not supported",
            "<p>Roadmap Coach installs per workspace. An Enterprise Grid organisation-wide install"
                + " was refused and nothing was stored. Install it in each workspace instead.</p>"
                + START_AGAIN));
  }

  static Page exchangeFailed(String error) {
    return new Page(
        502,
        page(
            "Slack did not complete the install",
            "<p>Slack refused to exchange the authorisation code (<code>"
                + escape(error == null ? "no answer" : error)
                + "</code>). Nothing was stored.</p>"
                + START_AGAIN));
  }

  /**
   * Slack sent the browser back with an error other than a cancelled install. Only the codes Slack
   * documents for its authorisation page are named; any other text in the address (anyone can craft
   * one) is not shown.
   */
  static Page slackError(String error) {
    String known =
        switch (error == null ? "" : error) {
          case "invalid_scope" ->
              "Slack did not accept the permissions the app asked for (<code>invalid_scope</code>).";
          case "invalid_team_for_non_distributed_app" ->
              "This app installs only in the workspace it was created in"
                  + " (<code>invalid_team_for_non_distributed_app</code>): its owner turns on"
                  + " public distribution in the app's settings first.";
          default -> "Slack sent you back without completing the install.";
        };
    return new Page(
        400,
        page(
            "Slack did not complete the install",
            "<p>" + known + " Nothing was installed and nothing was stored.</p>" + START_AGAIN));
  }

  /** An address this page cannot read (a malformed encoding in its query). */
  static Page malformed() {
    return new Page(
        400,
        page(
            "This address is malformed",
            "<p>It could not be read, so nothing was done. Nothing was installed and nothing was"
                + " stored.</p>"
                + START_AGAIN));
  }

  /** The install page was asked for too often from one address. */
  static Page tooMany() {
    return new Page(
        429,
        page(
            "Too many requests",
            "<p>The install page was opened too often from your address. Please wait a minute and"
                + " try again.</p>"));
  }

  static Page failed() {
    return new Page(
        500,
        page(
            "Something went wrong",
            "<p>The install could not be completed and nothing was stored. Please try again.</p>"
                + START_AGAIN));
  }

  static Page notFound() {
    return new Page(404, page("Not found", "<p>There is no such page.</p>"));
  }

  private static Page refused(String title, String why) {
    return new Page(
        400,
        page(
            title,
            "<p>"
                + escape(why)
                + " Nothing was installed and nothing was stored.</p>"
                + START_AGAIN));
  }

  private static String page(String title, String body) {
    return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + "<title>"
        + escape(title)
        + "</title><style>"
        + "body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;"
        + "line-height:1.5;color:#1d3557}"
        + "a.button{display:inline-block;background:#4a154b;color:#fff;padding:.6rem 1.2rem;"
        + "border-radius:.4rem;text-decoration:none;font-weight:600}"
        + ".small{font-size:.85rem;color:#555}code{background:#f1f1f1;padding:0 .2rem}"
        + "</style></head><body><h1>"
        + escape(title)
        + "</h1>"
        + body
        + "</body></html>";
  }

  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
