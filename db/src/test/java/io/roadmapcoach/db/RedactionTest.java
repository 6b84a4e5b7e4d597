package io.roadmapcoach.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RedactionTest {

  @Test
  void aPasswordInAJdbcUrlIsMaskedAndTheRestKept() {
    assertThat(
            Redaction.redact(
                "jdbc:postgresql://db.example:5432/roadmap?user=rc&password=Hunter2!&ssl=true"))
        .isEqualTo("jdbc:postgresql://db.example:5432/roadmap?user=rc&password=***&ssl=true");
  }

  @Test
  void userInfoSemicolonAndColonFormsAreMaskedToo() {
    assertThat(Redaction.redact("postgres://rc:Hunter2@db.example/roadmap"))
        .isEqualTo("postgres://rc:***@db.example/roadmap");
    assertThat(Redaction.redact("jdbc:x://h;user=rc;Password=Hunter2;db=r"))
        .isEqualTo("jdbc:x://h;user=rc;Password=***;db=r");
    assertThat(Redaction.redact("SLACK_BOT_TOKEN=xoxb-123 and client_secret: abc"))
        .isEqualTo("SLACK_BOT_TOKEN=*** and client_secret: ***");
  }

  @Test
  void textWithoutSecretsIsUnchanged() {
    String plain = "Opening PostgreSQL at jdbc:postgresql://127.0.0.1:5432/roadmap?user=rc";
    assertThat(Redaction.redact(plain)).isEqualTo(plain);
    assertThat(Redaction.redact("Discord refused DISCORD_BOT_TOKEN; check it")).contains("refused");
    assertThat(Redaction.redact(null)).isNull();
  }

  @Test
  void settingsNeverShowAPasswordWrittenIntoTheUrl() {
    DatabaseSettings settings =
        new DatabaseSettings(
            Optional.of("jdbc:postgresql://db/roadmap?user=rc&password=Hunter2"),
            Optional.empty(),
            Optional.empty(),
            Path.of("/tmp"),
            4);

    // issue 25: where it points only; neither the user nor any parameter is shown any more
    assertThat(settings.toString()).isEqualTo("PostgreSQL at jdbc:postgresql://db/roadmap");
  }

  /** Passwords made of every character that once ended the masking, and a space. */
  private static final List<String> AWKWARD_PASSWORDS =
      List.of(
          "Pw;DbSecret,Tail9",
          "Pw&DbSecret&Tail9",
          "Pw%DbSecret%Tail9",
          "Pw=DbSecret=Tail9",
          "Pw DbSecret Tail9",
          "Pw,DbSecret;Tail9&x=y");

  private static void assertNoPartOfThePassword(String shown) {
    assertThat(shown).doesNotContain("DbSecret").doesNotContain("Tail9");
  }

  @Test
  void aPasswordInAUrlIsMaskedWholeWhateverCharactersItHas() {
    for (String password : AWKWARD_PASSWORDS) {
      String encoded = URLEncoder.encode(password, StandardCharsets.UTF_8);
      String url = "jdbc:postgresql://db.example:5432/roadmap?user=rc&password=" + encoded;

      String shown = Redaction.redact("Cannot connect to " + url + "&ssl=true: refused");

      assertNoPartOfThePassword(shown);
      assertThat(shown).as(password).endsWith("password=***&ssl=true: refused");
    }
    // written without encoding, as the driver also takes them
    assertThat(
            Redaction.redact(
                "jdbc:postgresql://db/r?password=Pw;DbSecret,Tail9&ssl=true and password=Pw=Db%Tail9"))
        .isEqualTo("jdbc:postgresql://db/r?password=***&ssl=true and password=***");
  }

  @Test
  void secretsTheAppWasGivenAreMaskedWhereverTheyAppear() {
    for (String password : AWKWARD_PASSWORDS) {
      Redaction redaction = Redaction.knowing(List.of(password, "xoxb-bot-token"));
      String encoded = URLEncoder.encode(password, StandardCharsets.UTF_8);

      String shown =
          redaction.apply(
              "FATAL: password \""
                  + password
                  + "\" refused; url password="
                  + password
                  + " or "
                  + encoded
                  + " or "
                  + encoded.replace("+", "%20")
                  + "; Bearer xoxb-bot-token");

      assertNoPartOfThePassword(shown);
      assertThat(shown).as(password).doesNotContain("xoxb-bot-token").startsWith("FATAL: ");
    }
  }

  @Test
  void theSecretsOfAUrlAreItsUserInfoPasswordAndItsSecretParameters() {
    assertThat(
            Redaction.secretsIn(
                "jdbc:postgresql://rc:Info%2FPw@db/r?user=rc&password=Pw%3BDb&sslpassword=K;e&ssl=true"))
        .contains("Info%2FPw", "Pw%3BDb", "Pw;Db", "K;e")
        .doesNotContain("rc", "true", "db/r");
  }

  @Test
  void aSourceFilesNameInAStackTraceIsNotMistakenForASecret() {
    String frames =
        "at io.roadmapcoach.core.installation.TokenCipher.decrypt(TokenCipher.java:55)\n"
            + "at io.roadmapcoach.core.dashboard.Secrets.hash(Secrets.java:35)";

    assertThat(Redaction.redact(frames)).isEqualTo(frames);
  }

  @Test
  void aDatabaseAddressIsWhereItPointsWithoutUserOrParameters() {
    assertThat(
            Redaction.databaseAddress(
                "jdbc:postgresql://db.example:5432/roadmap?user=rc&password=Pw;Db,Tail9"))
        .isEqualTo("jdbc:postgresql://db.example:5432/roadmap");
    assertThat(Redaction.databaseAddress("jdbc:postgresql://rc:Pw@db.example/roadmap"))
        .isEqualTo("jdbc:postgresql://db.example/roadmap");
    assertThat(Redaction.databaseAddress("jdbc:postgresql://h1:5432,h2:5433/roadmap?x=1"))
        .isEqualTo("jdbc:postgresql://h1:5432,h2:5433/roadmap");
    assertThat(Redaction.databaseAddress("jdbc:postgresql://[::1]:5432/roadmap?password=a b"))
        .isEqualTo("jdbc:postgresql://[::1]:5432/roadmap");
    assertThat(Redaction.databaseAddress("jdbc:postgresql:roadmap?password=x"))
        .isEqualTo("jdbc:postgresql:roadmap");
  }
}
