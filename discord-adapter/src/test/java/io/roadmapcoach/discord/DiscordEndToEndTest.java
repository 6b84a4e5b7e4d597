package io.roadmapcoach.discord;

import static io.roadmapcoach.db.schema.Tables.CHANNEL;
import static io.roadmapcoach.db.schema.Tables.ENROLLMENT;
import static io.roadmapcoach.db.schema.Tables.JOURNEY;
import static io.roadmapcoach.db.schema.Tables.MEMBER;
import static io.roadmapcoach.db.schema.Tables.OUTBOX;
import static io.roadmapcoach.db.schema.Tables.QUIZ_ATTEMPT;
import static io.roadmapcoach.db.schema.Tables.QUIZ_QUESTION;
import static io.roadmapcoach.db.schema.Tables.WORKSPACE;
import static org.assertj.core.api.Assertions.assertThat;

import io.roadmapcoach.core.Core;
import io.roadmapcoach.core.delivery.Delivery;
import io.roadmapcoach.core.delivery.DeliveryResult;
import io.roadmapcoach.core.delivery.DeliveryWorker;
import io.roadmapcoach.core.progress.NudgeSweep;
import io.roadmapcoach.core.quiz.QuizBank;
import io.roadmapcoach.core.quiz.QuizBankLoader;
import io.roadmapcoach.core.reply.Button;
import io.roadmapcoach.core.reply.Reply;
import io.roadmapcoach.core.reply.Text;
import io.roadmapcoach.core.roadmap.Roadmap;
import io.roadmapcoach.core.roadmap.RoadmapLoader;
import io.roadmapcoach.core.roadmap.RoadmapSource;
import io.roadmapcoach.core.testing.TestClock;
import io.roadmapcoach.core.tx.Transactions;
import io.roadmapcoach.db.testing.PostgresExtension;
import io.roadmapcoach.db.testing.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * JDA connected to a local fake Discord (REST and gateway on one mockwebserver3 port), the real
 * core on the embedded PostgreSQL: slash commands and button presses go in as gateway dispatches,
 * and the test reads the interaction callbacks JDA posts and the rows the core stored.
 */
@ExtendWith(PostgresExtension.class)
@Timeout(60)
class DiscordEndToEndTest {
  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final int EPHEMERAL = 64;
  private static final String ANA = "600000000000000006";
  private static final String BO = "600000000000000007";
  private static final String CY = "600000000000000008";

  // a Monday morning; the nudges of members who enrolled then are due on Tuesday at 09:00 UTC
  private static final String MONDAY = "2026-03-02T08:00:00Z";
  private static final String TUESDAY_NINE = "2026-03-03T09:00:30Z";

  private static final TestClock clock = TestClock.at(MONDAY);
  private static FakeDiscord discord;
  private static DiscordAdapter adapter;
  private static Core core;
  private static DeliveryWorker worker;

  @BeforeAll
  static void connect() throws Exception {
    Roadmap roadmap = new RoadmapLoader().load(RoadmapSource.builtIn());
    QuizBank bank = new QuizBankLoader().load(RoadmapSource.builtIn(), roadmap);
    DSLContext dsl = TestDatabase.dsl();
    core = Core.builder(dsl, roadmap, bank).clock(clock).random(new Random(7)).build();
    discord = new FakeDiscord();
    DiscordSettings settings =
        new DiscordSettings(
            FakeDiscord.TOKEN,
            Optional.of(discord.restUrl()),
            Optional.of(discord.gatewayUrl()),
            Optional.empty(),
            Optional.empty());
    adapter =
        new DiscordAdapter(
            settings,
            core.coach(),
            core.workspaces(),
            Duration.ofSeconds(10),
            Duration.ofSeconds(5));
    worker = core.deliveries().register(adapter.messenger());
    adapter.start();
    // the guild came up: /roadmap is registered for it, with the roadmap's ranges
    FakeDiscord.Call registration =
        discord.next(
            c ->
                c.method().equals("PUT")
                    && c.path()
                        .equals(
                            "/api/v10/applications/"
                                + FakeDiscord.APP
                                + "/guilds/"
                                + FakeDiscord.GUILD
                                + "/commands"),
            WAIT);
    DataObject command = DataArray.fromJson(registration.body()).getObject(0);
    assertThat(command.getString("name")).isEqualTo("roadmap");
    adapter.awaitReady();
  }

  @BeforeEach
  void monday() {
    clock.set(MONDAY);
    discord.reset();
  }

