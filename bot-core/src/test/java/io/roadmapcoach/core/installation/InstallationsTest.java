package io.roadmapcoach.core.installation;

import static io.roadmapcoach.db.schema.Tables.INSTALLATION;
import static io.roadmapcoach.db.schema.Tables.OAUTH_STATE;
import static io.roadmapcoach.db.schema.Tables.WORKSPACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.roadmapcoach.core.caller.Platform;
import io.roadmapcoach.core.delivery.OutboxRepository;
import io.roadmapcoach.core.installation.Installations.Refreshed;
import io.roadmapcoach.core.member.Workspaces;
import io.roadmapcoach.core.testing.Concurrently;
import io.roadmapcoach.core.testing.TestClock;
import io.roadmapcoach.core.tx.Transactions;
import io.roadmapcoach.db.testing.PostgresExtension;
import io.roadmapcoach.db.testing.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Installations at rest (encrypted), read back, refreshed once when instances race, and states. */
@ExtendWith(PostgresExtension.class)
class InstallationsTest {
  private static final String KEY = "a-test-key-of-forty-characters-0123456789";
  private static final String OLD_KEY = "an-older-key-of-forty-characters-98765432";
  private static final String TEAM = "T0AAA";

  private final DSLContext dsl = TestDatabase.dsl();
  private final TestClock clock = TestClock.at("2026-03-02T10:00:00Z");
  private final Installations installations = withKey(KEY);

  private Installations withKey(String key) {
    return new Installations(
        dsl, new Transactions(dsl), Optional.of(TokenCipher.fromSecret(key)), clock);
  }

  private Installation installation(String token, Optional<String> refresh, Optional<Instant> at) {
    return new Installation(
        Platform.SLACK,
        TEAM,
        Optional.of("Team A"),
        Optional.empty(),
        Optional.of("A0APP"),
        Optional.of("B0BOT"),
        "U0BOT",
        "commands,chat:write",
        Optional.of("U0ANA"),
        token,
        refresh,
        at,
        clock.instant());
  }

  private Installation rotating(String token, Instant expiresAt) {
    return installation(token, Optional.of("xoxe-1-refresh"), Optional.of(expiresAt));
  }

  @Test
  void tokensAreStoredEncryptedAndReadBackWhole() {
    installations.save(rotating("xoxb-secret-token-A", clock.instant().plus(Duration.ofHours(12))));

    var row = dsl.fetchSingle(INSTALLATION);
    assertThat(new String(row.getBotToken(), StandardCharsets.ISO_8859_1))
        .doesNotContain("xoxb-secret-token-A");
    assertThat(new String(row.getBotRefreshToken(), StandardCharsets.ISO_8859_1))
        .doesNotContain("xoxe-1-refresh");
    Installation back = installations.find(Platform.SLACK, TEAM).orElseThrow();
    assertThat(back.botToken()).isEqualTo("xoxb-secret-token-A");
    assertThat(back.refreshToken()).contains("xoxe-1-refresh");
    assertThat(back.installerUserId()).contains("U0ANA");
    assertThat(back.toString()).doesNotContain("xoxb-").doesNotContain("xoxe-");
  }

  @Test
  void anotherKeyReadsNothingAndSaysWhyWithoutTheToken() {
    installations.save(installation("xoxb-secret-token-A", Optional.empty(), Optional.empty()));

    Installations otherKey = withKey("another-key-of-forty-characters-987654321");

    assertThatThrownBy(() -> otherKey.find(Platform.SLACK, TEAM))
        .isInstanceOf(TokenCipher.UndecryptableToken.class)
        .hasMessageContaining("ROADMAP_SECRET_KEY")
        .hasMessageNotContaining("xoxb");
  }

  @Test
  void aTokenCopiedIntoAnotherWorkspacesRowDoesNotDecrypt() {
    installations.save(installation("xoxb-secret-token-A", Optional.empty(), Optional.empty()));
    byte[] stolen = dsl.fetchSingle(INSTALLATION).getBotToken();
    installations.save(
        new Installation(
            Platform.SLACK,
            "T0BBB",
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            "U0BOT",
            "",
            Optional.empty(),
            "xoxb-token-B",
            Optional.empty(),
            Optional.empty(),
            clock.instant()));
    dsl.update(INSTALLATION)
        .set(INSTALLATION.BOT_TOKEN, stolen)
        .where(INSTALLATION.WORKSPACE_EXTERNAL_ID.eq("T0BBB"))
        .execute();

    assertThatThrownBy(() -> installations.find(Platform.SLACK, "T0BBB"))
        .isInstanceOf(TokenCipher.UndecryptableToken.class);
  }

