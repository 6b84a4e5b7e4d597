package io.roadmapcoach.core.member;

import static io.roadmapcoach.db.schema.Tables.CHANNEL;
import static io.roadmapcoach.db.schema.Tables.MEMBER;
import static io.roadmapcoach.db.schema.Tables.WORKSPACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.roadmapcoach.core.caller.Caller;
import io.roadmapcoach.core.caller.MemberRef;
import io.roadmapcoach.core.caller.Origin;
import io.roadmapcoach.core.caller.Platform;
import io.roadmapcoach.core.caller.PlatformStatus;
import io.roadmapcoach.core.testing.CoachFixture;
import io.roadmapcoach.core.testing.TableSnapshot;
import io.roadmapcoach.db.testing.PostgresExtension;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Optional;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Workspaces, channels and members found or created from what the platform says. */
@ExtendWith(PostgresExtension.class)
class MemberRepositoryTest {
  private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

  private final CoachFixture f = CoachFixture.builtIn();
  private final MemberRepository members = f.services().members();
  private final DSLContext dsl = f.dsl();

  private static Caller slack(String team, String channel, String user, String name) {
    return new Caller(
        Platform.SLACK,
        team,
        team,
        Origin.channel(channel, channel),
        user,
        name,
        false,
        Optional.empty(),
        Optional.empty());
  }

  @Test
  void theFirstSightCreatesRowsAndTheNextFindsThem() {
    Caller ana = slack("T1", "C1", "U1", "ana");

    MemberRepository.Place first = members.resolve(ana, NOW).orElseThrow();
    MemberRepository.Place again = members.resolve(ana, NOW).orElseThrow();

    assertThat(again.member().id()).isEqualTo(first.member().id());
    assertThat(again.channel().id()).isEqualTo(first.channel().id());
    assertThat(dsl.fetchCount(WORKSPACE)).isEqualTo(1);
    assertThat(dsl.fetchCount(CHANNEL)).isEqualTo(1);
    assertThat(dsl.fetchCount(MEMBER)).isEqualTo(1);
    assertThat(first.home()).as("home before enrolling").isEqualTo(first.channel());
  }

  @Test
  void aDirectMessageActsInTheHomeChannelAndStoresNothingForSomeoneWithoutOne() {
    Caller ana = slack("T1", "C1", "U1", "ana");
    members.resolve(ana, NOW);
    TableSnapshot before = TableSnapshot.of(dsl);

    assertThat(members.resolve(ana.inDirectMessage(), NOW)).isEmpty();
    assertThat(TableSnapshot.of(dsl)).isEqualTo(before);

    f.say(f.caller("bob"), "start");
    Caller bobInDm = f.caller("bob").inDirectMessage();
    MemberRepository.Place place = members.resolve(bobInDm, NOW).orElseThrow();
    assertThat(place.channel().externalId()).isEqualTo(CoachFixture.GENERAL);
    assertThat(place.home()).isEqualTo(place.channel());
  }

  @Test
  void theSameIdsInAnotherWorkspaceAreSomeoneElse() {
    long one = members.resolve(slack("T1", "C1", "U1", "ana"), NOW).orElseThrow().member().id();
    long other = members.resolve(slack("T2", "C1", "U1", "ana"), NOW).orElseThrow().member().id();

    assertThat(other).isNotEqualTo(one);
    assertThat(dsl.fetchCount(WORKSPACE)).isEqualTo(2);
  }

  @Test
  void aNewDisplayNameOrPlatformZoneIsKeptUpToDate() {
    members.resolve(slack("T1", "C1", "U1", "ana"), NOW);
    Caller renamed =
        new Caller(
            Platform.SLACK,
            "T1",
            "T1",
            Origin.channel("C1", "C1"),
            "U1",
            "Ana Lima",
            false,
            Optional.of(ZoneId.of("Europe/Lisbon")),
            Optional.empty());

    Member member = members.resolve(renamed, NOW).orElseThrow().member();

    assertThat(member.displayName()).isEqualTo("Ana Lima");
    assertThat(member.platformZone()).contains(ZoneId.of("Europe/Lisbon"));
    assertThat(member.chosenZone()).isEmpty();
  }

