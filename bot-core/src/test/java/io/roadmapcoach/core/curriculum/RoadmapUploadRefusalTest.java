package io.roadmapcoach.core.curriculum;

import static org.assertj.core.api.Assertions.assertThat;

import io.roadmapcoach.core.caller.Caller;
import io.roadmapcoach.core.caller.Upload;
import io.roadmapcoach.core.reply.Reply;
import io.roadmapcoach.core.testing.CoachFixture;
import io.roadmapcoach.core.testing.TableSnapshot;
import io.roadmapcoach.db.testing.PostgresExtension;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Uploads the coach refuses: each answered with the rule it breaks, and nothing stored. */
@ExtendWith(PostgresExtension.class)
class RoadmapUploadRefusalTest {
  private final CoachFixture f = CoachFixture.builtIn();
  private final Caller ana = f.caller("ana");
  private TableSnapshot before;

  @BeforeEach
  void anaLeadsTheChannel() {
    f.say(ana, "start");
    before = f.snapshot();
  }

  private Reply upload(Caller caller, Upload file) {
    return f.coach().handleText(caller, "roadmap upload", Optional.of(file));
  }

  @Test
  void anOversizedBodyIsRefusedByItsSize() {
    Upload big = new Upload("big.yaml", new byte[Upload.MAX_READ], 3L * 1024 * 1024);

    assertThat(upload(ana, big).plainText())
        .contains("big.yaml (3072 KB) is larger than 512 KB")
        .contains("Nothing was changed");
    assertThat(f.snapshot()).isEqualTo(before);
  }

  @Test
  void anAliasBombIsRefusedAtItsLine() {
    String bomb =
        "id: bomb\n"
            + "title: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
            + "summary: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
            + "stages: [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n";

    String reply = upload(ana, TestRoadmaps.upload("bomb.yaml", bomb)).plainText();

    assertThat(reply).contains("I can't use bomb.yaml").contains("line 2").contains("line 3");
    assertThat(f.snapshot()).isEqualTo(before);
  }

  @Test
  void aQuizBankPathIsRefusedNamingItsField() {
    String withPath = "quiz_bank: ../../etc/passwd\n" + TestRoadmaps.webV1();

    String reply = upload(ana, TestRoadmaps.upload("web.yaml", withPath)).plainText();

    assertThat(reply)
        .contains("line 1, quiz_bank: an uploaded roadmap cannot name a file on the server");
    assertThat(f.snapshot()).isEqualTo(before);
  }

  @Test
  void onlyLeadsUpload() {
    Caller bob = f.caller("bob");
    f.say(bob, "start");
    TableSnapshot withBob = f.snapshot();

    assertThat(upload(bob, TestRoadmaps.upload("web.yaml", TestRoadmaps.webV1())).plainText())
        .contains("lead");
    assertThat(f.snapshot()).isEqualTo(withBob);
  }

  @Test
  void aFileWithAnyOtherCommandIsDroppedAndSaidSo() {
    Reply reply =
        f.coach()
            .handleText(
                ana, "stages", Optional.of(TestRoadmaps.upload("web.yaml", TestRoadmaps.webV1())));

    assertThat(reply.plainText())
        .contains("/roadmap stages takes no file: web.yaml was dropped.")
        .contains("stages");
    assertThat(f.snapshot()).isEqualTo(before);
  }

  @Test
  void withoutAFileTheUploadSaysHowToSendOne() {
    assertThat(f.say(ana, "roadmap upload").plainText()).contains(":attach PATH");
    assertThat(f.snapshot()).isEqualTo(before);
  }
}
