package io.roadmapcoach.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.roadmapcoach.core.Core;
import io.roadmapcoach.core.quiz.QuizBankLoader;
import io.roadmapcoach.core.roadmap.RoadmapSource;
import io.roadmapcoach.core.testing.TestClock;
import io.roadmapcoach.db.testing.PostgresExtension;
import io.roadmapcoach.slack.testing.BlockKit;
import io.roadmapcoach.slack.testing.FakeSlack;
import io.roadmapcoach.slack.testing.SlackHarness;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Socket Mode: Slack's WebSocket, played by a local server, carries a slash command envelope; the
 * same Bolt app answers it with the acknowledgement envelope, Block Kit inside.
 */
@ExtendWith(PostgresExtension.class)
class SocketModeEndToEndTest {

  /** Says hello to the client, then sends one slash command envelope; keeps what comes back. */
  static final class FakeSocketModeServer extends WebSocketServer {
    final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final String envelope;

    FakeSocketModeServer(int port, String envelope) {
      super(new InetSocketAddress("127.0.0.1", port));
      this.envelope = envelope;
      setReuseAddr(true);
    }

    @Override
    public void onOpen(WebSocket socket, ClientHandshake handshake) {
      socket.send(
          "{\"type\":\"hello\",\"num_connections\":1,\"debug_info\":{\"host\":\"fake\"},"
              + "\"connection_info\":{\"app_id\":\"A0TEST\"}}");
      socket.send(envelope);
    }

    @Override
    public void onClose(WebSocket socket, int code, String reason, boolean remote) {}

    @Override
    public void onMessage(WebSocket socket, String message) {
      received.add(message);
    }

    @Override
    public void onError(WebSocket socket, Exception e) {}

    @Override
    public void onStart() {}
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Test
  void aSlashCommandOverSocketModeIsAnsweredInTheAcknowledgement(DSLContext dsl) throws Exception {
    String envelope =
        "{\"envelope_id\":\"env-1\",\"type\":\"slash_commands\",\"accepts_response_payload\":true,"
            + "\"payload\":{\"token\":\"x\",\"team_id\":\""
            + FakeSlack.TEAM
            + "\",\"team_domain\":\"testteam\",\"channel_id\":\"C0GENERAL\",\"channel_name\":\"general\","
            + "\"user_id\":\"U1\",\"user_name\":\"ana\",\"command\":\"/roadmap\",\"text\":\"start\","
            + "\"api_app_id\":\"A0TEST\",\"response_url\":\"http://127.0.0.1:9/unused\",\"trigger_id\":\"1.2\"}}";
    int port = freePort();
    FakeSocketModeServer socketServer = new FakeSocketModeServer(port, envelope);
    socketServer.start();
    try (FakeSlack fake = new FakeSlack()) {
      fake.user("U1", "Ana", "Europe/Berlin", false)
          .socketModeUrl("ws://127.0.0.1:" + port + "/link");
      Core core =
          Core.builder(
                  dsl,
                  SlackHarness.roadmap(),
                  new QuizBankLoader().load(RoadmapSource.builtIn(), SlackHarness.roadmap()))
              .clock(TestClock.at("2026-03-02T10:00:00Z"))
              .random(new SplittableRandom(1))
              .build();
      SlackSettings settings =
          new SlackSettings(SlackHarness.TOKEN, "", Optional.of("xapp-1-TEST"), fake.apiUrl());
      try (SlackAdapter adapter =
          new SlackAdapter(settings, core.coach(), core.workspaces(), Clock.systemUTC())) {
        adapter.startSocketMode();

        String ack = socketServer.received.poll(15, TimeUnit.SECONDS);

        assertThat(ack).isNotNull();
        JsonObject message = JsonParser.parseString(ack).getAsJsonObject();
        assertThat(message.get("envelope_id").getAsString()).isEqualTo("env-1");
        JsonObject payload = message.getAsJsonObject("payload");
        assertThat(payload.get("response_type").getAsString()).isEqualTo("ephemeral");
        assertThat(BlockKit.allText(payload))
            .contains("Welcome to the Machine Learning Engineer roadmap, Ana!");
        assertThat(fake.calls("apps.connections.open").get(0).authorization())
            .isEqualTo("Bearer xapp-1-TEST");
      }
    } finally {
      socketServer.stop(1000);
    }
  }
}
