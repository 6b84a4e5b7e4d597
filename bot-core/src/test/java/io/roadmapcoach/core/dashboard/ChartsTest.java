package io.roadmapcoach.core.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.roadmapcoach.core.caller.Caller;
import io.roadmapcoach.core.reply.Attachment;
import io.roadmapcoach.core.reply.Reply;
import io.roadmapcoach.core.testing.CoachFixture;
import io.roadmapcoach.core.testing.TableSnapshot;
import io.roadmapcoach.db.testing.PostgresExtension;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The funnel and weeks charts: a PNG for chat, SVG for the page. */
@ExtendWith(PostgresExtension.class)
class ChartsTest {
  private final CoachFixture f = CoachFixture.builtIn();
  private final DashboardFixture d =
      new DashboardFixture(f, DashboardAddress.fixed("http://127.0.0.1:1"));
  private final Caller ana = f.caller("ana");
  private final Caller bob = f.caller("bob");

  private void aTeamAtWork() {
    f.say(ana, "start");
    f.say(bob, "start");
    f.checkOffStage(ana);
    f.passQuiz(ana);
    f.say(ana, "next");
    f.say(bob, "done 1");
  }

  @Test
  void teamChartSendsTheLeadOnePngWithBothCharts() throws IOException {
    aTeamAtWork();

    Reply reply = d.ask(ana, d.service()::teamChart);

    Attachment file = reply.attachment().orElseThrow();
    assertThat(file.mediaType()).isEqualTo("image/png");
    assertThat(file.fileName()).isEqualTo("chart-general.png");
    assertThat(reply.plainText()).contains("#general");
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(file.bytes()));
    assertThat(image).as("decodes as an image").isNotNull();
    assertThat(image.getWidth()).isEqualTo(Charts.WIDTH);
    assertThat(image.getHeight()).isEqualTo(Charts.FUNNEL_HEIGHT + Charts.WEEKS_HEIGHT);
    assertThat(inkShare(image, 0, Charts.FUNNEL_HEIGHT))
        .as("the funnel half has bars and words on it")
        .isGreaterThan(0.02);
    assertThat(inkShare(image, Charts.FUNNEL_HEIGHT, image.getHeight()))
        .as("the weeks half has lines and words on it")
        .isGreaterThan(0.02);
    assertThat(colours(image))
        .as("bars, lines, text and grid in several colours")
        .hasSizeGreaterThan(8);
    Path kept = Path.of("target", "team-chart.png");
    Files.createDirectories(kept.getParent());
    Files.write(kept, file.bytes()); // for a person to look at
  }

  @Test
  void aMemberWhoIsNotALeadGetsNoChart() {
    aTeamAtWork();
    TableSnapshot before = f.snapshot();

    Reply reply = d.ask(bob, d.service()::teamChart);

    assertThat(reply.attachment()).isEmpty();
    assertThat(reply.plainText()).startsWith("Only leads of #general can use /roadmap team chart");
    assertThat(f.snapshot()).isEqualTo(before);
  }

  @Test
  void theSvgChartsAreTitledLabelledAndSelfContained() {
    aTeamAtWork();
    var viewer =
        d.service()
            .viewer(
                d.service()
                    .signIn(DashboardFixture.tokenIn(d.link(ana)))
                    .signIn()
                    .orElseThrow()
                    .sessionId())
            .orElseThrow();
    ChannelReport report = d.service().report(viewer, f.channelId("general")).orElseThrow();
    Charts charts = d.service().charts();

    String funnel = charts.funnelSvg(report.funnel(), "Members per stage in #general");
    String weeks = charts.weeksSvg(report.weeks(), "The last 12 weeks <of> #general");

    assertThat(funnel)
        .startsWith("<svg")
        .contains("role=\"img\"")
        .contains("<title id=\"funnel-chart-title\">Members per stage in #general</title>")
        .containsPattern(Pattern.compile("<text[^>]*>Graduated</text>"))
        .containsPattern(Pattern.compile("<text[^>]*>1\\. Math &amp; Statistics"));
    assertThat(weeks)
        .contains("<title id=\"weeks-chart-title\">The last 12 weeks &lt;of&gt; #general</title>")
        .containsPattern(Pattern.compile("<text[^>]*>Objectives done</text>"));
    for (String svg : new String[] {funnel, weeks}) {
      assertThat(svg).doesNotContain("href").doesNotContain("<image").doesNotContain("@import");
      // namespaces name things, nothing is fetched from them
      assertThat(svg.replaceAll("xmlns(:\\w+)?='[^']*'", "")).doesNotContain("http");
      assertThat(svg).doesNotContainPattern(Pattern.compile("style='[^']*'[^ >/]"));
    }
  }

  /** The share of pixels in rows [from, to) that are not white. */
  private static double inkShare(BufferedImage image, int from, int to) {
    long ink = 0;
    for (int y = from; y < to; y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        if ((image.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) {
          ink++;
        }
      }
    }
    return (double) ink / ((long) image.getWidth() * (to - from));
  }

  private static Set<Integer> colours(BufferedImage image) {
    Set<Integer> seen = new HashSet<>();
    for (int y = 0; y < image.getHeight(); y += 2) {
      for (int x = 0; x < image.getWidth(); x += 2) {
        seen.add(image.getRGB(x, y) & 0xFFFFFF);
      }
    }
    return seen;
  }
}
