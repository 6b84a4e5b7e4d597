package io.roadmapcoach.discord;

import static io.roadmapcoach.db.schema.Tables.MEMBER;
import static io.roadmapcoach.discord.FakeEvents.button;
import static io.roadmapcoach.discord.FakeEvents.firstButtonId;
import static io.roadmapcoach.discord.FakeEvents.replies;
import static io.roadmapcoach.discord.FakeEvents.slash;
import static io.roadmapcoach.discord.FakeEvents.withReplies;
import static io.roadmapcoach.discord.FakeEvents.words;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.roadmapcoach.core.Core;
import io.roadmapcoach.core.quiz.QuizBank;
import io.roadmapcoach.core.quiz.QuizBankLoader;
import io.roadmapcoach.core.roadmap.Roadmap;
import io.roadmapcoach.core.roadmap.RoadmapLoader;
import io.roadmapcoach.core.roadmap.RoadmapSource;
import io.roadmapcoach.core.testing.TestClock;
import io.roadmapcoach.db.testing.PostgresExtension;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ScheduledExecutorService;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.requests.restaction.interactions.MessageEditCallbackAction;
import net.dv8tion.jda.api.requests.restaction.interactions.ReplyCallbackAction;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;

/** Button presses (JDA's events faked) into the real core: answered in place, or anew. */
@ExtendWith(PostgresExtension.class)
class ButtonPressesTest {
  private static final Roadmap ROADMAP = new RoadmapLoader().load(RoadmapSource.builtIn());
  private static final QuizBank BANK = new QuizBankLoader().load(RoadmapSource.builtIn(), ROADMAP);

  private DSLContext dsl;
  private SlashCommands commands;
  private ButtonPresses buttons;

  @BeforeEach
  void setUp(DSLContext dsl) {
    this.dsl = dsl;
    TestClock clock = TestClock.at("2026-03-02T10:00:00Z");
    Core core = Core.builder(dsl, ROADMAP, BANK).clock(clock).random(new Random(3)).build();
    // the core's work runs inline, so the test sees its answer at once
    Acknowledgements acknowledgements =
        new Acknowledgements(
            Runnable::run, mock(ScheduledExecutorService.class), Duration.ofSeconds(2));
    commands =
        new SlashCommands(
            core.coach(),
            new CommandSurface(core.coach().commands()),
            acknowledgements,
            new AttachmentFetch(AttachmentFetch.client(AttachmentFetch.WAIT)));
    buttons = new ButtonPresses(core.coach(), acknowledgements);
  }

  @Test
  void aQuizAnswerEditsTheEphemeralQuizMessageInPlace() {
    commands.onSlashCommandInteraction(withReplies(slash("start", List.of())));
    SlashCommandInteractionEvent quiz = slash("quiz", List.of());
    replies(quiz);
    ArgumentCaptor<MessageCreateData> question = ArgumentCaptor.forClass(MessageCreateData.class);
    commands.onSlashCommandInteraction(quiz);
    verify(quiz).reply(question.capture());
    String answer = firstButtonId(question.getValue());

    ButtonInteractionEvent press = button(answer, true);
    MessageEditCallbackAction edit = mock(MessageEditCallbackAction.class);
    when(press.editMessage(any(MessageEditData.class))).thenReturn(edit);
    ArgumentCaptor<MessageEditData> edited = ArgumentCaptor.forClass(MessageEditData.class);

    buttons.onButtonInteraction(press);

    verify(press).editMessage(edited.capture());
    assertThat(words(edited.getValue().getEmbeds())).contains("question 2 of 5");
  }

  @Test
  void aSharedPostIsNeverReplacedByOneMembersAnswer() {
    commands.onSlashCommandInteraction(withReplies(slash("start", List.of())));
    SlashCommandInteractionEvent quiz = withReplies(slash("quiz", List.of()));
    ArgumentCaptor<MessageCreateData> question = ArgumentCaptor.forClass(MessageCreateData.class);
    commands.onSlashCommandInteraction(quiz);
    verify(quiz).reply(question.capture());
    String answer = firstButtonId(question.getValue());

    ButtonInteractionEvent press = button(answer, false); // pressed on a message everyone sees
    ReplyCallbackAction reply = mock(ReplyCallbackAction.class);
    when(press.reply(any(MessageCreateData.class))).thenReturn(reply);
    when(reply.setEphemeral(anyBoolean())).thenReturn(reply);

    buttons.onButtonInteraction(press);

    verify(press, never()).editMessage(any(MessageEditData.class));
    verify(reply).setEphemeral(true);
  }

  @Test
  void aForeignButtonInADirectMessageIsTurnedAway() {
    ButtonInteractionEvent press = button("rc:q", true);
    when(press.getGuild()).thenReturn(null);
    ReplyCallbackAction reply = mock(ReplyCallbackAction.class);
    when(press.reply(any(MessageCreateData.class))).thenReturn(reply);
    when(reply.setEphemeral(anyBoolean())).thenReturn(reply);

    buttons.onButtonInteraction(press);

    verify(reply).setEphemeral(true);
    assertThat(dsl.fetchCount(MEMBER)).isZero();
  }
}