  @AfterAll
  static void disconnect() {
    if (adapter != null) {
      adapter.close();
    }
    if (discord != null) {
      discord.close();
    }
  }

  @Test
  void statusSlashCommandIsAnsweredWithAnEphemeralEmbedAndButtons(DSLContext dsl) throws Exception {
    DataObject ana = FakeDiscord.member(FakeDiscord.user(ANA, "ana", "Ana"), false);
    slash(ana, "start", DataArray.empty());

    DataObject status = slash(ana, "status", DataArray.empty());

    assertThat(status.getInt("type")).isEqualTo(4); // CHANNEL_MESSAGE_WITH_SOURCE
    DataObject data = status.getObject("data");
    assertThat(data.getInt("flags") & EPHEMERAL).isEqualTo(EPHEMERAL);
    DataObject embed = data.getArray("embeds").getObject(0);
    assertThat(embed.getString("title")).contains("Stage 1");
    List<String> fieldNames = new ArrayList<>();
    DataArray fields = embed.getArray("fields");
    for (int i = 0; i < fields.length(); i++) {
      fieldNames.add(fields.getObject(i).getString("name"));
    }
    assertThat(fieldNames).contains("Points", "Streak");
    List<DataObject> buttons = buttons(data);
    assertThat(buttons).extracting(b -> b.getString("custom_id")).contains("rc:d:1:1", "rc:q");
    assertThat(buttons).extracting(b -> b.getString("label")).contains("Mark objective 1 done");

    var member = dsl.selectFrom(MEMBER).where(MEMBER.EXTERNAL_ID.eq(ANA)).fetchSingle();
    assertThat(member.getDisplayName()).isEqualTo("Ana");
    var channel =
        dsl.selectFrom(CHANNEL).where(CHANNEL.EXTERNAL_ID.eq(FakeDiscord.CHANNEL)).fetchSingle();
    assertThat(channel.getName()).isEqualTo("study-group");
    assertThat(channel.getReminderMode()).isEqualTo("channel"); // study groups get a channel post
    var enrollment =
        dsl.selectFrom(ENROLLMENT).where(ENROLLMENT.MEMBER_ID.eq(member.getId())).fetchSingle();
    assertThat(enrollment.getChannelId()).isEqualTo(channel.getId());
    assertThat(
            dsl.select(JOURNEY.STAGE)
                .from(JOURNEY)
                .where(JOURNEY.MEMBER_ID.eq(member.getId()))
                .fetchSingle()
                .value1())
        .isEqualTo(1);
  }

  @Test
  void aMemberOptionShowsThatMembersStatus() throws Exception {
    DataObject ana = FakeDiscord.member(FakeDiscord.user(ANA, "ana", "Ana"), false);
    DataObject bo = FakeDiscord.member(FakeDiscord.user(BO, "bo", "Bo"), false);
    slash(ana, "start", DataArray.empty());
    slash(bo, "start", DataArray.empty());

    DataObject status =
        slash(
            ana,
            "status",
            DataArray.empty()
                .add(DataObject.empty().put("name", "member").put("type", 6).put("value", BO)));

    assertThat(status.getObject("data").toString()).contains("Bo");
  }

  @Test
  void manageServerMakesALeadThroughTheGuildsRoles() throws Exception {
    DataObject ana = FakeDiscord.member(FakeDiscord.user(ANA, "ana", "Ana"), false);
    DataObject bo = FakeDiscord.member(FakeDiscord.user(BO, "bo", "Bo"), true); // an organiser
    DataObject cy = FakeDiscord.member(FakeDiscord.user(CY, "cy", "Cy"), false);
    slash(ana, "start", DataArray.empty()); // the channel's first member leads it
    slash(bo, "start", DataArray.empty());
    slash(cy, "start", DataArray.empty());

    String organiser =
        slash(bo, "team", "progress", DataArray.empty()).getObject("data").toString();
    String member = slash(cy, "team", "progress", DataArray.empty()).getObject("data").toString();

    assertThat(organiser).contains("3 members on the roadmap");
    assertThat(member).doesNotContain("members on the roadmap");
  }

