package io.roadmapcoach.core.action;

import static org.assertj.core.api.Assertions.assertThat;

import io.roadmapcoach.core.action.Action.Answer;
import io.roadmapcoach.core.action.Action.MarkDone;
import io.roadmapcoach.core.action.Action.Snooze;
import io.roadmapcoach.core.action.Action.StartQuiz;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ActionCodecTest {

  @Test
  void everyActionComesBackAsItWasWritten() {
    List<Action> commands =
        List.of(
            new Answer(UUID.fromString("00000000-0000-0000-0000-000000000001"), 1, 0),
            new Answer(UUID.fromString("ffffffff-ffff-ffff-ffff-ffffffffffff"), 5, 3),
            new Answer(UUID.randomUUID(), 999, 999),
            new MarkDone(15, 3),
            new MarkDone(1, 1),
            new Snooze(1),
            new Snooze(30),
            new StartQuiz(),
            new Action.MoveOn(1),
            new Action.MoveOn(15),
            new Action.ForgetMe(1),
            new Action.ForgetMe(987_654_321_012L));
    for (Action command : commands) {
      String id = ActionCodec.encode(command);
      assertThat(ActionCodec.decode(id)).as(id).contains(command);
    }
  }

  @Test
  void idsAreShortEnoughForEveryPlatform() {
    // Discord's custom_id and Slack's action_id both stop at 100 characters
    String longest = ActionCodec.encode(new Answer(UUID.randomUUID(), 999, 999));
    assertThat(longest.length()).isLessThanOrEqualTo(64);
    assertThat(ActionCodec.decode(longest)).isPresent();
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "rc:",
        "rc",
        "xx:q",
        "RC:q",
        "rc:q:1",
        "rc:n",
        "rc:n:0",
        "rc:n:1:2",
        "rc:n:1000",
        "rc:z:1",
        "rc:a:1:1:0",
        "rc:a:17:2:3",
        "rc:a:0123456789abcdef0123456789abcdef:1",
        "rc:a:0123456789abcdef0123456789abcde:1:0",
        "rc:a:0123456789abcdef0123456789abcdef0:1:0",
        "rc:a:0123456789ABCDEF0123456789ABCDEF:1:0",
        "rc:a:01234567-89ab-cdef-0123-456789abcdef:1:0",
        "rc:a:0123456789abcdef0123456789abcdef:0:0",
        "rc:a:0123456789abcdef0123456789abcdef:1:x",
        "rc:a:0123456789abcdef0123456789abcdeg:1:0",
        "rc:d:0123456789abcdef0123456789abcdef:1",
        "rc:a:1:2",
        "rc:a:1:2:3:4",
        "rc:a:0:1:1",
        "rc:a:1:0:1",
        "rc:a:-1:1:1",
        "rc:a:1:1:x",
        "rc:a:1:1:",
        "rc:a:1: 1:1",
        "rc:a:1:1:1000",
        "rc:f",
        "rc:f:0",
        "rc:f:1:2",
        "rc:f:x",
        "rc:a:1234567890123:1:1",
        "rc:d:1",
        "rc:d:0:1",
        "rc:d:1:0",
        "rc:d:1:+2",
        "rc:d:1:2 ",
        "rc:d:١:٢",
        "rc:s:0",
        "rc:s:31",
        "rc:s:3d",
        "rc:s:1:1",
        " rc:q"
      })
  void malformedOrForgedIdsAreRefused(String id) {
    assertThat(ActionCodec.decode(id)).isEmpty();
  }

  @Test
  void overlongIdsAreRefusedBeforeTheyAreRead() {
    assertThat(ActionCodec.decode("rc:q" + ":".repeat(100))).isEmpty();
    assertThat(ActionCodec.decode("rc:a:1:1:" + "0".repeat(70) + "1")).isEmpty();
  }
}
