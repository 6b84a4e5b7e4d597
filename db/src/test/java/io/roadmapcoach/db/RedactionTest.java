package io.roadmapcoach.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
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

    assertThat(settings.toString())
        .isEqualTo("PostgreSQL at jdbc:postgresql://db/roadmap?user=rc&password=***");
  }
}
