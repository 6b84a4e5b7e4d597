package io.roadmapcoach.slack.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.element.ButtonElement;
import io.roadmapcoach.core.reply.Block;
import io.roadmapcoach.core.reply.Button;
import io.roadmapcoach.core.reply.Reply;
import io.roadmapcoach.core.reply.Text;
import io.roadmapcoach.core.reply.Visibility;
import io.roadmapcoach.slack.testing.BlockKitLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SlackRendererTest {

  private static String sectionText(LayoutBlock block) {
    return ((MarkdownTextObject) ((SectionBlock) block).getText()).getText();
  }

  @Test
  void plainTextIsEscapedSoNothingTypedCanPingOrLink() {
    Reply reply = Reply.text(Text.of("Tom & Jerry <!channel> <@U123> a>b"));

    String text = sectionText(SlackRenderer.message(reply).get(0));

    assertThat(text).isEqualTo("Tom &amp; Jerry &lt;!channel&gt; &lt;@U123&gt; a&gt;b");
    assertThat(SlackRenderer.fallbackText(reply)).doesNotContain("<!channel>");
  }

  @Test
  void spansBecomeMrkdwn() {
    Text text =
        Text.of("Try ")
            .code("/roadmap status")
            .plain(", ")
            .bold("well done ")
            .italic("really")
            .plain(" ")
            .link("the guide", "https://example.com/a?b=1&c=2");

    String mrkdwn = sectionText(SlackRenderer.message(Reply.text(text)).get(0));

    assertThat(mrkdwn)
        .isEqualTo(
            "Try `/roadmap status`, *well done* _really_ <https://example.com/a?b=1&amp;c=2|the"
                + " guide>");
  }

  @Test
  void formattingItsOwnDelimiterWouldBreakIsWrittenPlain() {
    Text text =
        Text.empty()
            .bold("2 * 3")
            .plain(" ")
            .code("a`b")
            .plain(" ")
            .link("x", "javascript:alert(1)");

    assertThat(sectionText(SlackRenderer.message(Reply.text(text)).get(0)))
        .isEqualTo("2 * 3 a`b x");
  }

  @Test
  void aHeaderIsPlainTextOfAtMost150Characters() {
    Reply reply = Reply.builder().header("H".repeat(400)).build();

    HeaderBlock header = (HeaderBlock) SlackRenderer.message(reply).get(0);

    assertThat(header.getText().getType()).isEqualTo("plain_text");
    assertThat(header.getText().getText()).hasSize(150).endsWith("…");
  }

  @Test
  void longTextIsSplitIntoSectionsBetweenLines() {
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < 200; i++) {
      lines.append("• member ").append(i).append(" · stage 3 (1/3) · streak 4 & more\n");
    }

    List<LayoutBlock> blocks = SlackRenderer.message(Reply.text(lines.toString()));

    assertThat(blocks).hasSizeGreaterThan(1);
    for (LayoutBlock block : blocks) {
      String text = sectionText(block);
      assertThat(text.length()).isLessThanOrEqualTo(3000);
      assertThat(text).startsWith("• member ").endsWith("more");
    }
    String joined = String.join("\n", blocks.stream().map(SlackRendererTest::sectionText).toList());
    assertThat(joined.split("\n")).hasSize(200);
  }

  @Test
  void aLineOfSeveralSpansStaysInOneSection() {
    Text text = Text.empty();
    for (int i = 0; i < 120; i++) {
      text =
          text.plain("• member " + i + " · ")
              .bold("stage " + i)
              .plain(" · try ")
              .code("/roadmap done 1")
              .plain("\n");
    }

    List<LayoutBlock> blocks = SlackRenderer.message(Reply.text(text));

    assertThat(blocks).hasSizeGreaterThan(1);
    for (LayoutBlock block : blocks) {
      assertThat(sectionText(block).length()).isLessThanOrEqualTo(3000);
      for (String line : sectionText(block).split("\n")) {
        assertThat(line).matches("• member \\d+ · \\*stage \\d+\\* · try `/roadmap done 1`");
      }
    }
  }

  @Test
  void aMessageNeverHasMoreThan50BlocksAndSaysWhatWasLeftOut() {
    Reply.Builder builder = Reply.builder();
    IntStream.range(0, 80).forEach(i -> builder.section("part " + i));

    List<LayoutBlock> blocks = SlackRenderer.message(builder.build());
    List<LayoutBlock> home = SlackRenderer.home(builder.build());

    assertThat(blocks).hasSize(50);
    assertThat(blocks.get(49)).isInstanceOf(ContextBlock.class);
    assertThat(
            ((MarkdownTextObject) ((ContextBlock) blocks.get(49)).getElements().get(0)).getText())
        .contains("31 more parts");
    assertThat(home).hasSize(80);
  }

  @Test
  void fieldsGoTenToASection() {
    List<Block.Field> fields = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      fields.add(new Block.Field("Label " + i, Text.of("value " + i)));
    }

    List<LayoutBlock> blocks = SlackRenderer.message(Reply.builder().fields(fields).build());

    assertThat(blocks).hasSize(2);
    SectionBlock first = (SectionBlock) blocks.get(0);
    assertThat(first.getFields()).hasSize(10);
    assertThat(((MarkdownTextObject) first.getFields().get(0)).getText())
        .isEqualTo("*Label 0*\nvalue 0");
    assertThat(((SectionBlock) blocks.get(1)).getFields()).hasSize(2);
  }

  @Test
  void progressIsABarOfTenCells() {
    assertThat(SlackRenderer.progress(new Block.Progress(0, 3, "none yet")))
        .isEqualTo("`░░░░░░░░░░`  *0/3*  none yet");
    assertThat(SlackRenderer.progress(new Block.Progress(1, 3, "one"))).startsWith("`███░░░░░░░`");
    assertThat(SlackRenderer.progress(new Block.Progress(44, 45, "almost")))
        .startsWith("`█████████░`");
    assertThat(SlackRenderer.progress(new Block.Progress(1, 45, "started")))
        .startsWith("`█░░░░░░░░░`");
    assertThat(SlackRenderer.progress(new Block.Progress(45, 45, "all")))
        .startsWith("`██████████`");
  }

  @Test
  void buttonsKeepTheirIdsAndStylesTwentyFiveToARow() {
    List<Button> buttons = new ArrayList<>();
    buttons.add(Button.primary("Take the quiz", "rc:q"));
    buttons.add(new Button("Snooze", "rc:s:1", Button.Style.DANGER));
    for (int i = 0; i < 28; i++) {
      buttons.add(Button.of("Done " + i, "rc:d:1:" + (i + 1)));
    }

    List<LayoutBlock> blocks = SlackRenderer.message(Reply.builder().buttons(buttons).build());

    assertThat(blocks).hasSize(2).allMatch(b -> b instanceof ActionsBlock);
    ActionsBlock first = (ActionsBlock) blocks.get(0);
    assertThat(first.getElements()).hasSize(25);
    ButtonElement quiz = (ButtonElement) first.getElements().get(0);
    assertThat(quiz.getActionId()).isEqualTo("rc:q");
    assertThat(quiz.getStyle()).isEqualTo("primary");
    assertThat(((ButtonElement) first.getElements().get(1)).getStyle()).isEqualTo("danger");
    assertThat(((ButtonElement) first.getElements().get(2)).getStyle()).isNull();
    assertThat(((ActionsBlock) blocks.get(1)).getElements()).hasSize(5);
  }

  @Test
  void answerLabelsTooLongForAButtonAreListedWholeAndTheButtonsLettered() {
    String longAnswer =
        "Because the validation loss stops improving while the training loss keeps falling, which"
            + " means";
    Reply reply =
        Reply.builder()
            .buttons(List.of(Button.of(longAnswer, "rc:a:1:1:0"), Button.of("Short", "rc:a:1:1:1")))
            .build();

    List<LayoutBlock> blocks = SlackRenderer.message(reply);

    assertThat(sectionText(blocks.get(0))).contains("*A*  " + longAnswer).contains("*B*  Short");
    ActionsBlock row = (ActionsBlock) blocks.get(1);
    String label = ((ButtonElement) row.getElements().get(0)).getText().getText();
    assertThat(label).startsWith("A  Because").hasSizeLessThanOrEqualTo(75);
    assertThat(((ButtonElement) row.getElements().get(1)).getText().getText())
        .isEqualTo("B  Short");
  }

  @Test
  void visibilityMapsToResponseType() {
    assertThat(SlackRenderer.responseType(Reply.text("x"))).isEqualTo("ephemeral");
    assertThat(SlackRenderer.responseType(Reply.text("x").visibleTo(Visibility.CHANNEL)))
        .isEqualTo("in_channel");
  }

  @Test
  void emptyTextMakesNoBlock() {
    Reply reply =
        Reply.builder().section(Text.empty()).context(Text.of("  ")).header(" ").divider().build();

    assertThat(SlackRenderer.message(reply)).hasSize(1);
  }

  @Test
  void aLongListStaysWithinSlacksMessageTotalAndSaysHowManyMoreThereAre() {
    // the captured daily post: 32 members with 80-character names, 8 sections each under 3000
    String name = "🎉 *Ana* <b>Marí́a</b> & co " + "x".repeat(50);
    Reply.Builder builder = Reply.builder().header("Today in #study-group");
    for (int section = 0; section < 8; section++) {
      StringBuilder lines = new StringBuilder();
      for (int member = 0; member < 12; member++) {
        lines.append("• ").append(name).append(" · stage 3 · 12 days\n");
      }
      builder.section(lines.toString());
    }
    builder.context(Text.of("Type /roadmap done to tick one off"));
    Reply reply = builder.buttons(List.of(Button.of("Done", "rc:d:1"))).build();

    List<LayoutBlock> blocks = SlackRenderer.message(reply);

    assertThat(BlockKitLimits.message(blocks).ok()).isTrue();
    int total = blocks.stream().mapToInt(SlackRenderer::textLength).sum();
    assertThat(total).isLessThanOrEqualTo(SlackRenderer.MESSAGE_TEXT_BUDGET);
    assertThat(blocks.getFirst()).isInstanceOf(HeaderBlock.class);
    assertThat(blocks.getLast()).isInstanceOf(ActionsBlock.class);
    String note =
        blocks.stream()
            .filter(ContextBlock.class::isInstance)
            .map(b -> ((MarkdownTextObject) ((ContextBlock) b).getElements().get(0)).getText())
            .filter(t -> t.contains("more"))
            .findFirst()
            .orElseThrow();
    assertThat(note).containsPattern("and \\d+ more \\(see `/roadmap team` or the dashboard\\)");
    int shown =
        blocks.stream()
            .filter(SectionBlock.class::isInstance)
            .mapToInt(b -> (int) sectionText(b).lines().count())
            .sum();
    int leftOut = Integer.parseInt(note.replaceAll("(?s).*and (\\d+) more.*", "$1"));
    assertThat(shown + leftOut).isEqualTo(96);
  }
}