  @Test
  void aShortSecretKeyIsRefusedWithTheRightForm() {
    assertThatThrownBy(() -> TokenCipher.fromSecret("too-short"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 32 characters")
        .hasMessageContaining("openssl rand");
  }

  @Test
  void aWeakSecretKeyIsRefusedSayingWhyWithoutShowingIt() {
    assertThatThrownBy(() -> TokenCipher.fromSecret("a".repeat(32)))
        .hasMessageContaining("only 1 different characters")
        .hasMessageNotContaining("aaaa");
    assertThatThrownBy(() -> TokenCipher.fromSecret("correct-horse-".repeat(3)))
        .hasMessageContaining("different characters")
        .hasMessageNotContaining("horse");
    assertThatThrownBy(() -> TokenCipher.fromSecret("0123456789abcdef".repeat(2)))
        .hasMessageContaining("repeats the same 16 characters")
        .hasMessageNotContaining("0123");
    // a unit cut short at the end repeats all the same
    assertThatThrownBy(() -> TokenCipher.fromSecret("Zq8#vB2!mK5$xL9pR7tY".repeat(2) + "Zq8"))
        .hasMessageContaining("repeats the same 20 characters");
    assertThat(TokenCipher.weakness("  " + KEY + "  ")).isEmpty();
    assertThat(TokenCipher.weakness("sPUDTaT2e0Mle1Ly6NWBnwRXo1LE8G36qXAXY6sSNEs=")).isEmpty();
  }

  @Test
  void aTokenSealedUnderThePreviousKeyIsReadAndSealedAgainUnderTheNewOne() {
    Installations before = withKey(OLD_KEY);
    before.save(rotating("xoxb-secret-token-A", clock.instant().plus(Duration.ofHours(12))));
    byte[] sealedBefore = dsl.fetchSingle(INSTALLATION).getBotToken();
    Installations rotating =
        new Installations(
            dsl,
            new Transactions(dsl),
            Optional.of(TokenCipher.fromSecrets(KEY, Optional.of(OLD_KEY))),
            clock);

    Installation read = rotating.find(Platform.SLACK, TEAM).orElseThrow();

    assertThat(read.botToken()).isEqualTo("xoxb-secret-token-A");
    assertThat(read.refreshToken()).contains("xoxe-1-refresh");
    assertThat(dsl.fetchSingle(INSTALLATION).getBotToken()).isNotEqualTo(sealedBefore);
    // sealed under the new key alone now: the old key is no longer needed, nor able, to read it
    Installation after = withKey(KEY).find(Platform.SLACK, TEAM).orElseThrow();
    assertThat(after.botToken()).isEqualTo("xoxb-secret-token-A");
    assertThat(after.refreshToken()).contains("xoxe-1-refresh");
    assertThatThrownBy(() -> before.find(Platform.SLACK, TEAM))
        .isInstanceOf(TokenCipher.UndecryptableToken.class);
  }

  /**
   * A token as every version so far stored it, written here by hand: a version byte, a 96-bit
   * nonce, then AES-256-GCM under the SHA-256 of the key's text, bound to the workspace and
   * purpose.
   */
  private static byte[] sealedByAnEarlierVersion(String key, String token, String context)
      throws Exception {
    byte[] nonce = new byte[12];
    new java.security.SecureRandom().nextBytes(nonce);
    javax.crypto.Cipher cipher = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(
        javax.crypto.Cipher.ENCRYPT_MODE,
        new javax.crypto.spec.SecretKeySpec(
            java.security.MessageDigest.getInstance("SHA-256")
                .digest(key.getBytes(StandardCharsets.UTF_8)),
            "AES"),
        new javax.crypto.spec.GCMParameterSpec(128, nonce));
    cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
    byte[] sealed = cipher.doFinal(token.getBytes(StandardCharsets.UTF_8));
    return java.nio.ByteBuffer.allocate(1 + nonce.length + sealed.length)
        .put((byte) 1)
        .put(nonce)
        .put(sealed)
        .array();
  }

  /**
   * The workspace's installation, its bot token as an earlier version stored it under {@code key}.
   */
  private void storedByAnEarlierVersion(String key, String token) throws Exception {
    installations.save(installation("xoxb-placeholder", Optional.empty(), Optional.empty()));
    dsl.update(INSTALLATION)
        .set(INSTALLATION.BOT_TOKEN, sealedByAnEarlierVersion(key, token, "slack/" + TEAM + "/bot"))
        .execute();
  }

  @Test
  void tokensStoredUnderAnOnceAcceptedWeakKeyAreReadWhileItIsRotatedAway() throws Exception {
    String weak = "a".repeat(32); // accepted before issue 25
    storedByAnEarlierVersion(weak, "xoxb-stored-long-ago");
    TokenCipher rotating = TokenCipher.fromSecrets(KEY, Optional.of(weak));

    Installation read =
        new Installations(dsl, new Transactions(dsl), Optional.of(rotating), clock)
            .find(Platform.SLACK, TEAM)
            .orElseThrow();

    assertThat(read.botToken()).isEqualTo("xoxb-stored-long-ago");
    assertThat(installations.find(Platform.SLACK, TEAM).orElseThrow().botToken())
        .isEqualTo("xoxb-stored-long-ago");
    assertThat(rotating.toString()).doesNotContain(weak).doesNotContain(KEY);
  }

  @Test
  void theKeyIsDerivedAsBeforeSoStoredTokensStayReadable() throws Exception {
    storedByAnEarlierVersion(KEY, "xoxb-stored-long-ago");

    assertThat(installations.find(Platform.SLACK, TEAM).orElseThrow().botToken())
        .isEqualTo("xoxb-stored-long-ago");
  }

  @Test
  void withoutAKeyNothingIsStored() {
    Installations keyless = new Installations(dsl, new Transactions(dsl), Optional.empty(), clock);

    assertThat(keyless.canStore()).isFalse();
    assertThatThrownBy(
            () -> keyless.save(installation("xoxb-1", Optional.empty(), Optional.empty())))
        .hasMessageContaining("ROADMAP_SECRET_KEY is not set");
    assertThat(dsl.fetchCount(INSTALLATION)).isZero();
  }

  @Test
  void aSecondInstallReplacesTheFirstWholeAndBringsARemovedWorkspaceBack() {
    installations.save(rotating("xoxb-first", clock.instant().plus(Duration.ofHours(12))));
    Workspaces workspaces =
        new Workspaces(dsl, new Transactions(dsl), clock, new OutboxRepository(dsl)::dropPendingOf);
    workspaces.removed(Platform.SLACK, TEAM);
    assertThat(dsl.fetchSingle(WORKSPACE).getRemovedAt()).isNotNull();

    installations.save(installation("xoxb-second", Optional.empty(), Optional.empty()));

    assertThat(dsl.fetchCount(INSTALLATION)).isEqualTo(1);
    Installation now = installations.find(Platform.SLACK, TEAM).orElseThrow();
    assertThat(now.botToken()).isEqualTo("xoxb-second");
    assertThat(now.refreshToken()).isEmpty();
    assertThat(now.tokenExpiresAt()).isEmpty();
    var workspace = dsl.fetchSingle(WORKSPACE);
    assertThat(workspace.getRemovedAt()).isNull();
    assertThat(workspace.getDeliverable()).isTrue();
    assertThat(workspace.getName()).isEqualTo("Team A");
  }

  @Test
  void aTokenFarFromExpiryIsUsedAsItIs() {
    installations.save(rotating("xoxb-fresh", clock.instant().plus(Duration.ofHours(12))));
    AtomicInteger refreshes = new AtomicInteger();

    Optional<String> token =
        installations.token(
            Platform.SLACK,
            TEAM,
            rt -> {
              refreshes.incrementAndGet();
              return new Refreshed("xoxb-new", "xoxe-new", Duration.ofHours(12));
            });

    assertThat(token).contains("xoxb-fresh");
    assertThat(refreshes).hasValue(0);
  }

  @Test
  void aTokenAboutToExpireIsRefreshedAndTheNewOnesStored() {
    installations.save(rotating("xoxb-old", clock.instant().plus(Duration.ofMinutes(30))));
    clock.advance(Duration.ofMinutes(5));

    Optional<String> token =
        installations.token(
            Platform.SLACK,
            TEAM,
            rt -> {
              assertThat(rt).isEqualTo("xoxe-1-refresh");
              return new Refreshed("xoxb-new", "xoxe-2-refresh", Duration.ofHours(12));
            });

    assertThat(token).contains("xoxb-new");
    Installation stored = installations.find(Platform.SLACK, TEAM).orElseThrow();
    assertThat(stored.botToken()).isEqualTo("xoxb-new");
    assertThat(stored.refreshToken()).contains("xoxe-2-refresh");
    assertThat(stored.tokenExpiresAt()).contains(clock.instant().plus(Duration.ofHours(12)));
  }

  @Test
  void instancesRacingToRefreshRefreshOnceAndAllUseTheNewToken() throws Exception {
    installations.save(rotating("xoxb-old", clock.instant().plus(Duration.ofMinutes(10))));
    AtomicInteger refreshes = new AtomicInteger();
    // four instances, each with its own Installations on the same database
    List<String> tokens =
        Concurrently.run(
            4,
            () ->
                withKey(KEY)
                    .token(
                        Platform.SLACK,
                        TEAM,
                        rt -> {
                          int n = refreshes.incrementAndGet();
                          Thread.sleep(200); // the platform takes a moment
                          return new Refreshed(
                              "xoxb-new-" + n, "xoxe-new-" + n, Duration.ofHours(12));
                        })
                    .orElseThrow());

    assertThat(refreshes).hasValue(1);
    assertThat(tokens).containsOnly("xoxb-new-1");
    assertThat(installations.find(Platform.SLACK, TEAM).orElseThrow().refreshToken())
        .contains("xoxe-new-1");
  }

  @Test
  void aFailedRefreshKeepsUsingATokenThatStillWorksAndStoresNothing() {
    installations.save(rotating("xoxb-old", clock.instant().plus(Duration.ofMinutes(30))));

    Optional<String> token =
        installations.token(
            Platform.SLACK,
            TEAM,
            rt -> {
              throw new IOException("Slack is unreachable");
            });

    assertThat(token).contains("xoxb-old");
    assertThat(installations.find(Platform.SLACK, TEAM).orElseThrow().refreshToken())
        .contains("xoxe-1-refresh");
  }

  @Test
  void anExpiredTokenThatCannotBeRefreshedFailsTheWorkToBeRetried() {
    installations.save(rotating("xoxb-old", clock.instant().plus(Duration.ofMinutes(30))));
    clock.advance(Duration.ofHours(1));

    assertThatThrownBy(
            () ->
                installations.token(
                    Platform.SLACK,
                    TEAM,
                    rt -> {
                      throw new IOException("invalid_refresh_token");
                    }))
        .isInstanceOf(Installations.TokenRefreshFailed.class)
        .hasMessageNotContaining("xox");
  }

  @Test
  void anUninstalledWorkspaceHasNoToken() {
    installations.save(installation("xoxb-1", Optional.empty(), Optional.empty()));

    assertThat(installations.remove(Platform.SLACK, TEAM)).isTrue();

    assertThat(installations.token(Platform.SLACK, TEAM, rt -> null)).isEmpty();
    assertThat(installations.remove(Platform.SLACK, TEAM)).isFalse();
  }

  // ---- OAuth states, once spent (issued and checked by the adapter, which signs them)

  private static final String STATE = "S".repeat(20) + "t".repeat(23);

  @Test
  void aStateIsSpentOnceAndStoredAsAHash() {
    Instant expires = clock.instant().plus(Duration.ofMinutes(10));

    assertThat(installations.stateSpent(STATE)).isFalse();
    assertThat(installations.spendState(STATE, expires)).isTrue();
    assertThat(installations.spendState(STATE, expires)).isFalse();

    assertThat(installations.stateSpent(STATE)).isTrue();
    assertThat(dsl.fetch(OAUTH_STATE))
        .singleElement()
        .satisfies(
            r ->
                assertThat(new String(r.getStateHash(), StandardCharsets.ISO_8859_1))
                    .doesNotContain(STATE));
  }

  @Test
  void aMalformedStateIsNeverSpentAndStoresNothing() {
    Instant expires = clock.instant().plus(Duration.ofMinutes(10));

    assertThat(installations.spendState("not-even-the-right-form", expires)).isFalse();
    assertThat(installations.spendState(null, expires)).isFalse();
    assertThat(installations.stateSpent(null)).isFalse();

    assertThat(dsl.fetchCount(OAUTH_STATE)).isZero();
  }

  @Test
  void twoRedirectsWithOneStateAtOnceSpendItOnce() throws Exception {
    Instant expires = clock.instant().plus(Duration.ofMinutes(10));

    List<Boolean> spent = Concurrently.run(4, () -> withKey(KEY).spendState(STATE, expires));

    assertThat(spent).containsOnlyOnce(true);
  }

  @Test
  void spentStatesAreForgottenOnceTheyHaveExpired() {
    String earlier = "E".repeat(43);
    installations.spendState(earlier, clock.instant().plus(Duration.ofMinutes(10)));
    clock.advance(Duration.ofMinutes(10));

    installations.spendState(STATE, clock.instant().plus(Duration.ofMinutes(10)));

    assertThat(installations.stateSpent(earlier)).isFalse();
    assertThat(installations.stateSpent(STATE)).isTrue();
    assertThat(dsl.fetchCount(OAUTH_STATE)).isEqualTo(1);
  }
}
