package io.roadmapcoach.core.member;

import static io.roadmapcoach.db.schema.Tables.CHANNEL;
import static io.roadmapcoach.db.schema.Tables.ENROLLMENT;
import static io.roadmapcoach.db.schema.Tables.MEMBER;
import static io.roadmapcoach.db.schema.Tables.WORKSPACE;

import io.roadmapcoach.core.caller.Caller;
import io.roadmapcoach.core.caller.MemberRef;
import io.roadmapcoach.core.caller.Origin;
import io.roadmapcoach.core.caller.Platform;
import io.roadmapcoach.core.caller.PlatformStatus;
import io.roadmapcoach.core.time.Times;
import io.roadmapcoach.db.schema.tables.records.ChannelRecord;
import io.roadmapcoach.db.schema.tables.records.MemberRecord;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Workspaces, channels and members: found or created from what the platform says. */
public final class MemberRepository {
  private final DSLContext dsl;

  public MemberRepository(DSLContext dsl) {
    this.dsl = dsl;
  }

  /**
   * The rows for the caller's workspace, channel and member, created on first sight. A direct
   * message acts in the member's home channel; it is empty for someone with no home channel yet,
   * and then nothing is stored. A status the platform reported with the caller is kept with the
   * member here, in the caller's transaction (see {@link #keepStatus}).
   */
  public Optional<Place> resolve(Caller caller, Instant now) {
    Optional<Place> place =
        switch (caller.origin()) {
          case Origin.InChannel here ->
              Optional.of(known(caller, here).orElseGet(() -> firstSight(caller, here)));
          case Origin.DirectMessage dm -> fromDirectMessage(caller);
        };
    if (place.isEmpty() || caller.platformStatus().isEmpty()) {
      return place;
    }
    Place p = place.get();
    PlatformStatus status = caller.platformStatus().get();
    keepStatus(MEMBER.ID.eq(p.member().id()), status, now);
    // the command reads the member as they are now: away, or back
    return Optional.of(
        new Place(
            withStatus(p.member(), status, now),
            p.channel(),
            p.home(),
            p.newChannel(),
            p.newMember()));
  }

  /** The member with their away status as {@link #keepStatus} keeps it. */
  private static Member withStatus(Member m, PlatformStatus status, Instant now) {
    boolean away = isAway(status, now);
    CoachingState was = m.coaching();
    CoachingState state =
        new CoachingState(
            was.deliverable(),
            away ? was.awaySince().or(() -> Optional.of(now)) : Optional.empty(),
            away ? status.expires() : Optional.empty(),
            was.unansweredNudges(),
            was.pausedAt(),
            was.lastNudgeDate(),
            was.eveningOn(),
            was.eveningTime(),
            was.wantsBuddy(),
            was.quizHeldFor());
    return m.withCoaching(state);
  }

  /** Whether a status says its member is away at {@code now} (it has not expired). */
  private static boolean isAway(PlatformStatus status, Instant now) {
    return AwayStatus.looksAway(status.emoji(), status.text())
        && status.expires().map(t -> t.isAfter(now)).orElse(true);
  }

  /**
   * A member's status as their platform reports it: whether it says they are away ({@link
   * AwayStatus}) is kept, until it expires when the status says. Only members the coach knows are
   * kept; false for anyone else.
   */
  public boolean keepStatus(
      Platform platform,
      String workspaceExternalId,
      String userExternalId,
      PlatformStatus status,
      Instant now) {
    var workspace =
        DSL.select(WORKSPACE.ID)
            .from(WORKSPACE)
            .where(
                WORKSPACE.PLATFORM.eq(platform.key()),
                WORKSPACE.EXTERNAL_ID.eq(workspaceExternalId));
    return keepStatus(
            MEMBER.WORKSPACE_ID.eq(workspace).and(MEMBER.EXTERNAL_ID.eq(userExternalId)),
            status,
            now)
        > 0;
  }

