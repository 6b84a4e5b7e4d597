package io.roadmapcoach.app.health;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One part of the running app that {@code /healthz} reports on: the database, the scheduler, a
 * platform's connection, the outbox. A check may block (on the database, say); {@link HealthChecks}
 * bounds how long it is waited for, so a check need not.
 */
public interface HealthCheck {

  /** The part's name in the report, such as {@code database} or {@code discord}. */
  String name();

  /** How the part is now; an exception counts as down, with its message. */
  Status check() throws Exception;

  /**
   * Whether the app can serve without this part: {@code /readyz} asks only the parts that cannot be
   * missed (the database).
   */
  default boolean neededToServe() {
    return false;
  }

  /**
   * A part's state and what explains it (numbers, a reason), in the order given.
   *
   * @param up whether the part works
   * @param details what an operator would look at next
   */
  record Status(boolean up, Map<String, Object> details) {
    public Status {
      details = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    public static Status ok() {
      return new Status(true, Map.of());
    }

    public static Status down(String reason) {
      return new Status(false, Map.of("reason", reason));
    }

    /** The same state with one more detail. */
    public Status with(String name, Object value) {
      Map<String, Object> more = new LinkedHashMap<>(details);
      more.put(name, value);
      return new Status(up, more);
    }
  }
}
