package io.roadmapcoach.core.tx;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class OutageLogTest {
  private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
  private Logger logger;

  @BeforeEach
  void aLoggerThatKeepsItsLines() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    logger = context.getLogger("outage-log-test");
    logger.setLevel(Level.DEBUG);
    logger.setAdditive(false);
    lines.start();
    logger.addAppender(lines);
  }

  private List<Level> levels() {
    return lines.list.stream().map(ILoggingEvent::getLevel).toList();
  }

  private static DatabaseUnavailable down() {
    return new DatabaseUnavailable("no connection within 1.5 s", null);
  }

  @Test
  void aLongOutageIsOneWarningAndOneLineWhenItEnds() {
    OutageLog outages = new OutageLog(logger, Duration.ofMinutes(1));

    for (int second = 0; second < 30; second++) {
      outages.unavailable("Claiming deliveries", down());
    }
    outages.reachable();
    outages.reachable();

    assertThat(levels()).filteredOn(Level.WARN::equals).hasSize(1);
    assertThat(levels()).filteredOn(Level.DEBUG::equals).hasSize(29);
    assertThat(levels()).last().isEqualTo(Level.INFO);
    assertThat(lines.list.getFirst().getFormattedMessage())
        .isEqualTo("Claiming deliveries not carried out: no connection within 1.5 s");
    assertThat(lines.list.getLast().getFormattedMessage())
        .isEqualTo("The database can be reached again");
  }

  @Test
  void nothingIsSaidWhileTheDatabaseIsUp() {
    OutageLog outages = new OutageLog(logger, Duration.ofMinutes(1));

    outages.reachable();

    assertThat(lines.list).isEmpty();
  }

  @Test
  void theWarningComesAgainOnceTheIntervalHasPassed() throws InterruptedException {
    OutageLog outages = new OutageLog(logger, Duration.ofMillis(1));

    outages.unavailable("status", down());
    Thread.sleep(5);
    outages.unavailable("status", down());

    assertThat(levels()).containsExactly(Level.WARN, Level.WARN);
  }
}