  private int keepStatus(Condition which, PlatformStatus status, Instant now) {
    boolean away = isAway(status, now);
    return dsl.update(MEMBER)
        .set(
            MEMBER.AWAY_SINCE,
            away
                ? DSL.coalesce(MEMBER.AWAY_SINCE, DSL.val(Times.utc(now)))
                : DSL.val((OffsetDateTime) null))
        .set(MEMBER.AWAY_UNTIL, away ? status.expires().map(Times::utc).orElse(null) : null)
        .where(which)
        .execute();
  }

  private Optional<Place> fromDirectMessage(Caller caller) {
    var row =
        dsl.select(MEMBER.fields())
            .select(CHANNEL.fields())
            .from(WORKSPACE)
            .join(MEMBER)
            .on(MEMBER.WORKSPACE_ID.eq(WORKSPACE.ID), MEMBER.EXTERNAL_ID.eq(caller.userId()))
            .join(ENROLLMENT)
            .on(ENROLLMENT.MEMBER_ID.eq(MEMBER.ID))
            .join(CHANNEL)
            .on(CHANNEL.ID.eq(ENROLLMENT.CHANNEL_ID))
            .where(
                WORKSPACE.PLATFORM.eq(caller.platform().key()),
                WORKSPACE.EXTERNAL_ID.eq(caller.workspaceId()))
            .fetchOne();
    if (row == null) {
      return Optional.empty();
    }
    Channel home = channel(row.into(CHANNEL));
    MemberRecord member = row.into(MEMBER);
    if (!member.getDeliverable()) {
      // someone who writes to us can be written to again
      dsl.update(MEMBER)
          .set(MEMBER.DELIVERABLE, true)
          .where(MEMBER.ID.eq(member.getId()))
          .execute();
    }
    // names stay as the member's channels know them: a DM may carry another (Discord's global one)
    return Optional.of(new Place(member(member), home, home, false, false));
  }

  private static boolean unchanged(MemberRecord member, Caller caller) {
    String platformZone = caller.platformZone().map(ZoneId::getId).orElse(null);
    return member.getDeliverable()
        && member.getDisplayName().equals(caller.userName())
        && member.getPlatformAdmin() == caller.platformAdmin()
        && (platformZone == null || platformZone.equals(member.getPlatformTimeZone()));
  }

  /**
   * The usual case, in one query: workspace, channel and member exist, and nothing the platform
   * says about them has changed. Anything else takes the slower path that creates and updates.
   */
  private Optional<Place> known(Caller caller, Origin.InChannel here) {
    var home = CHANNEL.as("home");
    var row =
        dsl.select(WORKSPACE.DELIVERABLE)
            .select(CHANNEL.fields())
            .select(MEMBER.fields())
            .select(home.fields())
            .from(WORKSPACE)
            .join(CHANNEL)
            .on(CHANNEL.WORKSPACE_ID.eq(WORKSPACE.ID), CHANNEL.EXTERNAL_ID.eq(here.id()))
            .join(MEMBER)
            .on(MEMBER.WORKSPACE_ID.eq(WORKSPACE.ID), MEMBER.EXTERNAL_ID.eq(caller.userId()))
            .leftJoin(ENROLLMENT)
            .on(ENROLLMENT.MEMBER_ID.eq(MEMBER.ID))
            .leftJoin(home)
            .on(home.ID.eq(ENROLLMENT.CHANNEL_ID))
            .where(
                WORKSPACE.PLATFORM.eq(caller.platform().key()),
                WORKSPACE.EXTERNAL_ID.eq(caller.workspaceId()))
            .fetchOne();
    if (row == null) {
      return Optional.empty();
    }
    ChannelRecord channel = row.into(CHANNEL);
    MemberRecord member = row.into(MEMBER);
    boolean unchanged =
        row.get(WORKSPACE.DELIVERABLE)
            && channel.getDeliverable()
            && channel.getName().equals(here.name())
            && unchanged(member, caller);
    if (!unchanged) {
      return Optional.empty();
    }
    Channel channelHere = channel(channel);
    Channel homeChannel = row.get(home.ID) == null ? channelHere : channel(row.into(home));
    return Optional.of(new Place(member(member), channelHere, homeChannel, false, false));
  }

