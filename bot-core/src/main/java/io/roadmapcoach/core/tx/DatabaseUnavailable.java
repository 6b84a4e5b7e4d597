package io.roadmapcoach.core.tx;

import org.jooq.exception.DataAccessException;

/**
 * The database could not be reached: no connection within the pool's timeout, or the server went
 * away in the middle of the work. The transaction did not commit, so nothing was changed. It is a
 * {@link DataAccessException}, so code that handles database failures in general handles it too.
 */
public final class DatabaseUnavailable extends DataAccessException {
  public DatabaseUnavailable(String message, Throwable cause) {
    super(message, cause);
  }
}
