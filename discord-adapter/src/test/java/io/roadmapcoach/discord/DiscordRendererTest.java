package io.roadmapcoach.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.roadmapcoach.core.reply.Attachment;
import io.roadmapcoach.core.reply.Block;
import io.roadmapcoach.core.reply.Button;
import io.roadmapcoach.core.reply.Reply;
import io.roadmapcoach.core.reply.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import net.dv8tion.jda.api.components.buttons.ButtonStyle;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.data.DataObject;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.junit.jupiter.api.Test;

/** Core replies as Discord embeds and action rows, within Discord's limits. */
class DiscordRendererTest {

  @Test
  void aStatusLikeReplyIsOneEmbedWithFieldsAndARowOfButtons() {
    Reply reply =
        Reply.builder()
            .header("Stage 3 of 15: Machine Learning Fundamentals")
            .progress(1, 3, "objectives done")
            .section(Text.of("Next: objective 2. Then ").code("/roadmap done 2").plain("."))
            .fields(
                List.of(
                    new Block.Field("Points", Text.of("120")),
                    new Block.Field("Streak", Text.of("4 days"))))
            .buttons(
                List.of(
                    Button.primary("Mark objective 2 done", "rc:d:3:2"),
                    Button.of("Take the stage quiz", "rc:q")))
            .context(Text.of("Reminders at 09:00"))
            .build();

    DiscordMessage message = DiscordRenderer.render(reply);

    assertThat(message.embeds()).hasSize(1);
    MessageEmbed embed = message.embeds().getFirst();
    assertThat(embed.getTitle()).isEqualTo("Stage 3 of 15: Machine Learning Fundamentals");
    assertThat(embed.getDescription())
        .contains("▰▰▰▱▱▱▱▱▱▱  1/3 · objectives done")
        .contains("Next: objective 2. Then `/roadmap done 2`.")
        .endsWith("-# Reminders at 09:00");
    assertThat(embed.getFields())
        .extracting(
            MessageEmbed.Field::getName, MessageEmbed.Field::getValue, MessageEmbed.Field::isInline)
        .containsExactly(tuple("Points", "120", true), tuple("Streak", "4 days", true));
    assertThat(embed.getColorRaw()).isEqualTo(DiscordRenderer.COLOR);
    assertThat(message.rows()).hasSize(1);
    var buttons = message.rows().getFirst().getButtons();
    assertThat(buttons)
        .extracting(b -> b.getCustomId(), b -> b.getLabel(), b -> b.getStyle())
        .containsExactly(
            tuple("rc:d:3:2", "Mark objective 2 done", ButtonStyle.PRIMARY),
            tuple("rc:q", "Take the stage quiz", ButtonStyle.SECONDARY));
  }

  @Test
  void aDividerAndANewHeaderStartANewEmbed() {
    Reply reply =
        Reply.builder()
            .section(Text.of("✅ ").bold("Right."))
            .divider()
            .header("Stage 1 quiz · question 2 of 5")
            .section(Text.of("What does the Central Limit Theorem say?"))
            .build();

    List<MessageEmbed> embeds = DiscordRenderer.render(reply).embeds();

    assertThat(embeds).hasSize(2);
    assertThat(embeds.get(0).getTitle()).isNull();
    assertThat(embeds.get(0).getDescription()).isEqualTo("✅ **Right.**");
    assertThat(embeds.get(1).getTitle()).isEqualTo("Stage 1 quiz · question 2 of 5");
  }

  @Test
  void buttonsGoFiveToARowAndAtMostFiveRows() {
    List<Button> many =
        IntStream.rangeClosed(1, 28)
            .mapToObj(i -> Button.of("Option " + i, "rc:a:9:1:" + i))
            .toList();

    DiscordMessage message = DiscordRenderer.render(Reply.builder().buttons(many).build());

    assertThat(message.rows()).hasSize(5);
    assertThat(message.rows()).allSatisfy(row -> assertThat(row.getButtons()).hasSize(5));
  }

  @Test
  void quizOptionsLongerThanAButtonLabelAreListedInFullAndNumbered() {
    String longOption = "A".repeat(85);
    Reply reply =
        Reply.builder()
            .header("Stage 1 quiz · question 1 of 5")
            .section(Text.of("Which is it?"))
            .buttons(List.of(Button.of("Short", "rc:a:9:1:0"), Button.of(longOption, "rc:a:9:1:1")))
            .build();

    DiscordMessage message = DiscordRenderer.render(reply);

    var buttons = message.rows().getFirst().getButtons();
    assertThat(buttons).extracting(b -> b.getLabel()).allMatch(label -> label.length() <= 80);
    assertThat(buttons.get(0).getLabel()).isEqualTo("1. Short");
    assertThat(buttons.get(1).getLabel()).startsWith("2. AAA").endsWith("…");
    assertThat(message.embeds().getFirst().getDescription()).contains("**2.** " + longOption);
  }