  private Place firstSight(Caller caller, Origin.InChannel here) {
    long workspace = workspace(caller);
    boolean newChannel = !channelExists(workspace, here.id());
    boolean newMember =
        !dsl.fetchExists(
            MEMBER, MEMBER.WORKSPACE_ID.eq(workspace), MEMBER.EXTERNAL_ID.eq(caller.userId()));
    Channel channel = channel(workspace, caller, here);
    Member member = member(workspace, caller);
    Channel home = homeChannel(member.id()).orElse(channel);
    return new Place(member, channel, home, newChannel, newMember);
  }

  /**
   * What a caller maps to.
   *
   * @param newChannel whether the channel was first seen now (it needs its weekly quiz scheduled)
   * @param newMember whether the member was first seen now: a command that only reads keeps no row
   *     of someone it never knew
   */
  public record Place(
      Member member, Channel channel, Channel home, boolean newChannel, boolean newMember) {}

  private boolean channelExists(long workspace, String externalId) {
    return dsl.fetchExists(
        CHANNEL, CHANNEL.WORKSPACE_ID.eq(workspace), CHANNEL.EXTERNAL_ID.eq(externalId));
  }

  private long workspace(Caller caller) {
    Condition key =
        WORKSPACE
            .PLATFORM
            .eq(caller.platform().key())
            .and(WORKSPACE.EXTERNAL_ID.eq(caller.workspaceId()));
    var found =
        dsl.select(WORKSPACE.ID, WORKSPACE.DELIVERABLE).from(WORKSPACE).where(key).fetchOne();
    if (found != null && !found.value2()) {
      // a command from a workspace that had uninstalled us: it is back, so deliveries resume and
      // its data is no longer due for erasure
      dsl.update(WORKSPACE)
          .set(WORKSPACE.DELIVERABLE, true)
          .setNull(WORKSPACE.REMOVED_AT)
          .where(WORKSPACE.ID.eq(found.value1()))
          .execute();
    }
    return Optional.ofNullable(found)
        .map(r -> r.value1())
        .orElseGet(
            () -> {
              dsl.insertInto(WORKSPACE, WORKSPACE.PLATFORM, WORKSPACE.EXTERNAL_ID, WORKSPACE.NAME)
                  .values(caller.platform().key(), caller.workspaceId(), caller.workspaceName())
                  .onConflictDoNothing()
                  .execute();
              return dsl.select(WORKSPACE.ID).from(WORKSPACE).where(key).fetchSingle(WORKSPACE.ID);
            });
  }

  private Channel channel(long workspace, Caller caller, Origin.InChannel here) {
    Condition key = CHANNEL.WORKSPACE_ID.eq(workspace).and(CHANNEL.EXTERNAL_ID.eq(here.id()));
    ChannelRecord row = dsl.selectFrom(CHANNEL).where(key).fetchOne();
    if (row == null) {
      // study groups on Discord share one post a day; elsewhere members get their own DM
      ReminderMode mode =
          caller.platform() == Platform.DISCORD ? ReminderMode.CHANNEL : ReminderMode.DM;
      dsl.insertInto(
              CHANNEL,
              CHANNEL.WORKSPACE_ID,
              CHANNEL.EXTERNAL_ID,
              CHANNEL.NAME,
              CHANNEL.REMINDER_MODE)
          .values(workspace, here.id(), here.name(), mode.key())
          .onConflictDoNothing()
          .execute();
      row = dsl.selectFrom(CHANNEL).where(key).fetchSingle();
    } else if (!row.getName().equals(here.name()) || !row.getDeliverable()) {
      // a command from a channel once marked unreachable shows we can reach it again
      row.setName(here.name());
      row.setDeliverable(true);
      row.update();
    }
    return channel(row);
  }

