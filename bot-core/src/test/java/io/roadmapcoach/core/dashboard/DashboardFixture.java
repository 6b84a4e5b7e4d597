package io.roadmapcoach.core.dashboard;

import io.roadmapcoach.core.caller.Caller;
import io.roadmapcoach.core.journey.RoadmapLibrary;
import io.roadmapcoach.core.lead.TeamCsv;
import io.roadmapcoach.core.lead.TeamRepository;
import io.roadmapcoach.core.member.MemberRepository;
import io.roadmapcoach.core.member.Scope;
import io.roadmapcoach.core.reply.Reply;
import io.roadmapcoach.core.testing.CoachFixture;
import java.net.URI;
import java.security.SecureRandom;
import java.util.function.Function;

/**
 * A {@link DashboardService} beside a {@link CoachFixture}'s coach, on the same database and clock.
 * Until the coach routes {@code /roadmap dashboard} and {@code team chart} to it, {@link #ask}
 * calls it the way the coach will: inside a transaction, with the caller resolved to a scope.
 */
public final class DashboardFixture {
  private static Charts charts;

  private final CoachFixture coach;
  private final DashboardService service;

  public DashboardFixture(CoachFixture coach, DashboardAddress address) {
    this.coach = coach;
    CoachFixture.Parts core = coach.services();
    this.service =
        new DashboardService(
            new RoadmapLibrary(coach.dsl(), coach.roadmap()),
            core.bank(),
            new DashboardRepository(coach.dsl()),
            new TeamCsv(
                new RoadmapLibrary(coach.dsl(), coach.roadmap()), new TeamRepository(coach.dsl())),
            core.transactions(),
            coach.clock(),
            new SecureRandom(),
            address,
            sharedCharts());
  }

  /** Loading the font once per test JVM is enough. */
  private static synchronized Charts sharedCharts() {
    if (charts == null) {
      charts = Charts.withBundledFont();
    }
    return charts;
  }

  public DashboardService service() {
    return service;
  }

  /** Runs a command of the service as the coach would, in one transaction. */
  public Reply ask(Caller caller, Function<Scope, Reply> command) {
    CoachFixture.Parts core = coach.services();
    return core.transactions()
        .inTransaction(
            () -> {
              MemberRepository.Place place =
                  core.members().resolve(caller, coach.now()).orElseThrow();
              Scope scope =
                  new Scope(
                      caller,
                      place.member(),
                      place.channel(),
                      place.home(),
                      coach.now(),
                      new Scope.AfterCommit());
              return command.apply(scope);
            });
  }

  /** {@code /roadmap dashboard} as the caller. */
  public Reply link(Caller caller) {
    return ask(caller, service::link);
  }

  /** The link's address, from a reply of {@link DashboardService#link}. */
  public static URI linkIn(Reply reply) {
    return reply.blocks().stream()
        .filter(io.roadmapcoach.core.reply.Block.Section.class::isInstance)
        .flatMap(b -> ((io.roadmapcoach.core.reply.Block.Section) b).text().spans().stream())
        .filter(io.roadmapcoach.core.reply.Span.Link.class::isInstance)
        .map(s -> URI.create(((io.roadmapcoach.core.reply.Span.Link) s).url()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no link in " + reply.plainText()));
  }

  /** The token at the end of a link's address. */
  public static String tokenIn(Reply reply) {
    String path = linkIn(reply).getPath();
    return path.substring(path.lastIndexOf('/') + 1);
  }
}
