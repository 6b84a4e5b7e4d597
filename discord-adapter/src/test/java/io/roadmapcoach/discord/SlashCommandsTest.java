package io.roadmapcoach.discord;

import static io.roadmapcoach.db.schema.Tables.CHANNEL;
import static io.roadmapcoach.db.schema.Tables.JOURNEY;
import static io.roadmapcoach.db.schema.Tables.MEMBER;
import static io.roadmapcoach.db.schema.Tables.OBJECTIVE_DONE;
import static io.roadmapcoach.discord.FakeEvents.replies;
import static io.roadmapcoach.discord.FakeEvents.slash;
import static io.roadmapcoach.discord.FakeEvents.withReplies;
import static io.roadmapcoach.discord.FakeEvents.words;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import gnu.trove.map.hash.TLongObjectHashMap;
import io.roadmapcoach.core.Core;
import io.roadmapcoach.core.quiz.QuizBank;
import io.roadmapcoach.core.quiz.QuizBankLoader;
import io.roadmapcoach.core.roadmap.Roadmap;
import io.roadmapcoach.core.roadmap.RoadmapLoader;
import io.roadmapcoach.core.roadmap.RoadmapSource;
import io.roadmapcoach.core.testing.TestClock;
import io.roadmapcoach.db.testing.PostgresExtension;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.AutoCompleteQuery;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.requests.restaction.WebhookMessageEditAction;
import net.dv8tion.jda.api.requests.restaction.interactions.AutoCompleteCallbackAction;
import net.dv8tion.jda.api.requests.restaction.interactions.ReplyCallbackAction;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.data.DataObject;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;

/**
 * Slash commands (JDA's events faked where Discord would build them) into the real core on
 * PostgreSQL: what text the core gets, what is answered and how (ephemeral, deferred).
 */
@ExtendWith(PostgresExtension.class)
class SlashCommandsTest {
  private static final Roadmap ROADMAP = new RoadmapLoader().load(RoadmapSource.builtIn());
  private static final QuizBank BANK = new QuizBankLoader().load(RoadmapSource.builtIn(), ROADMAP);

  private DSLContext dsl;
  private ScheduledExecutorService timer;
  private SlashCommands commands;

  @BeforeEach
  void setUp(DSLContext dsl) {
    this.dsl = dsl;
    TestClock clock = TestClock.at("2026-03-02T10:00:00Z");
    Core core = Core.builder(dsl, ROADMAP, BANK).clock(clock).random(new Random(3)).build();
    timer = mock(ScheduledExecutorService.class);
    commands =
        new SlashCommands(
            core.coach(),
            new CommandSurface(core.coach().commands()),
            // the core's work runs inline, so the test sees its answer at once
            new Acknowledgements(Runnable::run, timer, Duration.ofSeconds(2)),
            new AttachmentFetch(AttachmentFetch.client(AttachmentFetch.WAIT)));
  }

  @Test
  void aSlashCommandIsAnsweredEphemerallyWithTheCoresReply() {
    SlashCommandInteractionEvent start = slash("start", List.of());
    ReplyCallbackAction startReply = replies(start);
    commands.onSlashCommandInteraction(start);
    verify(startReply).setEphemeral(true);

    SlashCommandInteractionEvent status = slash("status", List.of());
    ReplyCallbackAction statusReply = replies(status);
    ArgumentCaptor<MessageCreateData> sent = ArgumentCaptor.forClass(MessageCreateData.class);

    commands.onSlashCommandInteraction(status);

    verify(status).reply(sent.capture());
    verify(statusReply).setEphemeral(true);
    MessageEmbed embed = sent.getValue().getEmbeds().getFirst();
    assertThat(embed.getTitle()).contains("Stage 1");
    assertThat(embed.getFields()).extracting(MessageEmbed.Field::getName).contains("Points");
    assertThat(dsl.select(MEMBER.DISPLAY_NAME).from(MEMBER).fetchSingle().value1())
        .isEqualTo("Ana B.");
    assertThat(dsl.select(CHANNEL.REMINDER_MODE).from(CHANNEL).fetchSingle().value1())
        .isEqualTo("channel");
  }

