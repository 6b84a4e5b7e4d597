package io.roadmapcoach.core.privacy;

import static io.roadmapcoach.db.schema.Tables.CHANNEL_LEAD;
import static io.roadmapcoach.db.schema.Tables.INSTALLATION;
import static io.roadmapcoach.db.schema.Tables.MEMBER;
import static io.roadmapcoach.db.schema.Tables.OUTBOX;
import static io.roadmapcoach.db.schema.Tables.PROGRESS_EVENT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.roadmapcoach.core.Core;
import io.roadmapcoach.core.action.Action;
import io.roadmapcoach.core.action.ActionCodec;
import io.roadmapcoach.core.caller.Caller;
import io.roadmapcoach.core.caller.Origin;
import io.roadmapcoach.core.caller.Platform;
import io.roadmapcoach.core.installation.Installation;
import io.roadmapcoach.core.installation.Installations;
import io.roadmapcoach.core.installation.TokenCipher;
import io.roadmapcoach.core.member.PersonalData;
import io.roadmapcoach.core.reply.Attachment;
import io.roadmapcoach.core.reply.Button;
import io.roadmapcoach.core.reply.Reply;
import io.roadmapcoach.core.reply.Visibility;
import io.roadmapcoach.core.testing.CoachFixture;
import io.roadmapcoach.core.testing.SchemaWalk;
import io.roadmapcoach.core.testing.TableSnapshot;
import io.roadmapcoach.db.testing.PostgresExtension;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A member's own data: everything in one file for them, and everything erased when they confirm.
 * The checks walk the schema's own catalogue, so a table added later is covered too.
 */
@ExtendWith(PostgresExtension.class)
class PrivacyServiceTest {
  private static final String TEAM = "T0ACME";
  private static final String KEY = "a-test-key-of-forty-characters-0123456789";

  private final CoachFixture coach = CoachFixture.builtIn();
  private Caller ana;
  private Caller anaInStudy;
  private Caller bo;
  private Caller boInStudy;
  private Caller cyInStudy;
  private Caller admin;

  private static Caller slack(String userId, String name, String channel, boolean admin) {
    return new Caller(
        Platform.SLACK,
        TEAM,
        "Acme",
        Origin.channel("C-" + channel, channel),
        userId,
        name,
        admin,
        Optional.empty(),
        Optional.empty());
  }

  @BeforeEach
  void aCohortWhereAnaHasDoneAllSortsOfThings() {
    ana = slack("U0ANA", "Ana", "general", false);
    anaInStudy = slack("U0ANA", "Ana", "study", false);
    bo = slack("U0BO", "Bo", "general", false);
    boInStudy = slack("U0BO", "Bo", "study", false);
    cyInStudy = slack("U0CY", "Cy", "study", false);
    admin = slack("U0ADMIN", "Admin", "general", true);
  }

  /** Ana leads #general alone, co-leads #study, has progress, quiz answers and messages. */
  private void anasHistory() {
    coach.say(ana, "start"); // first in #general: its lead
    coach.say(ana, "done 1");
    coach.say(ana, "done 2");
    coach.takeQuiz(ana, 3);
    coach.say(boInStudy, "start"); // first in #study: its lead
    coach.say(anaInStudy, "start");
    coach.say(boInStudy, "lead @Ana");
    coach.say(cyInStudy, "start");
    coach.say(anaInStudy, "lead @Cy"); // granted by Ana
    coach.say(bo, "start"); // Bo joins #general after Ana
    coach.say(ana, "set-stage @Bo 2"); // Ana acts as lead: an event of Bo's names her
    coach.say(admin, "set-stage @Ana 2"); // a notice waits for Ana
    coach.say(ana, "remind at 07:45");
    coach.say(ana, "remind evening on");
    coach.say(ana, "holiday 2026-03-20"); // a day off she set for #general
    coach.say(ana, "dashboard"); // a link only she may open
    coach.say(ana, "buddy on");
    coach.say(admin, "start"); // #general is the admin's home channel too
    coach.say(admin, "buddy on");
    coach.tick("2026-03-02T10:05:00Z"); // Monday's pairing: Ana and the admin are buddies
    new Installations(
            coach.dsl(),
            coach.services().transactions(),
            Optional.of(TokenCipher.fromSecret(KEY)),
            coach.clock())
        .save(
            new Installation(
                Platform.SLACK,
                TEAM,
                Optional.of("Acme"),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                "U0BOT",
                "commands",
                Optional.of("U0ANA"),
                "xoxb-acme",
                Optional.empty(),
                Optional.empty(),
                coach.now()));
  }