  @Test
  void discordChannelsDefaultToOneChannelPostAndOthersToDirectMessages() {
    Caller discord =
        new Caller(
            Platform.DISCORD,
            "G1",
            "G1",
            Origin.channel("C9", "study"),
            "1",
            "ana",
            false,
            Optional.empty(),
            Optional.empty());

    assertThat(members.resolve(discord, NOW).orElseThrow().channel().reminderMode())
        .isEqualTo(ReminderMode.CHANNEL);
    assertThat(
            members
                .resolve(slack("T1", "C1", "U1", "ana"), NOW)
                .orElseThrow()
                .channel()
                .reminderMode())
        .isEqualTo(ReminderMode.DM);
  }

  @Test
  void findNamesAMemberByDisplayNameOrIdInAnyLetterCaseOrByMention() {
    long ws =
        members
            .resolve(slack("T1", "C1", "U0ANA", "Ana Lima"), NOW)
            .orElseThrow()
            .member()
            .workspaceId();
    members.resolve(slack("T1", "C1", "U0BOB", "bob"), NOW);

    assertThat(members.find(ws, MemberRef.parse("@BOB").orElseThrow()))
        .get()
        .extracting(Member::externalId)
        .isEqualTo("U0BOB");
    assertThat(members.find(ws, MemberRef.parse("@u0ana").orElseThrow()))
        .get()
        .extracting(Member::displayName)
        .isEqualTo("Ana Lima");
    assertThat(members.find(ws, MemberRef.parse("<@U0ANA|whatever>").orElseThrow()))
        .get()
        .extracting(Member::displayName)
        .isEqualTo("Ana Lima");
    assertThat(members.find(ws, MemberRef.parse("@zed").orElseThrow())).isEmpty();
  }

  @Test
  void aSnoozeCoversItsDaysInclusive() {
    Member ana = members.resolve(slack("T1", "C1", "U1", "ana"), NOW).orElseThrow().member();
    LocalDate from = LocalDate.of(2026, 3, 3);

    members.snooze(ana.id(), from, from.plusDays(2));
    Member snoozed = members.member(ana.id());

    assertThat(snoozed.isSnoozedOn(from.minusDays(1))).isFalse();
    assertThat(snoozed.isSnoozedOn(from)).isTrue();
    assertThat(snoozed.isSnoozedOn(from.plusDays(2))).isTrue();
    assertThat(snoozed.isSnoozedOn(from.plusDays(3))).isFalse();
  }

  private static final PlatformStatus ON_VACATION =
      new PlatformStatus(":palm_tree:", "On vacation", Optional.empty());

  private Optional<OffsetDateTime> awaySince(String userId) {
    return Optional.ofNullable(
        dsl.select(MEMBER.AWAY_SINCE)
            .from(MEMBER)
            .where(MEMBER.EXTERNAL_ID.eq(userId))
            .fetchOne(MEMBER.AWAY_SINCE));
  }

  @Test
  void aStatusThatComesWithTheCallerIsKeptWithTheMemberItCreatesAndChangedByTheNext() {
    Caller ana = slack("T1", "C1", "U1", "ana");

    members.resolve(ana.withStatus(ON_VACATION), NOW);
    assertThat(awaySince("U1")).as("away from the first command on").isPresent();

    members.resolve(ana, NOW.plusSeconds(60));
    assertThat(awaySince("U1")).as("a caller without a status changes none").isPresent();

    members.resolve(ana.withStatus(new PlatformStatus(":coffee:", "Back", Optional.empty())), NOW);
    assertThat(awaySince("U1")).as("back").isEmpty();
  }

  @Test
  void theStatusIsKeptInTheCallersTransactionAndRollsBackWithIt() {
    Caller ana = slack("T1", "C1", "U1", "ana");
    members.resolve(ana, NOW);

    assertThatThrownBy(
            () ->
                f.services()
                    .transactions()
                    .run(
                        () -> {
                          members.resolve(ana.withStatus(ON_VACATION), NOW);
                          throw new IllegalStateException("the command failed");
                        }))
        .hasMessage("the command failed");

    assertThat(awaySince("U1")).as("kept only if the command commits").isEmpty();
  }
}