  @Test
  void aStagesResourcesArriveAsMarkdownLinks() {
    SlashCommandInteractionEvent stage =
        withReplies(slash("stage", List.of(CommandSurfaceTest.integer("number", 1))));
    ArgumentCaptor<MessageCreateData> sent = ArgumentCaptor.forClass(MessageCreateData.class);

    commands.onSlashCommandInteraction(stage);

    verify(stage).reply(sent.capture());
    assertThat(words(sent.getValue().getEmbeds()))
        .contains(
            "📖 [Mathematics for Machine Learning](https://mml-book.github.io/) · Deisenroth,"
                + " Faisal, Ong (Cambridge University Press) · free");
  }

  @Test
  void typedOptionsReachTheCoreAsItsText() {
    commands.onSlashCommandInteraction(withReplies(slash("start", List.of())));
    SlashCommandInteractionEvent done =
        withReplies(slash("done", List.of(CommandSurfaceTest.integer("objective", 1))));
    ArgumentCaptor<MessageCreateData> sent = ArgumentCaptor.forClass(MessageCreateData.class);

    commands.onSlashCommandInteraction(done);

    verify(done).reply(sent.capture());
    assertThat(words(sent.getValue().getEmbeds())).contains("Objective 1 of stage 1 done");
    assertThat(dsl.fetchCount(OBJECTIVE_DONE)).isEqualTo(1);
  }

  @Test
  void aNumberOptionWithoutAValueGetsTheCommandsUsageAndChangesNothing() {
    commands.onSlashCommandInteraction(withReplies(slash("start", List.of())));
    DataObject noValue =
        DataObject.empty().put("name", "objective").put("type", OptionType.INTEGER.getKey());
    OptionMapping missing = new OptionMapping(noValue, new TLongObjectHashMap<>(), null, null);
    OptionMapping notANumber =
        CommandSurfaceTest.option("stage", OptionType.INTEGER.getKey(), "two");

    for (SlashCommandInteractionEvent unreadable :
        List.of(
            slash("done", List.of(missing)),
            slash(
                "team",
                "set-stage",
                List.of(CommandSurfaceTest.user("member", "U1"), notANumber)))) {
      ReplyCallbackAction reply = replies(unreadable);
      ArgumentCaptor<MessageCreateData> sent = ArgumentCaptor.forClass(MessageCreateData.class);

      commands.onSlashCommandInteraction(unreadable);

      verify(unreadable).reply(sent.capture());
      verify(reply).setEphemeral(true);
      assertThat(words(sent.getValue().getEmbeds()) + sent.getValue().getContent())
          .contains("Fill it in like this")
          .containsAnyOf(
              "/roadmap done objective:<number>",
              "/roadmap team set-stage member:<@member> stage:<number>");
    }
    assertThat(dsl.fetchCount(OBJECTIVE_DONE)).isZero();
    assertThat(dsl.select(JOURNEY.STAGE).from(JOURNEY).fetchSingle().value1()).isEqualTo(1);
  }

  @Test
  void aGroupedSubcommandReachesTheCoreAsTheWordsItStandsFor() {
    commands.onSlashCommandInteraction(withReplies(slash("start", List.of())));
    SlashCommandInteractionEvent zone =
        withReplies(
            slash("channel", "tz", List.of(CommandSurfaceTest.string("zone", "Europe/Berlin"))));
    ArgumentCaptor<MessageCreateData> sent = ArgumentCaptor.forClass(MessageCreateData.class);

    commands.onSlashCommandInteraction(zone); // the first member leads the channel

    verify(zone).reply(sent.capture());
    assertThat(words(sent.getValue().getEmbeds())).contains("Europe/Berlin");
    assertThat(dsl.select(CHANNEL.TIME_ZONE).from(CHANNEL).fetchSingle().value1())
        .isEqualTo("Europe/Berlin");
  }