  private Member member(long workspace, Caller caller) {
    Condition key = MEMBER.WORKSPACE_ID.eq(workspace).and(MEMBER.EXTERNAL_ID.eq(caller.userId()));
    String platformZone = caller.platformZone().map(ZoneId::getId).orElse(null);
    MemberRecord row = dsl.selectFrom(MEMBER).where(key).fetchOne();
    if (row == null) {
      dsl.insertInto(
              MEMBER,
              MEMBER.WORKSPACE_ID,
              MEMBER.EXTERNAL_ID,
              MEMBER.DISPLAY_NAME,
              MEMBER.PLATFORM_TIME_ZONE,
              MEMBER.PLATFORM_ADMIN)
          .values(
              workspace, caller.userId(), caller.userName(), platformZone, caller.platformAdmin())
          .onConflictDoNothing()
          .execute();
      row = dsl.selectFrom(MEMBER).where(key).fetchSingle();
    } else {
      boolean renamed = !row.getDisplayName().equals(caller.userName());
      boolean moved = platformZone != null && !platformZone.equals(row.getPlatformTimeZone());
      // admin rights as the platform said them last: the dashboard follows them (a direct message
      // never comes this way: Discord tells no roles there)
      boolean rightsChanged = row.getPlatformAdmin() != caller.platformAdmin();
      if (renamed || moved || rightsChanged || !row.getDeliverable()) {
        // a member once unreachable (DMs closed, say) gets another chance when they come back
        row.setDeliverable(true);
        row.setDisplayName(caller.userName());
        row.setPlatformAdmin(caller.platformAdmin());
        if (moved) {
          row.setPlatformTimeZone(platformZone);
        }
        row.update();
      }
    }
    return member(row);
  }

  private Optional<Channel> homeChannel(long memberId) {
    return dsl.select(CHANNEL.fields())
        .from(ENROLLMENT)
        .join(CHANNEL)
        .on(CHANNEL.ID.eq(ENROLLMENT.CHANNEL_ID))
        .where(ENROLLMENT.MEMBER_ID.eq(memberId))
        .fetchOptional(r -> channel(r.into(CHANNEL)));
  }

  public Member member(long id) {
    return member(dsl.selectFrom(MEMBER).where(MEMBER.ID.eq(id)).fetchSingle());
  }

  public Channel channel(long id) {
    return channel(dsl.selectFrom(CHANNEL).where(CHANNEL.ID.eq(id)).fetchSingle());
  }

  /** The home channel of a member: where they enrolled, else {@code fallback}. */
  public Channel homeOf(long memberId, Channel fallback) {
    return homeChannel(memberId).orElse(fallback);
  }

  /** A member of the workspace named by a mention's id, or by name (any letter case). */
  public Optional<Member> find(long workspaceId, MemberRef ref) {
    Condition match =
        ref.externalId()
            .map(MEMBER.EXTERNAL_ID::eq)
            .orElseGet(
                () -> {
                  String name = ref.name().orElseThrow().toLowerCase(Locale.ROOT);
                  return DSL.lower(MEMBER.DISPLAY_NAME)
                      .eq(name)
                      .or(DSL.lower(MEMBER.EXTERNAL_ID).eq(name));
                });
    return dsl.selectFrom(MEMBER)
        .where(MEMBER.WORKSPACE_ID.eq(workspaceId).and(match))
        .orderBy(MEMBER.ID)
        .limit(1)
        .fetchOptional(MemberRepository::member);
  }

  /** The members' rows by id, for composing a batch of deliveries; missing ids are left out. */
  public Map<Long, MemberRecord> memberRows(Collection<Long> ids) {
    return dsl.selectFrom(MEMBER).where(MEMBER.ID.in(ids)).fetchMap(MEMBER.ID);
  }

  /** The channels by id; missing ids are left out. */
  public Map<Long, Channel> channels(Collection<Long> ids) {
    Map<Long, Channel> found = new HashMap<>();
    dsl.selectFrom(CHANNEL)
        .where(CHANNEL.ID.in(ids))
        .forEach(r -> found.put(r.getId(), channel(r)));
    return found;
  }