  @Test
  void quizButtonPressEditsTheQuizMessageInPlaceAndStoresTheAnswer(DSLContext dsl)
      throws Exception {
    DataObject ana = FakeDiscord.member(FakeDiscord.user(ANA, "ana", "Ana"), false);
    slash(ana, "start", DataArray.empty());
    DataObject quiz = slash(ana, "quiz", DataArray.empty());
    DataObject quizData = quiz.getObject("data");
    assertThat(quizData.getInt("flags") & EPHEMERAL).isEqualTo(EPHEMERAL);
    List<DataObject> options = buttons(quizData);
    assertThat(options).isNotEmpty();
    String answer = options.getFirst().getString("custom_id");
    assertThat(answer).matches("rc:a:[0-9a-f]{32}:1:\\d+");

    // the member presses the first option on the (ephemeral) quiz message
    DataObject shown = discord.message(FakeDiscord.CHANNEL, quizData).put("flags", EPHEMERAL);
    String id = nextId();
    discord.dispatch("INTERACTION_CREATE", discord.buttonPress(id, ana, answer, shown));
    DataObject callback = callback(id);

    assertThat(callback.getInt("type")).isEqualTo(7); // UPDATE_MESSAGE: the quiz is edited in place
    DataObject data = callback.getObject("data");
    assertThat(data.getArray("embeds").length()).isGreaterThanOrEqualTo(1);
    assertThat(data.toString()).contains("question 2 of 5");
    assertThat(buttons(data))
        .extracting(b -> b.getString("custom_id"))
        .allMatch(customId -> customId.matches("rc:a:[0-9a-f]{32}:2:\\d+"));

    long attempt = dsl.select(QUIZ_ATTEMPT.ID).from(QUIZ_ATTEMPT).fetchSingle(QUIZ_ATTEMPT.ID);
    var first =
        dsl.selectFrom(QUIZ_QUESTION)
            .where(QUIZ_QUESTION.ATTEMPT_ID.eq(attempt), QUIZ_QUESTION.POSITION.eq(1))
            .fetchSingle();
    assertThat(first.getChosen()).isEqualTo(Integer.parseInt(answer.split(":")[4]));
    assertThat(first.getAnsweredAt()).isNotNull();
  }

  @Test
  void teamCsvIsDeferredAtOnceAndArrivesAsAFile() throws Exception {
    DataObject ana = FakeDiscord.member(FakeDiscord.user(ANA, "ana", "Ana"), true);
    slash(ana, "start", DataArray.empty());

    String id = nextId();
    discord.dispatch(
        "INTERACTION_CREATE",
        discord.slashCommand(
            id,
            ana,
            "team",
            "progress",
            DataArray.empty()
                .add(DataObject.empty().put("name", "csv").put("type", 5).put("value", true))));
    DataObject deferral = callback(id);
    assertThat(deferral.getInt("type")).isEqualTo(5); // DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE
    assertThat(deferral.getObject("data").getInt("flags") & EPHEMERAL).isEqualTo(EPHEMERAL);

    FakeDiscord.Call edit =
        discord.next(
            c ->
                c.method().equals("PATCH")
                    && c.path().endsWith("/token-" + id + "/messages/@original"),
            WAIT);
    assertThat(edit.body()).contains("filename=\"team-study-group.csv\"");
    assertThat(edit.body()).contains("member,stage,stage_title");
    assertThat(edit.body()).contains("Ana,1,");
  }

  @Test
  void exportIsDeferredAndArrivesAsTheMembersJsonFile() throws Exception {
    DataObject ana = FakeDiscord.member(FakeDiscord.user(ANA, "ana", "Ana"), false);
    slash(ana, "start", DataArray.empty());

    DataObject deferral = slash(ana, "export", DataArray.empty());

    assertThat(deferral.getInt("type")).isEqualTo(5);
    assertThat(deferral.getObject("data").getInt("flags") & EPHEMERAL).isEqualTo(EPHEMERAL);
    FakeDiscord.Call edit =
        discord.next(
            c -> c.method().equals("PATCH") && c.body().contains("roadmap-coach-my-data.json"),
            WAIT);
    assertThat(edit.body()).contains("\"display_name\" : \"Ana\"").contains("progress_events");
  }

