package io.roadmapcoach.core.progress;

import static org.assertj.core.api.Assertions.assertThat;

import io.roadmapcoach.core.caller.Caller;
import io.roadmapcoach.core.observe.Observer;
import io.roadmapcoach.core.testing.CoachFixture;
import io.roadmapcoach.db.Database;
import io.roadmapcoach.db.testing.PostgresExtension;
import io.roadmapcoach.db.testing.TestDatabase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jooq.DSLContext;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.impl.DefaultExecuteListenerProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a status costs the database, counted as jOOQ sends statements: one to know who is asking
 * (workspace, channel, member and home channel), one for everything the status shows (enrollment,
 * objectives checked off in the stage and before it, the stage quiz). With the transaction's commit
 * that is three round trips; the driver sends the transaction's start with the first statement.
 */
@ExtendWith(PostgresExtension.class)
class StatusRoundTripsTest {
  private final List<String> statements = new CopyOnWriteArrayList<>();
  private final DSLContext counted =
      Database.jooq(TestDatabase.dataSource())
          .configuration()
          .derive(
              new DefaultExecuteListenerProvider(
                  new ExecuteListener() {
                    @Override
                    public void executeStart(ExecuteContext ctx) {
                      statements.add(ctx.sql());
                    }
                  }))
          .dsl();
  private final CoachFixture f = CoachFixture.reportingTo(Observer.NONE, counted);

  @Test
  void aMembersOwnStatusIsTwoStatements() {
    Caller ana = f.caller("ana");
    f.say(ana, "start");
    f.say(ana, "done 1");
    f.say(ana, "quiz");
    statements.clear();

    String status = f.say(ana, "status").plainText();

    assertThat(status).contains("Points: 10").contains("1/45");
    assertThat(statements).hasSize(2);
    assertThat(statements.get(0)).contains("\"member\"", "\"channel\"", "\"workspace\"");
    assertThat(statements.get(1))
        .contains("\"enrollment\"", "\"objective_done\"", "\"quiz_attempt\"");
  }
}