  private List<String> outboxTexts() {
    return coach
        .dsl()
        .select(DSL.field("payload ->> 'text'", String.class))
        .from(DSL.table("outbox"))
        .where(DSL.condition("payload ->> 'text' is not null"))
        .fetch(0, String.class);
  }

  private long id(Caller who) {
    return coach.memberId(who);
  }

  private static JsonNode json(Reply reply) throws IOException {
    Attachment file = reply.attachment().orElseThrow();
    assertThat(file.mediaType()).isEqualTo("application/json");
    return new ObjectMapper().readTree(file.bytes());
  }

  // ---- export

  @Test
  void theExportHoldsEveryKindOfRecordAboutTheMember() throws IOException {
    anasHistory();

    Reply reply = coach.say(ana, "export");

    assertThat(reply.visibility()).isEqualTo(Visibility.CALLER);
    assertThat(reply.plainText()).contains("everything I keep about you");
    assertThat(reply.attachment().orElseThrow().fileName()).isEqualTo("roadmap-coach-my-data.json");
    JsonNode export = json(reply);
    assertThat(export.at("/workspace/id").asText()).isEqualTo(TEAM);
    assertThat(export.at("/profile/display_name").asText()).isEqualTo("Ana");
    assertThat(export.at("/profile/external_id").asText()).isEqualTo("U0ANA");
    assertThat(export.at("/profile/remind_time").asText()).isEqualTo("07:45");
    assertThat(export.get("channels")).hasSize(2);
    assertThat(export.at("/channels/0/channel").asText()).isEqualTo("general");
    assertThat(export.at("/channels/0/home").asBoolean()).isTrue();
    assertThat(export.at("/channels/0/lead").asBoolean()).isTrue();
    assertThat(export.at("/channels/1/channel").asText()).isEqualTo("study");
    assertThat(export.at("/channels/1/lead").asBoolean()).isTrue();
    assertThat(export.at("/journey/stage").asInt()).isEqualTo(2);
    assertThat(export.at("/journey/objectives_done")).hasSize(2);
    assertThat(export.get("weekly_points")).isNotEmpty();
    assertThat(export.get("progress_events"))
        .extracting(e -> e.get("kind").asText())
        .contains("enrolled", "objective_done", "question_answered", "stage_set");
    assertThat(export.get("progress_events"))
        .filteredOn(e -> e.get("kind").asText().equals("stage_set"))
        .extracting(e -> e.get("by_lead").asText())
        .containsExactly("Admin");
    JsonNode question = export.at("/quiz_attempts/0/questions/0");
    assertThat(question.get("question").asText()).isNotBlank();
    assertThat(question.get("options")).isNotEmpty();
    assertThat(question.get("your_answer").asText()).isNotBlank();
    assertThat(question.get("right_answer").asText()).isNotBlank();
    assertThat(export.get("question_boxes")).isNotEmpty();
    assertThat(export.get("deliveries"))
        .extracting(d -> d.path("text").asText())
        .anyMatch(t -> t.contains("stage 2"));
    assertThat(export.at("/installed_the_app/bot_scopes").asText()).isEqualTo("commands");
    assertThat(export.at("/profile/buddy_opt_in").asBoolean()).isTrue();
    assertThat(export.at("/profile/evening_enabled").asBoolean()).isTrue();
    assertThat(export.at("/study_buddies/0/channel").asText()).isEqualTo("general");
    assertThat(export.at("/days_off_you_set/0/day").asText()).isEqualTo("2026-03-20");
    // nothing of anyone else's
    assertThat(export.toString()).doesNotContain("U0BO").doesNotContain("xoxb");
  }

  @Test
  void everyTableHoldingARowAboutTheMemberIsInTheExportOrLeftOutForAReason() {
    anasHistory();
    coach.say(ana, "export");

    Set<String> holding =
        SchemaWalk.tablesHolding(
            coach.dsl(), SchemaWalk.columnsReferencing(coach.dsl(), "member"), List.of(id(ana)));
    holding.addAll(
        SchemaWalk.tablesHolding(
            coach.dsl(), SchemaWalk.textColumns(coach.dsl()), List.of("U0ANA")));

    Set<String> accounted = new HashSet<>();
    for (PersonalData part : Core.personalData(coach.dsl(), coach.services().bank())) {
      accounted.addAll(part.sectionsByTable().keySet());
      accounted.addAll(part.leftOut().keySet());
    }
    assertThat(holding)
        .as("tables with rows about the member: add each to the export or to LEFT_OUT")
        .isSubsetOf(accounted)
        .contains("member", "progress_event", "quiz_attempt", "outbox", "installation");
  }

