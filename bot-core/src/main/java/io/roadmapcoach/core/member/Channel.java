package io.roadmapcoach.core.member;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;

/**
 * A channel: a cohort with its own time zone, weekly quiz slot, reminder mode and daily post.
 *
 * @param zone set by a lead or taken from the first member to enroll; UTC until then
 * @param post when the channel's daily post goes out, in the channel's time zone
 * @param canPost whether the bot may post there, as the platform last said: while it may not, the
 *     members whose reminders came in its post get them by DM (the coaching policy)
 * @param roadmapId the roadmap the channel follows (the deployment's, 0, unless a lead chose one)
 */
public record Channel(
    long id,
    long workspaceId,
    String externalId,
    String name,
    Optional<ZoneId> zone,
    DayOfWeek quizDay,
    LocalTime quizTime,
    ReminderMode reminderMode,
    Post post,
    boolean canPost,
    long roadmapId) {

  /** The daily post's time and days; {@code enabled} false when a lead turned it off. */
  public record Post(LocalTime time, ReminderDays days, boolean enabled) {}

  /** Named "UTC" rather than the offset "Z": members read it in replies and it is stored. */
  private static final ZoneId UTC = ZoneId.of("UTC");

  public ZoneId zoneOrUtc() {
    return zone.orElse(UTC);
  }

  /** When the daily post goes out, as members read it: "09:00 Europe/Berlin, weekdays". */
  public String postTime() {
    if (!post.enabled()) {
      return "its leads have turned the post off for now";
    }
    return post.time()
        + " "
        + zoneOrUtc().getId()
        + (post.days() == ReminderDays.WEEKDAYS ? ", weekdays" : ", daily");
  }
}
