package io.roadmapcoach.discord;

import static io.roadmapcoach.db.schema.Tables.CHANNEL;
import static io.roadmapcoach.db.schema.Tables.MEMBER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.roadmapcoach.core.Core;
import io.roadmapcoach.core.caller.Caller;
import io.roadmapcoach.core.caller.Origin;
import io.roadmapcoach.core.caller.Platform;
import io.roadmapcoach.core.quiz.QuizBank;
import io.roadmapcoach.core.quiz.QuizBankLoader;
import io.roadmapcoach.core.reply.Reply;
import io.roadmapcoach.core.roadmap.Roadmap;
import io.roadmapcoach.core.roadmap.RoadmapLoader;
import io.roadmapcoach.core.roadmap.RoadmapSource;
import io.roadmapcoach.core.testing.TestClock;
import io.roadmapcoach.db.testing.PostgresExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.unions.IThreadContainerUnion;
import net.dv8tion.jda.api.entities.channel.unions.MessageChannelUnion;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.interactions.AutoCompleteQuery;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.requests.restaction.WebhookMessageEditAction;
import net.dv8tion.jda.api.requests.restaction.interactions.AutoCompleteCallbackAction;
import net.dv8tion.jda.api.requests.restaction.interactions.MessageEditCallbackAction;
import net.dv8tion.jda.api.requests.restaction.interactions.ReplyCallbackAction;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;

/**
 * JDA's own event types (faked with Mockito where Discord would build them) through the handler
 * into the real core on PostgreSQL: who the caller is, what text the core gets, what is answered
 * and how (ephemeral, edited in place, deferred).
 */
@ExtendWith(PostgresExtension.class)
class InteractionHandlerTest {
  private static final Roadmap ROADMAP = new RoadmapLoader().load(RoadmapSource.builtIn());
  private static final QuizBank BANK = new QuizBankLoader().load(RoadmapSource.builtIn(), ROADMAP);

  private DSLContext dsl;
  private Core core;
  private ScheduledExecutorService timer;
  private InteractionHandler handler;

  @BeforeEach
  void setUp(DSLContext dsl) {
    this.dsl = dsl;
    TestClock clock = TestClock.at("2026-03-02T10:00:00Z");
    core = Core.builder(dsl, ROADMAP, BANK).clock(clock).random(new Random(3)).build();
    timer = mock(ScheduledExecutorService.class);
    CommandSurface surface = new CommandSurface(ROADMAP);
    handler =
        new InteractionHandler(
            core.coach(),
            surface,
            core.workspaces(),
            new CommandRegistrar(surface),
            Runnable::run, // the core's work runs inline, so the test sees its answer at once
            timer,
            Duration.ofSeconds(2));
  }

  // ---- callers ----

  @Test
  void theCallerIsTheGuildTheChannelAndTheMembersEffectiveName() {
    SlashCommandInteractionEvent event = slash("status", List.of());
    Member member = event.getMember();
    when(member.hasPermission(Permission.MANAGE_SERVER)).thenReturn(true);

    Caller caller = Callers.inGuild(event).orElseThrow();

    assertThat(caller.platform()).isEqualTo(Platform.DISCORD);
    assertThat(caller.workspaceId()).isEqualTo("G1");
    assertThat(caller.workspaceName()).isEqualTo("ML Study Club");
    assertThat(caller.origin()).isEqualTo(new Origin.InChannel("C1", "study-group"));
    assertThat(caller.userId()).isEqualTo("U1");
    assertThat(caller.userName()).isEqualTo("Ana B.");
    assertThat(caller.platformAdmin()).isTrue();
    assertThat(caller.platformZone()).isEmpty();
  }

  @Test
  void aThreadCountsAsItsStudyGroupChannel() {
    SlashCommandInteractionEvent event = slash("status", List.of());
    IThreadContainerUnion parent = mock(IThreadContainerUnion.class);
    when(parent.getId()).thenReturn("C1");
    when(parent.getName()).thenReturn("study-group");
    MessageChannelUnion thread = thread(parent);
    when(event.getChannel()).thenReturn(thread);
    when(event.getChannelId()).thenReturn("T9");

    Caller caller = Callers.inGuild(event).orElseThrow();

    assertThat(caller.origin()).isEqualTo(new Origin.InChannel("C1", "study-group"));
  }