  @Test
  void repeatedOrOverlongButtonIdsAreLeftOutRatherThanRefusedByDiscord() {
    Reply reply =
        Reply.builder()
            .buttons(
                List.of(
                    Button.of("One", "rc:q"),
                    Button.of("Again", "rc:q"),
                    Button.of("Long", "rc:" + "9".repeat(120))))
            .build();

    assertThat(DiscordRenderer.render(reply).rows().getFirst().getButtons())
        .extracting(b -> b.getLabel())
        .containsExactly("One");
  }

  @Test
  void directMessageButtonsCarryTheirGuild() {
    Reply reply = Reply.builder().buttons(List.of(Button.of("Snooze a day", "rc:s:1"))).build();

    DiscordMessage message =
        DiscordRenderer.render(reply, DmButtons.forGuild("200000000000000002"));

    assertThat(message.rows().getFirst().getButtons().getFirst().getCustomId())
        .isEqualTo("g200000000000000002|rc:s:1");
  }

  @Test
  void moreThan25FieldsContinueInAnotherEmbed() {
    List<Block.Field> fields = new ArrayList<>();
    for (int i = 1; i <= 30; i++) {
      fields.add(new Block.Field("Member " + i, Text.of("stage " + i)));
    }

    List<MessageEmbed> embeds =
        DiscordRenderer.render(Reply.builder().header("Team").fields(fields).build()).embeds();

    assertThat(embeds).hasSize(2);
    assertThat(embeds.get(0).getFields()).hasSize(25);
    assertThat(embeds.get(1).getFields()).hasSize(5);
  }

  @Test
  void aLongTeamListStaysWithinTheMessageLimitsAndKeepsItsFooter() {
    StringBuilder lines = new StringBuilder();
    for (int i = 1; i <= 400; i++) {
      lines
          .append("• member")
          .append(i)
          .append(" · stage 3 (1/3) · last active 2 Mar · streak 4\n");
    }
    Reply reply =
        Reply.builder()
            .header("👥 #study-group: 400 members on the roadmap")
            .section(Text.of(lines.toString().strip()))
            .context(Text.of("Everyone, as a file: ").code("/roadmap team csv"))
            .build();

    List<MessageEmbed> embeds = DiscordRenderer.render(reply).embeds();

    assertThat(embeds.size()).isBetween(1, 10);
    int total = embeds.stream().mapToInt(MessageEmbed::getLength).sum();
    assertThat(total).isLessThanOrEqualTo(6000);
    assertThat(embeds)
        .allSatisfy(e -> assertThat(e.getDescription().length()).isLessThanOrEqualTo(4096));
    assertThat(embeds.getLast().getDescription())
        .endsWith("-# Everyone, as a file: `/roadmap team csv`");
    String all = embeds.stream().map(MessageEmbed::getDescription).reduce("", String::concat);
    assertThat(all).contains("\n…").doesNotContain("member400 ");
  }

  @Test
  void longTitlesAndFieldValuesAreShortened() {
    Reply reply =
        Reply.builder()
            .header("T".repeat(300))
            .fields(List.of(new Block.Field("Notes", Text.of("v".repeat(2000)))))
            .build();

    MessageEmbed embed = DiscordRenderer.render(reply).embeds().getFirst();

    assertThat(embed.getTitle()).hasSize(256).endsWith("…");
    assertThat(embed.getFields().getFirst().getValue()).hasSize(1024).endsWith("…");
  }

  @Test
  void theTeamFileIsAnAttachmentOfTheMessage() {
    Reply reply =
        Reply.builder()
            .section(Text.of("The progress of everyone in #study-group, stalest first."))
            .build()
            .withAttachment(
                new Attachment("team-study-group.csv", "text/csv", "member,stage\nAna,1\n"));

    MessageCreateData create = DiscordRenderer.render(reply).create();

    assertThat(create.getFiles()).hasSize(1);
    assertThat(create.getFiles().getFirst().getName()).isEqualTo("team-study-group.csv");
  }

  @Test
  void anEditReplacesButtonsEvenWithNone() {
    Reply result = Reply.builder().header("🎉 Passed: 5 of 5").replacingOriginal().build();

    MessageEditData edit = DiscordRenderer.render(result).edit();
    DataObject json = edit.toData();

    assertThat(json.getArray("components").length()).isZero();
    assertThat(json.getArray("embeds").length()).isEqualTo(1);
  }

  @Test
  void nothingToShowStillMakesAValidMessage() {
    DiscordMessage message = DiscordRenderer.render(Reply.builder().build());

    assertThat(message.content()).isNotEmpty();
    assertThat(message.create().getContent()).isNotEmpty();
  }

  @Test
  void repliesNeverPing() {
    Reply reply = Reply.text("@everyone look");

    DataObject json = DiscordRenderer.render(reply).create().toData();

    assertThat(json.getObject("allowed_mentions").getArray("parse").length()).isZero();
  }
}
