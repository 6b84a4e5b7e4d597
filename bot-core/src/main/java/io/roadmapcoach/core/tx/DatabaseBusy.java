package io.roadmapcoach.core.tx;

import org.jooq.exception.DataAccessException;

/**
 * Every connection this kind of work may use was busy, and so many were already waiting for one
 * that this work was not let in, or waited its turn in vain: the database answers, it is only full.
 * Nothing was changed; trying again in a moment works. Never told as an outage.
 */
public final class DatabaseBusy extends DataAccessException {
  public DatabaseBusy(String message, Throwable cause) {
    super(message, cause);
  }
}