  @Test
  void forgetMeErasesTheMemberOnlyWhenSheHerselfConfirms(DSLContext dsl) throws Exception {
    DataObject ana = FakeDiscord.member(FakeDiscord.user(ANA, "ana", "Ana"), false);
    DataObject bo = FakeDiscord.member(FakeDiscord.user(BO, "bo", "Bo"), false);
    slash(ana, "start", DataArray.empty());
    slash(bo, "start", DataArray.empty());

    DataObject asked = slash(ana, "forget-me", DataArray.empty()).getObject("data");
    assertThat(asked.getInt("flags") & EPHEMERAL).isEqualTo(EPHEMERAL);
    DataObject button = buttons(asked).getFirst();
    assertThat(button.getString("custom_id")).matches("rc:f:\\d+");
    assertThat(button.getInt("style")).isEqualTo(4); // DANGER
    DataObject shown = discord.message(FakeDiscord.CHANNEL, asked).put("flags", EPHEMERAL);

    String byBo = nextId();
    discord.dispatch(
        "INTERACTION_CREATE", discord.buttonPress(byBo, bo, button.getString("custom_id"), shown));
    assertThat(callback(byBo).toString()).contains("only they can confirm it");
    assertThat(dsl.fetchCount(MEMBER, MEMBER.EXTERNAL_ID.eq(ANA))).isEqualTo(1);

    String byAna = nextId();
    discord.dispatch(
        "INTERACTION_CREATE",
        discord.buttonPress(byAna, ana, button.getString("custom_id"), shown));
    DataObject done = callback(byAna);

    assertThat(done.getInt("type")).isEqualTo(7); // the question is replaced by the answer
    assertThat(done.toString()).contains("I erased your profile and settings");
    assertThat(dsl.fetchCount(MEMBER, MEMBER.EXTERNAL_ID.eq(ANA))).isZero();
    assertThat(dsl.fetchCount(MEMBER, MEMBER.EXTERNAL_ID.eq(BO))).isEqualTo(1);
  }

  @Test
  void aNudgeToAMemberWithClosedDmsMarksThemUndeliverableAndIsNotRetried(DSLContext dsl)
      throws Exception {
    discord.closedDms.add(CY);
    DataObject cy = FakeDiscord.member(FakeDiscord.user(CY, "cy", "Cy"), false);
    slash(cy, "start", DataArray.empty());
    DataObject dm = slash(cy, "remind", "dm", DataArray.empty()); // over the channel's default
    assertThat(dm.getObject("data").getInt("flags") & EPHEMERAL).isEqualTo(EPHEMERAL);

    clock.set(TUESDAY_NINE);
    new NudgeSweep(dsl, new Transactions(dsl)).sweep(clock.instant());
    assertThat(dsl.fetchCount(OUTBOX, OUTBOX.KIND.eq("nudge"))).isEqualTo(1);
    worker.drainDue();

    String messages = "/api/v10/channels/" + FakeDiscord.dmChannelId(CY) + "/messages";
    List<FakeDiscord.Call> sends = posts(messages);
    assertThat(sends).hasSize(1);
    DataObject body = sends.getFirst().json();
    assertThat(body.getString("nonce")).matches("[0-9a-f]{24}");
    assertThat(body.getBoolean("enforce_nonce")).isTrue();
    assertThat(buttons(body))
        .extracting(b -> b.getString("custom_id"))
        .allMatch(id -> id.startsWith("g" + FakeDiscord.GUILD + "|rc:"));
    var member = dsl.selectFrom(MEMBER).where(MEMBER.EXTERNAL_ID.eq(CY)).fetchSingle();
    assertThat(member.getDeliverable()).isFalse();
    assertThat(
            dsl.select(OUTBOX.STATUS)
                .from(OUTBOX)
                .where(OUTBOX.KIND.eq("nudge"))
                .fetchSingle()
                .value1())
        .isEqualTo("undeliverable");

    clock.advance(Duration.ofHours(1));
    worker.drainDue();
    assertThat(posts(messages)).hasSize(1); // 50007 is final: not tried again
  }

  @Test
  void aStudyGroupGetsItsDailyPostInTheChannel(DSLContext dsl) throws Exception {
    DataObject ana = FakeDiscord.member(FakeDiscord.user(ANA, "ana", "Ana"), false);
    slash(ana, "start", DataArray.empty());

    clock.set(TUESDAY_NINE);
    new NudgeSweep(dsl, new Transactions(dsl)).sweep(clock.instant());
    worker.drainDue();

    String messages = "/api/v10/channels/" + FakeDiscord.CHANNEL + "/messages";
    List<FakeDiscord.Call> posts = posts(messages);
    assertThat(posts).hasSize(1);
    DataObject body = posts.getFirst().json();
    assertThat(body.getString("nonce")).matches("[0-9a-f]{24}");
    assertThat(body.getBoolean("enforce_nonce")).isTrue();
    // ana asked for the channel post: she is mentioned, and only she may be pinged
    assertThat(body.getString("content")).isEqualTo("<@" + ANA + ">");
    assertThat(body.getObject("allowed_mentions").getArray("users").getString(0)).isEqualTo(ANA);
    assertThat(posts("/api/v10/channels/" + FakeDiscord.dmChannelId(ANA) + "/messages")).isEmpty();
    assertThat(dsl.select(OUTBOX.STATUS).from(OUTBOX).fetch(OUTBOX.STATUS)).containsOnly("sent");
  }

