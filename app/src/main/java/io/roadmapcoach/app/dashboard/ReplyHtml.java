package io.roadmapcoach.app.dashboard;

import static io.roadmapcoach.app.dashboard.Html.escape;

import io.roadmapcoach.core.action.Action;
import io.roadmapcoach.core.action.ActionCodec;
import io.roadmapcoach.core.reply.Block;
import io.roadmapcoach.core.reply.Button;
import io.roadmapcoach.core.reply.Reply;
import io.roadmapcoach.core.reply.Span;
import io.roadmapcoach.core.reply.Text;
import java.util.Optional;

/**
 * The coach's reply to a dashboard form, as HTML: what chat shows, with every word from the reply
 * escaped, bullet lines as lists, and the one button the dashboard presses (a roadmap's Apply) as a
 * form that posts back with the session's token. Other buttons are chat's: they are left out.
 */
final class ReplyHtml {
  private static final String BULLET = "• ";

  private ReplyHtml() {}

  /**
   * @param applyAction where an Apply form posts
   * @param token the session's form token
   */
  static String of(Reply reply, String applyAction, String token) {
    StringBuilder out = new StringBuilder("<div id=\"reply\">");
    for (Block block : reply.blocks()) {
      out.append(
          switch (block) {
            case Block.Header h -> "<h2>" + escape(h.text()) + "</h2>";
            case Block.Section s -> lines(text(s.text()), "");
            case Block.Context c -> lines(text(c.text()), " class=\"small\"");
            case Block.Fields f -> fields(f);
            case Block.Progress p ->
                "<p>" + p.done() + " of " + p.total() + " " + escape(p.caption()) + "</p>";
            case Block.Buttons b -> buttons(b, applyAction, token);
            case Block.Divider d -> "<hr>";
          });
    }
    return out.append("</div>").toString();
  }

  /** Paragraph lines; a run of lines starting with a bullet becomes a list. */
  private static String lines(String html, String attributes) {
    StringBuilder out = new StringBuilder();
    StringBuilder paragraph = new StringBuilder();
    boolean inList = false;
    for (String line : html.split("\n", -1)) {
      if (line.startsWith(BULLET)) {
        if (!inList) {
          flush(out, paragraph, attributes);
          out.append("<ul").append(attributes).append('>');
          inList = true;
        }
        out.append("<li>").append(line.substring(BULLET.length())).append("</li>");
        continue;
      }
      if (inList) {
        out.append("</ul>");
        inList = false;
      }
      if (!paragraph.isEmpty()) {
        paragraph.append("<br>");
      }
      paragraph.append(line);
    }
    if (inList) {
      out.append("</ul>");
    }
    flush(out, paragraph, attributes);
    return out.toString();
  }

  private static void flush(StringBuilder out, StringBuilder paragraph, String attributes) {
    if (!paragraph.toString().replace("<br>", "").isBlank()) {
      out.append("<p").append(attributes).append('>').append(paragraph).append("</p>");
    }
    paragraph.setLength(0);
  }

  private static String text(Text text) {
    StringBuilder out = new StringBuilder();
    for (Span span : text.spans()) {
      out.append(
          switch (span) {
            case Span.Plain p -> escape(p.text());
            case Span.Bold b -> "<strong>" + escape(b.text()) + "</strong>";
            case Span.Italic i -> "<em>" + escape(i.text()) + "</em>";
            case Span.Code c -> "<code>" + escape(c.text()) + "</code>";
            case Span.Link l -> link(l);
            case Span.Mention m -> escape(m.text());
          });
    }
    return out.toString();
  }

  /** A link from a roadmap file is shown, and followed only when it is https. */
  private static String link(Span.Link link) {
    if (!link.url().startsWith("https://")) {
      return escape(link.text());
    }
    return "<a href=\""
        + escape(link.url())
        + "\" rel=\"noreferrer noopener\">"
        + escape(link.text())
        + "</a>";
  }

  private static String fields(Block.Fields fields) {
    StringBuilder out = new StringBuilder("<dl>");
    for (Block.Field field : fields.fields()) {
      out.append("<dt>")
          .append(escape(field.label()))
          .append("</dt><dd>")
          .append(text(field.value()))
          .append("</dd>");
    }
    return out.append("</dl>").toString();
  }

  private static String buttons(Block.Buttons row, String applyAction, String token) {
    StringBuilder out = new StringBuilder();
    for (Button button : row.buttons()) {
      applyPreview(button)
          .ifPresent(
              preview ->
                  out.append("<form method=\"post\" action=\"")
                      .append(escape(applyAction))
                      .append("\"><input type=\"hidden\" name=\"")
                      .append(UploadForm.TOKEN)
                      .append("\" value=\"")
                      .append(escape(token))
                      .append("\"><input type=\"hidden\" name=\"")
                      .append(DashboardHandler.PREVIEW)
                      .append("\" value=\"")
                      .append(preview)
                      .append("\"><button class=\"button\" type=\"submit\">")
                      .append(escape(button.label()))
                      .append("</button></form>"));
    }
    return out.toString();
  }

  /** The preview an Apply button applies; empty for any other button. */
  private static Optional<Long> applyPreview(Button button) {
    return ActionCodec.decode(button.actionId())
        .filter(Action.ApplyRoadmap.class::isInstance)
        .map(a -> ((Action.ApplyRoadmap) a).previewId());
  }
}