  @Test
  void someoneTheCoachDoesNotKnowGetsNothingAndNothingIsStored() {
    anasHistory();
    Caller stranger = slack("U0NEW", "Newcomer", "general", false);
    TableSnapshot before = coach.snapshot();

    Reply export = coach.say(stranger, "export");
    Reply forget = coach.say(stranger, "forget-me");

    assertThat(export.attachment()).isEmpty();
    assertThat(export.plainText()).contains("I keep nothing about you");
    assertThat(forget.plainText()).contains("I keep nothing about you");
    assertThat(forget.buttons()).isEmpty();
    assertThat(coach.snapshot()).isEqualTo(before);
  }

  // ---- forget-me

  @Test
  void forgetMeAsksFirstSayingWhatGoesAndChangesNothing() {
    anasHistory();
    TableSnapshot before = coach.snapshot();

    Reply asked = coach.say(ana, "forget-me");

    assertThat(asked.visibility()).isEqualTo(Visibility.CALLER);
    assertThat(asked.plainText())
        .contains("Erase everything I keep about you?")
        .contains("progress events")
        .contains("quiz answers")
        .contains("2 channels")
        .contains("You are the only lead of #general")
        .contains("/roadmap export");
    Button erase = asked.buttons().getFirst();
    assertThat(erase.style()).isEqualTo(Button.Style.DANGER);
    assertThat(ActionCodec.decode(erase.actionId())).contains(new Action.ForgetMe(id(ana)));
    assertThat(coach.snapshot()).isEqualTo(before);
  }

  @Test
  void afterForgetMeNoTableHoldsTheMembersIdOrPlatformId() {
    anasHistory();
    long anaId = id(ana);
    String button = coach.say(ana, "forget-me").buttons().getFirst().actionId();
    List<SchemaWalk.Column> memberColumns = SchemaWalk.columnsReferencing(coach.dsl(), "member");
    assertThat(SchemaWalk.holding(coach.dsl(), memberColumns, List.of(anaId)))
        .as("before: her id is all over the schema")
        .hasSizeGreaterThan(10);

    Reply done = coach.press(ana, button);

    assertThat(done.replacesOriginal()).isTrue();
    assertThat(done.plainText())
        .contains("I erased your profile and settings")
        .contains("your place in 2 channels")
        .contains("Bo leads #general now")
        .contains("/roadmap start");
    assertThat(memberColumns)
        .as("the walk finds the member references, with and without foreign keys")
        .contains(
            new SchemaWalk.Column("progress_event", "actor_id"),
            new SchemaWalk.Column("channel_lead", "granted_by"),
            new SchemaWalk.Column("outbox", "member_id"));
    assertThat(SchemaWalk.holding(coach.dsl(), memberColumns, List.of(anaId))).isEmpty();
    assertThat(
            SchemaWalk.holding(coach.dsl(), SchemaWalk.textColumns(coach.dsl()), List.of("U0ANA")))
        .isEmpty();
    assertThat(outboxTexts())
        .as("messages for others keep their news without her name")
        .noneMatch(t -> t.contains("Ana"))
        .anyMatch(t -> t.startsWith("A member (a lead of #general) moved you to stage 2"));
  }

  @Test
  void othersKeepTheirDataAndTheChannelSheLedAloneGetsItsEarliestMemberAsLead() {
    anasHistory();
    long boId = id(bo);
    int bosEvents = coach.dsl().fetchCount(PROGRESS_EVENT, PROGRESS_EVENT.MEMBER_ID.eq(boId));
    coach.recorder().take();

    coach.press(ana, coach.say(ana, "forget-me").buttons().getFirst().actionId());

    assertThat(coach.dsl().fetchCount(PROGRESS_EVENT, PROGRESS_EVENT.MEMBER_ID.eq(boId)))
        .isEqualTo(bosEvents);
    assertThat(coach.say(bo, "status").plainText()).contains("Stage 2");
    // Bo joined #general earliest after Ana: its lead now, and told so without naming her
    assertThat(coach.say(bo, "settings").plainText()).contains("Leads: Bo");
    List<String> notices =
        coach
            .dsl()
            .select(OUTBOX.PAYLOAD)
            .from(OUTBOX)
            .where(OUTBOX.MEMBER_ID.eq(boId), OUTBOX.KIND.eq("notice"))
            .fetch(r -> r.value1().data());
    assertThat(notices)
        .filteredOn(n -> n.contains("lead of #general has left"))
        .singleElement()
        .asString()
        .doesNotContain("Ana");
    // #study had other leads: nobody is named; Cy keeps the role Ana gave
    assertThat(coach.say(boInStudy, "settings").plainText()).contains("Bo, Cy");
    assertThat(
            coach
                .dsl()
                .select(CHANNEL_LEAD.GRANTED_BY)
                .from(CHANNEL_LEAD)
                .where(CHANNEL_LEAD.MEMBER_ID.eq(id(cyInStudy)))
                .fetchOne(CHANNEL_LEAD.GRANTED_BY))
        .isNull();
    // the boards are recomputed without her
    assertThat(coach.say(bo, "leaderboard all").plainText()).doesNotContain("Ana");
    assertThat(coach.say(boInStudy, "leaderboard week").plainText()).doesNotContain("Ana");
    // the installation stays for the workspace, without its installer
    assertThat(coach.dsl().fetchSingle(INSTALLATION).getInstallerUserId()).isNull();
  }