  // ---- slash commands ----

  @Test
  void aSlashCommandIsAnsweredEphemerallyWithTheCoresReply() {
    SlashCommandInteractionEvent start = slash("start", List.of());
    ReplyCallbackAction startReply = replies(start);
    handler.onSlashCommandInteraction(start);
    verify(startReply).setEphemeral(true);

    SlashCommandInteractionEvent status = slash("status", List.of());
    ReplyCallbackAction statusReply = replies(status);
    ArgumentCaptor<MessageCreateData> sent = ArgumentCaptor.forClass(MessageCreateData.class);

    handler.onSlashCommandInteraction(status);

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

    handler.onSlashCommandInteraction(stage);

    verify(stage).reply(sent.capture());
    assertThat(words(sent.getValue().getEmbeds()))
        .contains(
            "📖 [Mathematics for Machine Learning](https://mml-book.github.io/) · Deisenroth,"
                + " Faisal, Ong (Cambridge University Press) · free");
  }

  @Test
  void typedOptionsReachTheCoreAsItsText() {
    handler.onSlashCommandInteraction(withReplies(slash("start", List.of())));
    SlashCommandInteractionEvent done =
        withReplies(slash("done", List.of(CommandSurfaceTest.integer("objective", 1))));
    ArgumentCaptor<MessageCreateData> sent = ArgumentCaptor.forClass(MessageCreateData.class);

    handler.onSlashCommandInteraction(done);

    verify(done).reply(sent.capture());
    assertThat(words(sent.getValue().getEmbeds())).contains("Objective 1 of stage 1 done");
    assertThat(dsl.fetchCount(io.roadmapcoach.db.schema.Tables.OBJECTIVE_DONE)).isEqualTo(1);
  }

  @Test
  void leaderboardsAreShownToTheChannel() {
    handler.onSlashCommandInteraction(withReplies(slash("start", List.of())));
    SlashCommandInteractionEvent board = slash("leaderboard", List.of());
    ReplyCallbackAction reply = replies(board);

    handler.onSlashCommandInteraction(board);

    verify(reply).setEphemeral(false);
  }

  @Test
  void outsideAServerTheCommandIsTurnedAwayPolitely() {
    SlashCommandInteractionEvent event = slash("start", List.of());
    when(event.getGuild()).thenReturn(null);
    ReplyCallbackAction reply = replies(event);
    ArgumentCaptor<MessageCreateData> sent = ArgumentCaptor.forClass(MessageCreateData.class);

    handler.onSlashCommandInteraction(event);

    verify(event).reply(sent.capture());
    verify(reply).setEphemeral(true);
    assertThat(sent.getValue().getEmbeds().getFirst().getDescription())
        .contains("in a channel of your server");
    assertThat(dsl.fetchCount(MEMBER)).isZero();
  }

  @Test
  void theTeamFileIsDeferredBeforeTheCoreRunsAndSentThroughTheHook() {
    handler.onSlashCommandInteraction(withReplies(slash("start", List.of())));
    SlashCommandInteractionEvent team =
        slash("team", List.of(CommandSurfaceTest.bool("csv", true)));
    ReplyCallbackAction deferral = mock(ReplyCallbackAction.class);
    when(team.deferReply(anyBoolean())).thenReturn(deferral);
    InteractionHook hook = mock(InteractionHook.class);
    @SuppressWarnings("unchecked")
    WebhookMessageEditAction<Message> edit = mock(WebhookMessageEditAction.class);
    when(team.getHook()).thenReturn(hook);
    when(hook.editOriginal(any(MessageEditData.class))).thenReturn(edit);
    ArgumentCaptor<MessageEditData> sent = ArgumentCaptor.forClass(MessageEditData.class);

    handler.onSlashCommandInteraction(team);

    verify(team).deferReply(true);
    verify(team, never()).reply(any(MessageCreateData.class));
    verify(hook).editOriginal(sent.capture());
    assertThat(sent.getValue().getFiles())
        .extracting(f -> f.getName())
        .containsExactly("team-study-group.csv");
  }