  /** Which of the members still exist. */
  public Set<Long> existing(Collection<Long> memberIds) {
    return new HashSet<>(
        dsl.select(MEMBER.ID).from(MEMBER).where(MEMBER.ID.in(memberIds)).fetch(MEMBER.ID));
  }

  /** Which of the channels still exist. */
  public Set<Long> existingChannels(Collection<Long> channelIds) {
    return new HashSet<>(
        dsl.select(CHANNEL.ID).from(CHANNEL).where(CHANNEL.ID.in(channelIds)).fetch(CHANNEL.ID));
  }

  public boolean exists(long memberId) {
    return dsl.fetchExists(MEMBER, MEMBER.ID.eq(memberId));
  }

  public boolean channelExists(long channelId) {
    return dsl.fetchExists(CHANNEL, CHANNEL.ID.eq(channelId));
  }

  /** The platform's DM conversation with the member, once one was opened. */
  public Optional<String> dmChannel(long memberId) {
    return dsl.select(MEMBER.DM_CHANNEL_ID)
        .from(MEMBER)
        .where(MEMBER.ID.eq(memberId))
        .fetchOptional(MEMBER.DM_CHANNEL_ID)
        .flatMap(Optional::ofNullable);
  }

  public void setChosenZone(long memberId, ZoneId zone) {
    dsl.update(MEMBER).set(MEMBER.TIME_ZONE, zone.getId()).where(MEMBER.ID.eq(memberId)).execute();
  }

  /** Sets the time and turns nudges on; a pause for unanswered nudges ends too. */
  public void setRemindTime(long memberId, LocalTime time) {
    dsl.update(MEMBER)
        .set(MEMBER.REMIND_TIME, time)
        .set(MEMBER.REMIND_ENABLED, true)
        .set(MEMBER.UNANSWERED_NUDGES, 0)
        .setNull(MEMBER.NUDGES_PAUSED_AT)
        .where(MEMBER.ID.eq(memberId))
        .execute();
  }

  /** Turns nudges on or off; turning them on ends a pause for unanswered nudges. */
  public void setRemindEnabled(long memberId, boolean on) {
    var update = dsl.update(MEMBER).set(MEMBER.REMIND_ENABLED, on);
    if (on) {
      update = update.set(MEMBER.UNANSWERED_NUDGES, 0).setNull(MEMBER.NUDGES_PAUSED_AT);
    }
    update.where(MEMBER.ID.eq(memberId)).execute();
  }

  public void setRemindDays(long memberId, ReminderDays days) {
    dsl.update(MEMBER).set(MEMBER.REMIND_DAYS, days.key()).where(MEMBER.ID.eq(memberId)).execute();
  }

  public void setRemindVia(long memberId, ReminderMode mode) {
    dsl.update(MEMBER).set(MEMBER.REMIND_VIA, mode.key()).where(MEMBER.ID.eq(memberId)).execute();
  }

  public void snooze(long memberId, LocalDate from, LocalDate until) {
    dsl.update(MEMBER)
        .set(MEMBER.SNOOZED_FROM, from)
        .set(MEMBER.SNOOZED_UNTIL, until)
        .where(MEMBER.ID.eq(memberId))
        .execute();
  }

  /** Ends the member's snooze: nudges and streak days count from now on. */
  public void endSnooze(long memberId) {
    dsl.update(MEMBER)
        .setNull(MEMBER.SNOOZED_FROM)
        .setNull(MEMBER.SNOOZED_UNTIL)
        .where(MEMBER.ID.eq(memberId))
        .execute();
  }

  public void setHidden(long memberId, boolean hidden) {
    dsl.update(MEMBER)
        .set(MEMBER.HIDDEN_FROM_LEADERBOARD, hidden)
        .where(MEMBER.ID.eq(memberId))
        .execute();
  }