  @Test
  void someoneElsePressingTheButtonIsRefusedAndNothingChanges() {
    anasHistory();
    String anasButton = coach.say(ana, "forget-me").buttons().getFirst().actionId();
    TableSnapshot before = coach.snapshot();

    Reply refused = coach.press(bo, anasButton);

    assertThat(refused.plainText()).contains("only they can confirm it");
    assertThat(refused.replacesOriginal()).isFalse();
    assertThat(coach.snapshot()).isEqualTo(before);
  }

  @Test
  void aButtonNamingAMemberOfAnotherWorkspaceGetsTheSameAnswerWhetherTheyExistOrNot() {
    anasHistory();
    Caller stranger =
        new Caller(
            Platform.SLACK,
            "T0OTHER",
            "Other",
            Origin.channel("C-elsewhere", "elsewhere"),
            "U0EVE",
            "Eve",
            false,
            Optional.empty(),
            Optional.empty());
    coach.say(stranger, "start");
    TableSnapshot before = coach.snapshot();

    Reply existing = coach.press(stranger, ActionCodec.encode(new Action.ForgetMe(id(ana))));
    Reply missing = coach.press(stranger, ActionCodec.encode(new Action.ForgetMe(987_654_321L)));

    assertThat(existing).isEqualTo(missing);
    assertThat(existing.plainText()).contains("only they can confirm it");
    assertThat(coach.snapshot()).isEqualTo(before);
  }

  @Test
  void pressingTwiceErasesOnceAndStoresNothingTheSecondTime() {
    anasHistory();
    String button = coach.say(ana, "forget-me").buttons().getFirst().actionId();
    coach.press(ana, button);
    TableSnapshot after = coach.snapshot();

    Reply again = coach.press(ana, button);

    assertThat(again.plainText()).contains("nothing left to erase");
    assertThat(coach.snapshot()).isEqualTo(after);
    assertThat(coach.dsl().fetchCount(MEMBER, MEMBER.EXTERNAL_ID.eq("U0ANA"))).isZero();
  }

  @Test
  void aLaterStartBeginsFromNothing() {
    anasHistory();
    coach.press(ana, coach.say(ana, "forget-me").buttons().getFirst().actionId());

    coach.say(ana, "start");

    String status = coach.say(ana, "status").plainText();
    assertThat(status).contains("Stage 1").doesNotContain("07:45");
    assertThat(coach.events(ana)).extracting(e -> e.getKind()).containsExactly("enrolled");
  }

  @Test
  void aMemberWhoNeverEnrolledCanBeForgottenToo() {
    coach.say(bo, "start");
    coach.say(ana, "tz Europe/Berlin"); // stored as a member (a setting), with no journey
    Reply asked = coach.say(ana, "forget-me");

    Reply done = coach.press(ana, asked.buttons().getFirst().actionId());

    assertThat(done.plainText()).contains("I erased").doesNotContain("journey");
    assertThat(coach.dsl().fetchCount(MEMBER, MEMBER.EXTERNAL_ID.eq("U0ANA"))).isZero();
  }

  // ---- issue 23

  @Test
  void afterForgetMeReadingRecreatesNothingAndExportSaysNothingIsKept() {
    coach.say(bo, "start");
    coach.say(ana, "start");
    Reply asked = coach.say(ana, "forget-me");
    coach.press(ana, asked.buttons().getFirst().actionId());

    for (String read : new String[] {"status", "stages", "leaderboard", "settings", "stage 2"}) {
      assertThat(coach.say(ana, read).plainText()).as(read).isNotBlank();
    }

    assertThat(coach.dsl().fetchCount(MEMBER, MEMBER.EXTERNAL_ID.eq("U0ANA"))).isZero();
    Reply export = coach.say(ana, "export");
    assertThat(export.plainText()).startsWith("I keep nothing about you in this workspace");
    assertThat(export.attachment()).isEmpty();
  }