  @Test
  void leaderboardsAreShownToTheChannel() {
    commands.onSlashCommandInteraction(withReplies(slash("start", List.of())));
    SlashCommandInteractionEvent board = slash("leaderboard", List.of());
    ReplyCallbackAction reply = replies(board);

    commands.onSlashCommandInteraction(board);

    verify(reply).setEphemeral(false);
  }

  @Test
  void outsideAServerTheCommandIsTurnedAwayPolitely() {
    SlashCommandInteractionEvent event = slash("start", List.of());
    when(event.getGuild()).thenReturn(null);
    ReplyCallbackAction reply = replies(event);
    ArgumentCaptor<MessageCreateData> sent = ArgumentCaptor.forClass(MessageCreateData.class);

    commands.onSlashCommandInteraction(event);

    verify(event).reply(sent.capture());
    verify(reply).setEphemeral(true);
    assertThat(sent.getValue().getEmbeds().getFirst().getDescription())
        .contains("in a channel of your server");
    assertThat(dsl.fetchCount(MEMBER)).isZero();
  }

  @Test
  void theTeamFileIsDeferredBeforeTheCoreRunsAndSentThroughTheHook() {
    commands.onSlashCommandInteraction(withReplies(slash("start", List.of())));
    SlashCommandInteractionEvent team =
        slash("team", "progress", List.of(CommandSurfaceTest.bool("csv", true)));
    ReplyCallbackAction deferral = mock(ReplyCallbackAction.class);
    when(team.deferReply(anyBoolean())).thenReturn(deferral);
    InteractionHook hook = mock(InteractionHook.class);
    @SuppressWarnings("unchecked")
    WebhookMessageEditAction<Message> edit = mock(WebhookMessageEditAction.class);
    when(team.getHook()).thenReturn(hook);
    when(hook.editOriginal(any(MessageEditData.class))).thenReturn(edit);
    ArgumentCaptor<MessageEditData> sent = ArgumentCaptor.forClass(MessageEditData.class);

    commands.onSlashCommandInteraction(team);

    verify(team).deferReply(true);
    verify(team, never()).reply(any(MessageCreateData.class));
    verify(hook).editOriginal(sent.capture());
    assertThat(sent.getValue().getFiles())
        .extracting(FileUpload::getName)
        .containsExactly("team-study-group.csv");
  }

  @Test
  void aDeferralIsScheduledForEveryCommand() {
    commands.onSlashCommandInteraction(withReplies(slash("stages", List.of())));

    verify(timer).schedule(any(Runnable.class), anyLong(), any(TimeUnit.class));
  }

  // ---- autocomplete ----

  @Test
  void timeZonesAreSuggestedFromWhatWasTyped() {
    CommandAutoCompleteInteractionEvent event = mock(CommandAutoCompleteInteractionEvent.class);
    when(event.getName()).thenReturn("roadmap");
    when(event.getFocusedOption())
        .thenReturn(new AutoCompleteQuery(CommandSurfaceTest.string(CommandSurface.ZONE, "berl")));
    AutoCompleteCallbackAction action = mock(AutoCompleteCallbackAction.class);
    when(event.replyChoices(any(Collection.class))).thenReturn(action);
    @SuppressWarnings("unchecked")
    ArgumentCaptor<Collection<Command.Choice>> choices = ArgumentCaptor.forClass(Collection.class);

    commands.onCommandAutoCompleteInteraction(event);

    verify(event).replyChoices(choices.capture());
    assertThat(choices.getValue())
        .extracting(Command.Choice::getAsString)
        .contains("Europe/Berlin");
  }

  @Test
  void atMost25ZonesAreOffered() {
    assertThat(SlashCommands.zoneChoices("")).hasSize(25);
    assertThat(SlashCommands.zoneChoices("america/")).hasSize(25);
    assertThat(SlashCommands.zoneChoices("no such place")).isEmpty();
  }
}
