package io.roadmapcoach.slack.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.roadmapcoach.core.testing.ExtremeReplies;
import io.roadmapcoach.db.testing.PostgresExtension;
import io.roadmapcoach.slack.testing.BlockKitLimits;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every reply and delivery the coach makes, with extreme inputs ({@link ExtremeReplies}: 60 members
 * with 80-character names of markup and emoji, 300-character stage titles), rendered as Slack gets
 * them, message and Home tab, and checked against Block Kit's published limits and the undocumented
 * 12,000 characters a message ({@link BlockKitLimits}).
 */
@ExtendWith(PostgresExtension.class)
class SlackContractTest {

  @Test
  void everyReplyAndDeliveryFitsSlacksLimits(@TempDir Path dir) {
    List<ExtremeReplies.Named> all = ExtremeReplies.collect(dir);
    List<String> problems = problems(all);

    assertThat(all.stream().filter(n -> n.what().startsWith("delivery"))).isNotEmpty();
    assertThat(all).hasSizeGreaterThan(ExtremeReplies.MEMBERS + 40);
    assertThat(problems).isEmpty();
  }

  @Test
  void everyReplyAboutTheLargestRoadmapAcceptedFitsSlacksLimits() {
    List<ExtremeReplies.Named> all = ExtremeReplies.largestRoadmap();
    List<String> problems = problems(all);

    assertThat(all).extracting(ExtremeReplies.Named::what).contains("largest: preview");
    assertThat(problems).isEmpty();
  }

  /** Each reply as a message and as the Home tab, and what of it breaks Slack's limits. */
  private static List<String> problems(List<ExtremeReplies.Named> all) {
    List<String> problems = new ArrayList<>();
    for (ExtremeReplies.Named named : all) {
      BlockKitLimits.Verdict message =
          BlockKitLimits.message(
              BlockKitLimits.toJson(SlackRenderer.message(named.reply())),
              SlackRenderer.fallbackText(named.reply()));
      if (!message.ok()) {
        problems.add(named.what() + ": " + message.error() + " " + message.problems());
      }
      BlockKitLimits.Verdict home = BlockKitLimits.home(SlackRenderer.home(named.reply()));
      if (!home.ok()) {
        problems.add(named.what() + " (Home tab): " + home.error() + " " + home.problems());
      }
    }
    return problems;
  }
}
