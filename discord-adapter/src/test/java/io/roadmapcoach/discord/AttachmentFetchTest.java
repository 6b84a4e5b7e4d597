package io.roadmapcoach.discord;

import static io.roadmapcoach.db.schema.Tables.ROADMAP;
import static io.roadmapcoach.db.schema.Tables.ROADMAP_PREVIEW;
import static io.roadmapcoach.discord.FakeEvents.slash;
import static io.roadmapcoach.discord.FakeEvents.withReplies;
import static io.roadmapcoach.discord.FakeEvents.words;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.roadmapcoach.core.Core;
import io.roadmapcoach.core.caller.Upload;
import io.roadmapcoach.core.curriculum.TestRoadmaps;
import io.roadmapcoach.core.quiz.QuizBankLoader;
import io.roadmapcoach.core.roadmap.Roadmap;
import io.roadmapcoach.core.roadmap.RoadmapLoader;
import io.roadmapcoach.core.roadmap.RoadmapSource;
import io.roadmapcoach.core.testing.TestClock;
import io.roadmapcoach.db.testing.PostgresExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.requests.restaction.WebhookMessageEditAction;
import net.dv8tion.jda.api.requests.restaction.interactions.ReplyCallbackAction;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;

/**
 * {@code /roadmap roadmap upload file:} with the file fetched from a fake CDN (a local server in
 * Discord's place), into the real core on PostgreSQL: a valid file is previewed, a file declared
 * too large is refused without asking the CDN, and a CDN that fails gets a clear answer that is not
 * the file's fault, with nothing stored.
 */
@ExtendWith(PostgresExtension.class)
@Timeout(30)
class AttachmentFetchTest {
  private static final Roadmap BUILT_IN = new RoadmapLoader().load(RoadmapSource.builtIn());

  private final MockWebServer cdn = new MockWebServer();
  private DSLContext dsl;
  private SlashCommands commands;

  @BeforeEach
  void setUp(DSLContext dsl) throws IOException {
    this.dsl = dsl;
    cdn.start();
    Core core =
        Core.builder(dsl, BUILT_IN, new QuizBankLoader().load(RoadmapSource.builtIn(), BUILT_IN))
            .clock(TestClock.at("2026-03-02T10:00:00Z"))
            .random(new Random(3))
            .build();
    commands =
        new SlashCommands(
            core.coach(),
            new CommandSurface(core.coach().commands()),
            new Acknowledgements(
                Runnable::run, mock(ScheduledExecutorService.class), Duration.ofSeconds(2)),
            new AttachmentFetch(AttachmentFetch.client(Duration.ofMillis(700))));
    commands.onSlashCommandInteraction(withReplies(slash("start", List.of()))); // leads the channel
  }

  @AfterEach
  void stopTheCdn() {
    cdn.close();
  }

  @Test
  void aValidFileIsFetchedFromTheCdnAndPreviewed() throws InterruptedException {
    String yaml = TestRoadmaps.webV1();
    cdn.enqueue(new MockResponse.Builder().code(200).body(yaml).build());

    String answer = upload("web.yaml", yaml.getBytes(StandardCharsets.UTF_8).length);

    assertThat(answer).contains("Preview: Web development").contains("Apply");
    assertThat(cdn.takeRequest().getUrl().encodedPath()).isEqualTo("/attachments/1/2/web.yaml");
    assertThat(dsl.fetchCount(ROADMAP_PREVIEW)).isEqualTo(1);
  }

  @Test
  void aFileDeclaredOverTheLimitIsRefusedBySizeWithoutAskingTheCdn() {
    String answer = upload("huge.yaml", 600 * 1024);

    assertThat(answer).contains("huge.yaml (600 KB) is larger than 512 KB");
    assertThat(cdn.getRequestCount()).isZero();
    assertThat(dsl.fetchCount(ROADMAP_PREVIEW)).isZero();
  }

  @Test
  void aFileLargerThanDeclaredIsReadOnlyUpToTheLimitAndRefusedBySize() {
    cdn.enqueue(new MockResponse.Builder().code(200).body("#".repeat(700 * 1024)).build());
    AttachmentFetch fetch = new AttachmentFetch(AttachmentFetch.client(Duration.ofSeconds(5)));

    Upload read = fetch.fetch("liar.yaml", cdnUrl("liar.yaml"), 100).orElseThrow();

    assertThat(read.bytes()).hasSize(Upload.MAX_READ);
    assertThat(read.size()).isEqualTo(Upload.MAX_READ);
  }

  @Test
  void aCdnThatAnswers404GetsTheClearAnswerAndNothingIsStored() {
    cdn.enqueue(new MockResponse.Builder().code(404).body("gone").build());

    String answer = upload("web.yaml", 1200);

    assertThat(answer)
        .contains("I could not fetch your file web.yaml from Discord")
        .contains("Try again")
        .doesNotContain("I can't use"); // not the file's fault
    assertNothingStored();
  }

  @Test
  void aCdnThatTakesTooLongGetsTheClearAnswerAndNothingIsStored() {
    cdn.enqueue(
        new MockResponse.Builder()
            .code(200)
            .body(TestRoadmaps.webV1())
            .headersDelay(3, TimeUnit.SECONDS)
            .build());

    String answer = upload("web.yaml", 1200);

    assertThat(answer).contains("I could not fetch your file web.yaml from Discord");
    assertNothingStored();
  }

  private void assertNothingStored() {
    assertThat(dsl.fetchCount(ROADMAP_PREVIEW)).isZero();
    assertThat(dsl.fetchCount(ROADMAP, ROADMAP.WORKSPACE_ID.isNotNull())).isZero();
  }

  private String cdnUrl(String fileName) {
    return cdn.url("/attachments/1/2/" + fileName).toString();
  }

  /** {@code /roadmap roadmap upload file:} with a file Discord says is {@code size} bytes. */
  private String upload(String fileName, long size) {
    Message.Attachment attachment = mock(Message.Attachment.class);
    when(attachment.getFileName()).thenReturn(fileName);
    when(attachment.getUrl()).thenReturn(cdnUrl(fileName));
    when(attachment.getSize()).thenReturn((int) size);
    OptionMapping file = mock(OptionMapping.class);
    when(file.getName()).thenReturn("file");
    when(file.getType()).thenReturn(OptionType.ATTACHMENT);
    when(file.getAsAttachment()).thenReturn(attachment);
    SlashCommandInteractionEvent event = slash("roadmap", "upload", List.of(file));
    ReplyCallbackAction deferral = mock(ReplyCallbackAction.class);
    when(event.deferReply(anyBoolean())).thenReturn(deferral);
    InteractionHook hook = mock(InteractionHook.class);
    @SuppressWarnings("unchecked")
    WebhookMessageEditAction<Message> edit = mock(WebhookMessageEditAction.class);
    when(event.getHook()).thenReturn(hook);
    when(hook.editOriginal(any(MessageEditData.class))).thenReturn(edit);
    ArgumentCaptor<MessageEditData> sent = ArgumentCaptor.forClass(MessageEditData.class);

    commands.onSlashCommandInteraction(event);

    verify(hook).editOriginal(sent.capture());
    return words(sent.getValue().getEmbeds()) + sent.getValue().getContent();
  }
}
