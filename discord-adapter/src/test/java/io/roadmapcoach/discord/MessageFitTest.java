package io.roadmapcoach.discord;

import static org.assertj.core.api.Assertions.assertThat;

import io.roadmapcoach.core.testing.Utf16;
import java.util.List;
import net.dv8tion.jda.api.entities.MessageEmbed;
import org.junit.jupiter.api.Test;

class MessageFitTest {
  private static final String PARTY = "\uD83C\uDF89"; // 🎉
  private static final String FAMILY = "\uD83D\uDC69\u200D\uD83D\uDC69\u200D\uD83D\uDC67";

  @Test
  void aLongFieldOfEmojiIsCutBetweenCharacters() {
    // the "Leads" field of settings, as captured: names full of emoji past 1024 code units
    for (int shift = 0; shift < 8; shift++) {
      String leads = "x".repeat(shift) + (PARTY + PARTY + ", ab").repeat(200);
      MessageFit.FieldPiece field = MessageFit.field("Leads", leads);
      String value = field.field().getValue();
      assertThat(value.length()).isLessThanOrEqualTo(MessageFit.FIELD_VALUE_MAX);
      assertThat(Utf16.wellFormed(value)).as("shift %d: %s", shift, value).isTrue();
      assertThat(value).endsWith("…");
    }
  }

  @Test
  void titlesAndLabelsKeepZwjSequencesWhole() {
    for (int shift = 0; shift < FAMILY.length(); shift++) {
      String text = "y".repeat(shift) + FAMILY.repeat(60);
      String title = MessageFit.title(text).text();
      String kept = title.substring(shift, title.length() - 1);
      assertThat(kept.length() % FAMILY.length()).as("shift %d", shift).isZero();
      String label = MessageFit.truncate(text, MessageFit.LABEL_MAX);
      assertThat(label.length()).isLessThanOrEqualTo(MessageFit.LABEL_MAX);
      assertThat(label.substring(shift, label.length() - 1).length() % FAMILY.length()).isZero();
    }
  }

  @Test
  void aDescriptionSplitAcrossEmbedsNeverSplitsAPair() {
    String paragraph = (PARTY.repeat(7) + "z").repeat(1200); // one line, far past 4096
    List<MessageEmbed> embeds =
        MessageFit.embeds(List.of(new MessageFit.Paragraph(paragraph)), DiscordRenderer.COLOR);
    assertThat(embeds).isNotEmpty();
    for (MessageEmbed embed : embeds) {
      assertThat(Utf16.wellFormed(embed.getDescription())).isTrue();
      assertThat(embed.getDescription().length()).isLessThanOrEqualTo(MessageFit.DESCRIPTION_MAX);
    }
  }
}
