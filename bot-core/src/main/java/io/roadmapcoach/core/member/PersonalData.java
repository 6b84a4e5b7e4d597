package io.roadmapcoach.core.member;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * One part of what the coach keeps about a member, for {@code export} and {@code forget-me}: each
 * package that keeps rows about members contributes its part (its export sections, what it erases,
 * what the answer to {@code forget-me} counts of it), and {@code privacy} assembles the parts
 * without knowing a table. It lives here, the lowest package that keeps members' rows, so that
 * every part can implement it.
 *
 * <p>Parts come in the export's order; they are erased in the reverse order, so the first part (the
 * member's own row, which takes everything with a foreign key to it) goes last.
 */
public interface PersonalData {

  /** Who the data is about, as the coach knows them (looked up, never created). */
  record Subject(
      long memberId,
      long workspaceId,
      String platform,
      String workspaceExternalId,
      String workspaceName,
      String externalId,
      String displayName) {}

  /** A workspace erased a retention period after it removed the app. */
  record Workspace(long id, String platform, String externalId) {}

  /** What the answer to {@code forget-me} counts. */
  enum Counted {
    JOURNEY,
    PROGRESS_EVENTS,
    QUIZ_ANSWERS,
    CHANNELS,
    LEAD_ROLES,
    DELIVERIES
  }

  /** The tables this part keeps rows about a member in, each with the export section it is in. */
  default Map<String, String> sectionsByTable() {
    return Map.of();
  }

  /**
   * The columns that name the member as who acted for someone else (a stage set, a lead named, a
   * day off set, a message to others that tells of them), as {@code table.column}, each with the
   * export section that lists those rows: what forget-me unlinks from the member, the export gives
   * them.
   */
  default Map<String, String> sectionsByColumn() {
    return Map.of();
  }

  /** Tables that name members but whose rows are no member's data, each with why it is left out. */
  default Map<String, String> leftOut() {
    return Map.of();
  }

  /** Adds this part's sections to the member's export file, in their order. */
  default void export(Subject who, ObjectNode file) {}

  /** How many of what this part keeps about the member the {@code forget-me} answer names. */
  default Map<Counted, Integer> counts(Subject who) {
    return Map.of();
  }

  /**
   * Deletes what this part keeps about the member that their own row does not take with it (rows
   * with plain ids, platform ids, their name in messages for others). In the caller's transaction.
   */
  default void erase(Subject who) {}

  /**
   * Deletes what this part keeps of a removed workspace that its row does not take with it (rows
   * with plain ids); returns how many rows went. In the caller's transaction.
   */
  default int eraseWorkspace(Workspace workspace) {
    return 0;
  }
}