  // ---- issue 25: what the member did to others

  /** Ana also nudges Bo as his lead and stops pairing after Monday's pairing: her buddy is told. */
  private void anaActsForOthers() {
    anasHistory();
    coach.say(ana, "nudge @Bo");
    coach.say(ana, "buddy off");
  }

  @Test
  void theExportHoldsWhatTheMemberDidToOthers() throws IOException {
    anaActsForOthers();

    JsonNode export = json(coach.say(ana, "export"));

    assertThat(export.get("progress_you_set_for_others"))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.get("kind").asText()).isEqualTo("stage_set");
              assertThat(e.get("member").asText()).isEqualTo("Bo");
              // his journey is kept in #study, where he started
              assertThat(e.get("channel").asText()).isEqualTo("study");
              assertThat(e.get("stage").asInt()).isEqualTo(2);
            });
    assertThat(export.get("leads_you_named"))
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l.get("channel").asText()).isEqualTo("study");
              assertThat(l.get("lead").asText()).isEqualTo("Cy");
            });
    assertThat(export.get("messages_to_others_about_you"))
        .extracting(m -> m.get("kind").asText() + " to " + m.get("to").asText())
        .containsExactlyInAnyOrder("notice to Bo", "lead_nudge to Bo", "buddy_notice to Admin");
    assertThat(export.get("messages_to_others_about_you"))
        .filteredOn(m -> m.get("kind").asText().equals("notice"))
        .extracting(m -> m.get("text").asText())
        .singleElement()
        .asString()
        .startsWith("Ana (a lead of #general) moved you to stage 2");
    // the others are named as the coach shows them to her, never by their platform ids
    assertThat(export.toString()).doesNotContain("U0BO").doesNotContain("U0CY");
  }

  @Test
  void everyColumnNamingTheMemberIsInTheExportOrLeftOutForAReason() throws IOException {
    anaActsForOthers();
    JsonNode export = json(coach.say(ana, "export"));
    Map<String, String> ownRows = new HashMap<>();
    Map<String, String> acts = new HashMap<>();
    Set<String> leftOut = new HashSet<>();
    for (PersonalData part : Core.personalData(coach.dsl(), coach.services().bank())) {
      ownRows.putAll(part.sectionsByTable());
      acts.putAll(part.sectionsByColumn());
      leftOut.addAll(part.leftOut().keySet());
    }

    List<SchemaWalk.Column> naming =
        SchemaWalk.columnsReferencing(coach.dsl(), "member").stream()
            .filter(c -> !SchemaWalk.holding(coach.dsl(), List.of(c), List.of(id(ana))).isEmpty())
            .toList();

    assertThat(naming)
        .as("where she acted for others")
        .contains(
            new SchemaWalk.Column("progress_event", "actor_id"),
            new SchemaWalk.Column("channel_lead", "granted_by"),
            new SchemaWalk.Column("channel_holiday", "set_by"),
            new SchemaWalk.Column("outbox", "actor_member_id"));
    for (SchemaWalk.Column c : naming) {
      boolean own =
          ownRows.containsKey(c.table()) && List.of("id", "member_id").contains(c.column());
      if (own || leftOut.contains(c.table())) {
        continue;
      }
      assertThat(acts)
          .as(c + " names her: add it to a part's sectionsByColumn, and to the export")
          .containsKey(c.toString());
      assertThat(export.get(acts.get(c.toString())))
          .as("the export's section " + acts.get(c.toString()) + " for " + c)
          .isNotEmpty();
    }
  }

  @Test
  void afterForgetMeTheMessagesToOthersKeepTheirNewsWithoutNamingHer() {
    anaActsForOthers();
    long anaId = id(ana);

    coach.press(ana, coach.say(ana, "forget-me").buttons().getFirst().actionId());

    assertThat(coach.dsl().fetchCount(OUTBOX, OUTBOX.ACTOR_MEMBER_ID.eq(anaId))).isZero();
    assertThat(outboxTexts())
        .noneMatch(t -> t.contains("Ana"))
        .anyMatch(t -> t.startsWith("A member stopped"));
    assertThat(
            coach
                .dsl()
                .fetchCount(
                    OUTBOX,
                    OUTBOX.KIND.in("lead_nudge", "buddy_notice", "notice"),
                    OUTBOX.MEMBER_ID.ne(anaId)))
        .as("Bo's nudge and notice, the admin's buddy notice")
        .isGreaterThanOrEqualTo(3);
  }
}
