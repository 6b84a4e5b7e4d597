package io.roadmapcoach.discord;

import static org.assertj.core.api.Assertions.assertThat;

import io.roadmapcoach.core.reply.Text;
import org.junit.jupiter.api.Test;

/** The core's neutral spans in Discord markdown; stored text never turns into markup. */
class DiscordMarkdownTest {

  @Test
  void spansBecomeMarkdown() {
    Text text =
        Text.of("Try ")
            .code("/roadmap done 2")
            .plain(", ")
            .bold("well done")
            .plain(" and ")
            .italic("keep going")
            .plain(" · ")
            .link("the roadmap", "https://example.com/roadmap");

    assertThat(DiscordMarkdown.render(text))
        .isEqualTo(
            "Try `/roadmap done 2`, **well done** and *keep going* · [the roadmap](https://example.com/roadmap)");
  }

  @Test
  void markdownInPlainTextIsEscaped() {
    assertThat(DiscordMarkdown.escape("*star* _under_ ~~gone~~ `tick` ||spoiler|| [x](y) <@123>"))
        .isEqualTo(
            "\\*star\\* \\_under\\_ \\~\\~gone\\~\\~ \\`tick\\` \\|\\|spoiler\\|\\| \\[x\\](y) \\<@123\\>");
  }

  @Test
  void lineStartsThatWouldMakeHeadingsListsOrQuotesAreEscaped() {
    assertThat(DiscordMarkdown.escape("# big\n-# small\n- item\n1. first\n> quote\n2026-03-02 ok"))
        .isEqualTo("\\# big\n\\-\\# small\n\\- item\n1\\. first\n\\> quote\n2026-03-02 ok");
  }

  @Test
  void boldKeepsSurroundingSpacesOutsideItsMarkers() {
    assertThat(DiscordMarkdown.render(Text.empty().bold(" Right: 42. ")))
        .isEqualTo(" **Right: 42.** ");
  }

  @Test
  void codeCannotBeBrokenOutOf() {
    assertThat(DiscordMarkdown.render(Text.empty().code("a`b"))).isEqualTo("`aˋb`");
  }

  @Test
  void onlyWebLinksBecomeLinks() {
    assertThat(DiscordMarkdown.render(Text.empty().link("click", "javascript:alert(1)")))
        .isEqualTo("click");
    assertThat(DiscordMarkdown.render(Text.empty().link("paper", "https://x.org/a (b)")))
        .isEqualTo("[paper](https://x.org/a%20%28b%29)");
  }

  @Test
  void titlesEscapeOnlyWhatTitlesRender() {
    assertThat(DiscordMarkdown.title("👥 #study_group: *all*\nmembers"))
        .isEqualTo("👥 #study\\_group: \\*all\\* members");
  }
}