  @Test
  void anAnswerSlowerThanTheWindowIsDeferredAndFinishedThroughTheHook() {
    List<String> steps = new ArrayList<>();
    InteractionHandler.Exchange exchange = recording(steps);

    exchange.deferIfOpen(); // the timer fired first
    exchange.complete(Reply.text("done"));
    exchange.deferIfOpen(); // a late timer changes nothing

    assertThat(steps).containsExactly("defer", "followUp");
  }

  @Test
  void anAnswerWithinTheWindowIsSentDirectlyAndTheTimerDoesNothing() {
    List<String> steps = new ArrayList<>();
    InteractionHandler.Exchange exchange = recording(steps);

    exchange.complete(Reply.text("done"));
    exchange.deferIfOpen();

    assertThat(steps).containsExactly("answer");
  }

  @Test
  void aDeferralIsScheduledForEveryCommand() {
    handler.onSlashCommandInteraction(withReplies(slash("stages", List.of())));

    verify(timer).schedule(any(Runnable.class), anyLong(), any(TimeUnit.class));
  }

  // ---- buttons ----

  /** The custom id of the first button of a message's first action row. */
  private static String firstButtonId(MessageCreateData message) {
    var first = message.getComponents().getFirst().asActionRow().getComponents().getFirst();
    return ((net.dv8tion.jda.api.components.buttons.Button) first).getCustomId();
  }

  @Test
  void aQuizAnswerEditsTheEphemeralQuizMessageInPlace() {
    handler.onSlashCommandInteraction(withReplies(slash("start", List.of())));
    SlashCommandInteractionEvent quiz = slash("quiz", List.of());
    replies(quiz);
    ArgumentCaptor<MessageCreateData> question = ArgumentCaptor.forClass(MessageCreateData.class);
    handler.onSlashCommandInteraction(quiz);
    verify(quiz).reply(question.capture());
    String answer = firstButtonId(question.getValue());

    ButtonInteractionEvent press = button(answer, true);
    MessageEditCallbackAction edit = mock(MessageEditCallbackAction.class);
    when(press.editMessage(any(MessageEditData.class))).thenReturn(edit);
    ArgumentCaptor<MessageEditData> edited = ArgumentCaptor.forClass(MessageEditData.class);

    handler.onButtonInteraction(press);

    verify(press).editMessage(edited.capture());
    assertThat(words(edited.getValue().getEmbeds())).contains("question 2 of 5");
  }

  @Test
  void aSharedPostIsNeverReplacedByOneMembersAnswer() {
    handler.onSlashCommandInteraction(withReplies(slash("start", List.of())));
    SlashCommandInteractionEvent quiz = withReplies(slash("quiz", List.of()));
    ArgumentCaptor<MessageCreateData> question = ArgumentCaptor.forClass(MessageCreateData.class);
    handler.onSlashCommandInteraction(quiz);
    verify(quiz).reply(question.capture());
    String answer = firstButtonId(question.getValue());

    ButtonInteractionEvent press = button(answer, false); // pressed on a message everyone sees
    ReplyCallbackAction reply = mock(ReplyCallbackAction.class);
    when(press.reply(any(MessageCreateData.class))).thenReturn(reply);
    when(reply.setEphemeral(anyBoolean())).thenReturn(reply);

    handler.onButtonInteraction(press);

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

    handler.onButtonInteraction(press);

    verify(reply).setEphemeral(true);
    assertThat(dsl.fetchCount(MEMBER)).isZero();
  }

  // ---- autocomplete ----

  @Test
  void timeZonesAreSuggestedFromWhatWasTyped() {
    CommandAutoCompleteInteractionEvent event = mock(CommandAutoCompleteInteractionEvent.class);
    when(event.getName()).thenReturn("roadmap");
    when(event.getFocusedOption())
        .thenReturn(new AutoCompleteQuery(CommandSurfaceTest.string(CommandSurface.ZONE, "berl")));
    AutoCompleteCallbackAction action = mock(AutoCompleteCallbackAction.class);
    when(event.replyChoices(any(java.util.Collection.class))).thenReturn(action);
    @SuppressWarnings("unchecked")
    ArgumentCaptor<java.util.Collection<Command.Choice>> choices =
        ArgumentCaptor.forClass(java.util.Collection.class);

    handler.onCommandAutoCompleteInteraction(event);

    verify(event).replyChoices(choices.capture());
    assertThat(choices.getValue())
        .extracting(Command.Choice::getAsString)
        .contains("Europe/Berlin");
  }

