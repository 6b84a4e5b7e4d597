package io.roadmapcoach.discord;

import static org.assertj.core.api.Assertions.assertThat;

import io.roadmapcoach.core.testing.ExtremeReplies;
import io.roadmapcoach.db.testing.PostgresExtension;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every reply and delivery the coach makes, with extreme inputs ({@link ExtremeReplies}: 60 members
 * with 80-character names of markup and emoji, 300-character stage titles), rendered as Discord
 * gets them (in a server and in a DM) and checked against Discord's published limits ({@link
 * DiscordLimits}).
 */
@ExtendWith(PostgresExtension.class)
class DiscordContractTest {

  @Test
  void everyReplyAndDeliveryFitsDiscordsLimits(@TempDir Path dir) {
    List<ExtremeReplies.Named> all = ExtremeReplies.collect(dir);
    List<String> problems = problems(all);

    assertThat(all.stream().filter(n -> n.what().startsWith("delivery"))).isNotEmpty();
    assertThat(problems).isEmpty();
  }

  @Test
  void everyReplyAboutTheLargestRoadmapAcceptedFitsDiscordsLimits() {
    List<ExtremeReplies.Named> all = ExtremeReplies.largestRoadmap();
    List<String> problems = problems(all);

    assertThat(all).extracting(ExtremeReplies.Named::what).contains("largest: preview");
    assertThat(problems).isEmpty();
  }

  /** Each reply rendered in a server and in a DM, and what of it breaks Discord's limits. */
  private static List<String> problems(List<ExtremeReplies.Named> all) {
    List<String> problems = new ArrayList<>();
    for (ExtremeReplies.Named named : all) {
      check(named.what(), DiscordRenderer.render(named.reply()), problems);
      check(
          named.what() + " (DM)",
          DiscordRenderer.render(named.reply(), DmButtons.forGuild(FakeDiscord.GUILD)),
          problems);
    }
    return problems;
  }

  private static void check(String what, DiscordMessage message, List<String> problems) {
    List<String> found = DiscordLimits.check(message.create().toData());
    if (!found.isEmpty()) {
      problems.add(what + ": " + found);
    }
  }
}
