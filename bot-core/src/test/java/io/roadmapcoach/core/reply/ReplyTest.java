package io.roadmapcoach.core.reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReplyTest {

  @Test
  void plainTextKeepsTheWordsOfEveryBlockInOrder() {
    Reply reply =
        Reply.builder()
            .header("Stage 1")
            .section(Text.of("Try ").code("/roadmap done 1").plain(" or ").bold("relax"))
            .progress(1, 3, "objectives")
            .fields(List.of(new Block.Field("Points", Text.of("10"))))
            .buttons(List.of(Button.of("Yes", "rc:q")))
            .divider()
            .context(Text.empty().italic("small print"))
            .build();

    assertThat(reply.plainText())
        .isEqualTo(
            "Stage 1\nTry /roadmap done 1 or relax\n1/3 objectives\nPoints: 10\n\n[Yes] \n---\n"
                + "small print\n");
  }

  @Test
  void buttonsAreCollectedFromEveryRowInOrder() {
    Reply reply =
        Reply.builder()
            .buttons(List.of(Button.of("a", "rc:q"), Button.primary("b", "rc:s:1")))
            .section("between")
            .buttons(List.of(Button.of("c", "rc:s:2")))
            .build();

    assertThat(reply.buttons()).extracting(Button::label).containsExactly("a", "b", "c");
    assertThat(reply.buttons().get(1).style()).isEqualTo(Button.Style.PRIMARY);
  }

  @Test
  void emptyRowsAndFieldListsAddNoBlock() {
    Reply reply = Reply.builder().buttons(List.of()).fields(List.of()).build();

    assertThat(reply.blocks()).isEmpty();
  }

  @Test
  void aReplyIsForTheCallerUnlessSaidOtherwise() {
    Reply reply = Reply.text("hi");

    assertThat(reply.visibility()).isEqualTo(Visibility.CALLER);
    assertThat(reply.replacesOriginal()).isFalse();
    assertThat(reply.visibleTo(Visibility.CHANNEL).visibility()).isEqualTo(Visibility.CHANNEL);
    assertThat(reply.replacingOriginal().replacesOriginal()).isTrue();
    assertThat(reply.withAttachment(new Attachment("a.csv", "text/csv", "x")).attachment())
        .isPresent();
  }

  @Test
  void progressOutsideItsTotalIsRefused() {
    assertThatThrownBy(() -> new Block.Progress(4, 3, "x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Block.Progress(0, 0, "x"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void textIsEmptyWhenAllItsSpansAre() {
    assertThat(Text.empty().isEmpty()).isTrue();
    assertThat(Text.empty().code("").isEmpty()).isTrue();
    assertThat(Text.empty().code("x").isEmpty()).isFalse();
  }

  @Test
  void anEchoCarriesNoBidiOverrideNoFormatAndNoControlCharacter() {
    String typed = "abc\u202edef\u2066x\u200by\u0000z\u0007\u200fend";

    String echoed = Echo.of(typed);

    assertThat(echoed).isEqualTo("abcdefxy z end");
    assertThat(echoed.codePoints())
        .noneMatch(
            c ->
                Character.getType(c) == Character.FORMAT
                    || Character.getType(c) == Character.CONTROL);
  }
}
