package io.roadmapcoach.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.roadmapcoach.core.progress.DueMembers;
import io.roadmapcoach.core.progress.NudgeSweep;
import io.roadmapcoach.core.tx.Transactions;
import io.roadmapcoach.db.testing.TestDatabase;
import java.time.Instant;
import java.time.LocalDate;
import org.jooq.DSLContext;

/** What the tests of several delivering instances share: a guild's nudges due, and pools. */
final class DueNudges {
  static final Instant TUESDAY_NINE = Instant.parse("2026-03-03T09:00:00Z");

  private DueNudges() {}

  /**
   * {@code members} members of the fake guild's study group, each with a nudge enqueued for Tuesday
   * at nine; with {@code dmsKnown} their DM conversations are stored (one request a nudge).
   */
  static void membersDueAtNine(DSLContext dsl, int members, boolean dmsKnown) {
    dsl.execute(
        "insert into workspace (platform, external_id, name) values ('discord', ?, 'Study Club')",
        FakeDiscord.GUILD);
    dsl.execute(
        "insert into channel (workspace_id, external_id, name, time_zone)"
            + " select id, ?, 'study-group', 'UTC' from workspace",
        FakeDiscord.CHANNEL);
    dsl.execute(
        "insert into member (workspace_id, external_id, display_name, time_zone, dm_channel_id)"
            + " select w.id, (600000000000000100 + n)::text, 'Member ' || n, 'UTC',"
            + " case when ? then (500000000000000100 + n)::text end"
            + " from workspace w, generate_series(1, ?) n",
        dmsKnown,
        members);
    DueMembers.enrollEveryoneEverywhere(dsl, LocalDate.of(2026, 3, 2));
    assertThat(new NudgeSweep(dsl, new Transactions(dsl)).sweep(TUESDAY_NINE)).isEqualTo(members);
  }

  /** A connection pool of an instance of its own, on the test database. */
  static HikariDataSource pool() {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(((HikariDataSource) TestDatabase.dataSource()).getJdbcUrl());
    config.setUsername("postgres");
    config.setMaximumPoolSize(8);
    return new HikariDataSource(config);
  }
}