  @Test
  void atMost25ZonesAreOffered() {
    assertThat(InteractionHandler.zoneChoices("")).hasSize(25);
    assertThat(InteractionHandler.zoneChoices("america/")).hasSize(25);
    assertThat(InteractionHandler.zoneChoices("no such place")).isEmpty();
  }

  // ---- fakes of JDA's events ----

  private static SlashCommandInteractionEvent slash(String name, List<OptionMapping> options) {
    SlashCommandInteractionEvent event = mock(SlashCommandInteractionEvent.class);
    when(event.getName()).thenReturn("roadmap");
    when(event.getSubcommandName()).thenReturn(name);
    when(event.getOptions()).thenReturn(options);
    for (OptionMapping option : options) {
      when(event.getOption(option.getName())).thenReturn(option);
    }
    inGuild(event);
    return event;
  }

  private static ButtonInteractionEvent button(String componentId, boolean ephemeralMessage) {
    ButtonInteractionEvent event = mock(ButtonInteractionEvent.class);
    when(event.getComponentId()).thenReturn(componentId);
    Message message = mock(Message.class);
    when(message.isEphemeral()).thenReturn(ephemeralMessage);
    when(event.getMessage()).thenReturn(message);
    inGuild(event);
    return event;
  }

  /** The same guild, channel and member for every fake event. */
  private static void inGuild(net.dv8tion.jda.api.interactions.Interaction interaction) {
    Guild guild = mock(Guild.class);
    when(guild.getId()).thenReturn("G1");
    when(guild.getName()).thenReturn("ML Study Club");
    User user = mock(User.class);
    when(user.getId()).thenReturn("U1");
    when(user.getEffectiveName()).thenReturn("ana");
    Member member = mock(Member.class);
    when(member.getEffectiveName()).thenReturn("Ana B.");
    MessageChannelUnion channel = mock(MessageChannelUnion.class);
    when(channel.getName()).thenReturn("study-group");
    when(interaction.getGuild()).thenReturn(guild);
    when(interaction.getUser()).thenReturn(user);
    when(interaction.getMember()).thenReturn(member);
    when(interaction.getChannelId()).thenReturn("C1");
    if (interaction instanceof SlashCommandInteractionEvent slash) {
      when(slash.getChannel()).thenReturn(channel);
    } else if (interaction instanceof ButtonInteractionEvent button) {
      when(button.getChannel()).thenReturn(channel);
    }
  }

  /** A thread as JDA hands it to an interaction: a message channel that is a thread. */
  private static MessageChannelUnion thread(IThreadContainerUnion parent) {
    MessageChannelUnion union =
        mock(
            MessageChannelUnion.class,
            org.mockito.Mockito.withSettings().extraInterfaces(ThreadChannel.class));
    when(((ThreadChannel) union).getParentChannel()).thenReturn(parent);
    when(union.getName()).thenReturn("a thread");
    return union;
  }

  private static ReplyCallbackAction replies(SlashCommandInteractionEvent event) {
    ReplyCallbackAction action = mock(ReplyCallbackAction.class);
    when(event.reply(any(MessageCreateData.class))).thenReturn(action);
    when(action.setEphemeral(anyBoolean())).thenReturn(action);
    return action;
  }

  private static SlashCommandInteractionEvent withReplies(SlashCommandInteractionEvent event) {
    replies(event);
    return event;
  }

  /** Titles, descriptions and field values of embeds, for reading. */
  private static String words(List<MessageEmbed> embeds) {
    StringBuilder out = new StringBuilder();
    for (MessageEmbed e : embeds) {
      out.append(e.getTitle()).append('\n').append(e.getDescription()).append('\n');
      e.getFields()
          .forEach(f -> out.append(f.getName()).append(": ").append(f.getValue()).append('\n'));
    }
    return out.toString();
  }

  private static InteractionHandler.Exchange recording(List<String> steps) {
    return new InteractionHandler.Exchange() {
      @Override
      void answer(Reply reply) {
        steps.add("answer");
      }

      @Override
      void defer() {
        steps.add("defer");
      }

      @Override
      void followUp(Reply reply) {
        steps.add("followUp");
      }
    };
  }
}