  @Test
  void leavingAGuildStopsItsDeliveriesAndRejoiningKeepsItsDataAndRegistersTheCommandAgain(
      DSLContext dsl) throws Exception {
    DataObject ana = FakeDiscord.member(FakeDiscord.user(ANA, "ana", "Ana"), false);
    slash(ana, "start", DataArray.empty());

    discord.dispatch("GUILD_DELETE", DataObject.empty().put("id", FakeDiscord.GUILD));
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (dsl.select(WORKSPACE.DELIVERABLE).from(WORKSPACE).fetchSingle().value1()
        && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(dsl.select(WORKSPACE.DELIVERABLE).from(WORKSPACE).fetchSingle().value1()).isFalse();
    // due for erasure after the retention period
    assertThat(dsl.select(WORKSPACE.REMOVED_AT).from(WORKSPACE).fetchSingle().value1()).isNotNull();

    discord.dispatch("GUILD_CREATE", discord.guild());
    discord.next(
        c ->
            c.method().equals("PUT")
                && c.path().endsWith("/guilds/" + FakeDiscord.GUILD + "/commands"),
        WAIT);
    // back before the period ran out: no longer due for erasure
    deadline = System.nanoTime() + WAIT.toNanos();
    while (dsl.select(WORKSPACE.REMOVED_AT).from(WORKSPACE).fetchSingle().value1() != null
        && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(dsl.select(WORKSPACE.REMOVED_AT).from(WORKSPACE).fetchSingle().value1()).isNull();
    // a command from the guild turns its deliveries back on (the core's rule)
    slash(ana, "status", DataArray.empty());
    assertThat(dsl.select(WORKSPACE.DELIVERABLE).from(WORKSPACE).fetchSingle().value1()).isTrue();
  }

  @Test
  void aStudyGroupPostCarriesTheNonceOfItsOutboxKey() throws Exception {
    Reply digest =
        Reply.builder()
            .header("Today in #study-group")
            .section(Text.of("Ana: objective 2 is next."))
            .buttons(List.of(Button.of("Start quiz", "rc:q")))
            .build();
    Delivery delivery =
        new Delivery(
            42,
            "channel_digest:7:2026-03-02",
            FakeDiscord.GUILD,
            new Delivery.ChannelPost(FakeDiscord.CHANNEL, "study-group"),
            digest);

    DeliveryResult result = adapter.messenger().send(delivery);

    assertThat(result).isInstanceOf(DeliveryResult.Sent.class);
    FakeDiscord.Call post =
        discord.next(
            c ->
                c.method().equals("POST")
                    && c.path().equals("/api/v10/channels/" + FakeDiscord.CHANNEL + "/messages"),
            WAIT);
    DataObject body = post.json();
    assertThat(body.getString("nonce"))
        .isEqualTo(DiscordMessenger.nonce("channel_digest:7:2026-03-02"));
    assertThat(body.getBoolean("enforce_nonce")).isTrue();
    assertThat(body.getArray("embeds").getObject(0).getString("title"))
        .isEqualTo("Today in #study-group");
    assertThat(buttons(body)).extracting(b -> b.getString("custom_id")).containsExactly("rc:q");
  }

  @Test
  void aButtonPressedInADirectMessageActsInTheMembersHomeGuild(DSLContext dsl) throws Exception {
    DataObject anaUser = FakeDiscord.user(ANA, "ana", "Ana");
    slash(FakeDiscord.member(anaUser, false), "start", DataArray.empty());
    Reply nudge =
        Reply.builder()
            .section(Text.of("Time for objective 1."))
            .buttons(List.of(Button.of("Snooze a day", "rc:s:1")))
            .build();
    Delivery delivery =
        new Delivery(
            43,
            "nudge:43:2026-03-02",
            FakeDiscord.GUILD,
            new Delivery.Direct(ANA, "Ana", Optional.empty()),
            nudge);

    DeliveryResult result = adapter.messenger().send(delivery);

    assertThat(result)
        .isInstanceOfSatisfying(
            DeliveryResult.Sent.class,
            s -> assertThat(s.dmChannel()).contains(FakeDiscord.dmChannelId(ANA)));
    FakeDiscord.Call dm =
        discord.next(
            c ->
                c.method().equals("POST")
                    && c.path()
                        .equals("/api/v10/channels/" + FakeDiscord.dmChannelId(ANA) + "/messages"),
            WAIT);
    String routed = buttons(dm.json()).getFirst().getString("custom_id");
    assertThat(routed).isEqualTo("g" + FakeDiscord.GUILD + "|rc:s:1");

    String id = nextId();
    DataObject shown = discord.message(FakeDiscord.dmChannelId(ANA), dm.json());
    discord.dispatch("INTERACTION_CREATE", discord.dmButtonPress(id, anaUser, routed, shown));
    DataObject callback = callback(id);

    assertThat(callback.getInt("type")).isEqualTo(4);
    var member = dsl.selectFrom(MEMBER).where(MEMBER.EXTERNAL_ID.eq(ANA)).fetchSingle();
    assertThat(member.getSnoozedUntil()).isNotNull();
    assertThat(member.getDisplayName()).isEqualTo("Ana");
    assertThat(dsl.fetchCount(CHANNEL)).isEqualTo(1); // no channel made up for the DM
  }

  // ---- helpers ----

  private static String nextId() {
    return Long.toString(discord.snowflake());
  }

  /** Sends {@code /roadmap <group> <sub>} and returns the interaction callback JDA posted. */
  private static DataObject slash(DataObject member, String group, String sub, DataArray options)
      throws InterruptedException {
    String id = nextId();
    discord.dispatch("INTERACTION_CREATE", discord.slashCommand(id, member, group, sub, options));
    return callback(id);
  }

  @Test
  void aChannelWithoutEmbedLinksIsNamedToItsFirstMemberAndReopensWhenGiven(DSLContext dsl)
      throws Exception {
    discord.permissions(FakeDiscord.CHANNEL, FakeDiscord.VIEW_CHANNEL | FakeDiscord.SEND_MESSAGES);
    discord.studyGroupUpdated();
    try {
      DataObject ana = FakeDiscord.member(FakeDiscord.user(ANA, "ana", "Ana"), false);
      String welcome = slash(ana, "start", DataArray.empty()).getObject("data").toString();

      // Discord's markdown escapes the # that could open a heading
      assertThat(welcome).contains("I can't post in \\\\#study-group").contains("Embed Links");
      assertThat(postingState(dsl)).isEqualTo("missing_permissions");

      discord.permissions(FakeDiscord.CHANNEL, FakeDiscord.INVITE_PERMISSIONS);
      discord.studyGroupUpdated();
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (!postingState(dsl).equals("can_post") && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertThat(postingState(dsl)).isEqualTo("can_post");
    } finally {
      discord.permissions(FakeDiscord.CHANNEL, FakeDiscord.INVITE_PERMISSIONS);
      discord.studyGroupUpdated();
    }
  }

  private static String postingState(DSLContext dsl) {
    return dsl.select(CHANNEL.POSTING_STATE)
        .from(CHANNEL)
        .where(CHANNEL.EXTERNAL_ID.eq(FakeDiscord.CHANNEL))
        .fetchSingle()
        .value1();
  }

  private static List<FakeDiscord.Call> posts(String path) {
    return discord.calls().stream()
        .filter(c -> c.method().equals("POST") && c.path().equals(path))
        .toList();
  }

  /** Sends {@code /roadmap <sub>} and returns the interaction callback JDA posted. */
  private static DataObject slash(DataObject member, String sub, DataArray options)
      throws InterruptedException {
    String id = nextId();
    discord.dispatch("INTERACTION_CREATE", discord.slashCommand(id, member, sub, options));
    return callback(id);
  }

  private static DataObject callback(String interactionId) throws InterruptedException {
    return discord
        .next(
            c -> c.isCallback() && c.path().contains("/interactions/" + interactionId + "/"), WAIT)
        .json();
  }

  private static List<DataObject> buttons(DataObject message) {
    List<DataObject> buttons = new ArrayList<>();
    DataArray rows = message.optArray("components").orElse(DataArray.empty());
    for (int r = 0; r < rows.length(); r++) {
      DataArray row = rows.getObject(r).getArray("components");
      for (int b = 0; b < row.length(); b++) {
        buttons.add(row.getObject(b));
      }
    }
    return buttons;
  }
}