  public void setChannelZone(long channelId, ZoneId zone) {
    dsl.update(CHANNEL)
        .set(CHANNEL.TIME_ZONE, zone.getId())
        .where(CHANNEL.ID.eq(channelId))
        .execute();
  }

  /** Gives a channel its first member's zone, unless a lead (or someone earlier) set one. */
  public void adoptZoneIfUnset(long channelId, ZoneId zone) {
    dsl.update(CHANNEL)
        .set(CHANNEL.TIME_ZONE, zone.getId())
        .where(CHANNEL.ID.eq(channelId).and(CHANNEL.TIME_ZONE.isNull()))
        .execute();
  }

  public void setQuizSlot(long channelId, DayOfWeek day, LocalTime time) {
    dsl.update(CHANNEL)
        .set(CHANNEL.QUIZ_DAY, day.getValue())
        .set(CHANNEL.QUIZ_TIME, time)
        .where(CHANNEL.ID.eq(channelId))
        .execute();
  }

  public void setPost(long channelId, Channel.Post post) {
    dsl.update(CHANNEL)
        .set(CHANNEL.POST_TIME, post.time())
        .set(CHANNEL.POST_DAYS, post.days().key())
        .set(CHANNEL.POST_ENABLED, post.enabled())
        .where(CHANNEL.ID.eq(channelId))
        .execute();
  }

  public void setChannelReminderMode(long channelId, ReminderMode mode) {
    dsl.update(CHANNEL)
        .set(CHANNEL.REMINDER_MODE, mode.key())
        .where(CHANNEL.ID.eq(channelId))
        .execute();
  }

  public static Member member(MemberRecord r) {
    return new Member(
        r.getId(),
        r.getWorkspaceId(),
        r.getExternalId(),
        r.getDisplayName(),
        zone(r.getTimeZone()),
        zone(r.getPlatformTimeZone()),
        r.getRemindEnabled(),
        r.getRemindTime(),
        ReminderDays.ofKey(r.getRemindDays()),
        Optional.ofNullable(r.getRemindVia()).map(ReminderMode::ofKey),
        Optional.ofNullable(r.getSnoozedFrom()),
        Optional.ofNullable(r.getSnoozedUntil()),
        r.getHiddenFromLeaderboard(),
        r.getNudgesPausedAt() != null,
        daysOff(r),
        new CoachingState(
            r.getDeliverable(),
            Optional.ofNullable(Times.instant(r.getAwaySince())),
            Optional.ofNullable(Times.instant(r.getAwayUntil())),
            r.getUnansweredNudges(),
            Optional.ofNullable(Times.instant(r.getNudgesPausedAt())),
            Optional.ofNullable(r.getLastNudgeDate()),
            r.getEveningEnabled(),
            r.getEveningTime(),
            r.getBuddyOptIn(),
            Optional.ofNullable(r.getQuizHeldFor())));
  }

  /** Days away and holidays of the home channel, as kept on the member's row. */
  private static Set<LocalDate> daysOff(MemberRecord r) {
    Set<LocalDate> days = new HashSet<>();
    if (r.getAwayDays() != null) {
      days.addAll(Arrays.asList(r.getAwayDays()));
    }
    if (r.getHolidayDays() != null) {
      days.addAll(Arrays.asList(r.getHolidayDays()));
    }
    return days;
  }

  public static Channel channel(ChannelRecord r) {
    return new Channel(
        r.getId(),
        r.getWorkspaceId(),
        r.getExternalId(),
        r.getName(),
        zone(r.getTimeZone()),
        DayOfWeek.of(r.getQuizDay()),
        r.getQuizTime(),
        ReminderMode.ofKey(r.getReminderMode()),
        new Channel.Post(r.getPostTime(), ReminderDays.ofKey(r.getPostDays()), r.getPostEnabled()),
        r.getDeliverable(),
        r.getRoadmapId());
  }

  /** Zone ids are checked before they are stored; one that a newer JDK dropped reads as absent. */
  private static Optional<ZoneId> zone(String id) {
    if (id == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(ZoneId.of(id));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }
}
