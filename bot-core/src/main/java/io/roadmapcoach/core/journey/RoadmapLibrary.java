package io.roadmapcoach.core.journey;

import static io.roadmapcoach.db.schema.Tables.CHANNEL;
import static io.roadmapcoach.db.schema.Tables.CHANNEL_MEMBER;
import static io.roadmapcoach.db.schema.Tables.JOURNEY;
import static io.roadmapcoach.db.schema.Tables.OBJECTIVE_DONE;
import static io.roadmapcoach.db.schema.Tables.QUIZ_ATTEMPT;
import static io.roadmapcoach.db.schema.Tables.ROADMAP;
import static io.roadmapcoach.db.schema.Tables.WEEKLY_POINTS;
import static io.roadmapcoach.db.schema.Tables.WORKSPACE;

import io.roadmapcoach.core.caller.Platform;
import io.roadmapcoach.core.member.Channel;
import io.roadmapcoach.core.roadmap.Roadmap;
import io.roadmapcoach.core.roadmap.RoadmapLoader;
import io.roadmapcoach.core.roadmap.RoadmapSizes;
import io.roadmapcoach.core.roadmap.RoadmapSource;
import io.roadmapcoach.core.roadmap.Stage;
import io.roadmapcoach.core.time.Times;
import io.roadmapcoach.db.schema.tables.records.RoadmapRecord;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The roadmaps the coach runs: the deployment's (row {@link #DEPLOYMENT}, the built-in roadmap or
 * ROADMAP_FILE's, which every channel follows until a lead chooses another) and those uploaded into
 * each workspace. A stored file is parsed once per version and kept.
 */
public final class RoadmapLibrary {
  /** The id of the deployment's roadmap, the one new channels follow. */
  public static final long DEPLOYMENT = 0;

  private final DSLContext dsl;
  private final Roadmap deployment;
  private final RoadmapLoader loader = new RoadmapLoader();
  private final Map<Long, Parsed> parsed = new ConcurrentHashMap<>();

  private record Parsed(int version, Roadmap roadmap) {}

  /**
   * A roadmap as stored.
   *
   * @param workspaceId empty for the deployment's
   * @param key the file's own id, what {@code roadmap use} names
   * @param uploadedBy the member who uploaded the current version, empty for the deployment's or
   *     once they erased their data
   */
  public record Stored(
      long id,
      Optional<Long> workspaceId,
      String key,
      String title,
      int version,
      String fileName,
      Optional<Long> uploadedBy,
      Instant uploadedAt) {

    public boolean deployment() {
      return id == DEPLOYMENT;
    }
  }

  public RoadmapLibrary(DSLContext dsl, Roadmap deployment) {
    this.dsl = dsl;
    this.deployment = deployment;
  }

  /**
   * Stores the deployment's roadmap as row {@link #DEPLOYMENT} (a new version when its file changed
   * since the last start), and gives the objectives checked off before roadmaps had ids the ids of
   * the objectives at their positions: the Java step after the migration that made journeys. A
   * changed file is a new version: journeys are carried to it by id, as for an uploaded roadmap's
   * (see {@link #carryJourneys}); returns the members whose stage it removed.
   */
  public List<Moved> installDeployment(String fileName, String source, Instant now) {
    dsl.insertInto(ROADMAP)
        .set(ROADMAP.ID, DEPLOYMENT)
        .set(ROADMAP.KEY, deployment.id())
        .set(ROADMAP.TITLE, deployment.title())
        .set(ROADMAP.FILE_NAME, fileName)
        .set(ROADMAP.SOURCE, "")
        .set(ROADMAP.UPLOADED_AT, Times.utc(now))
        .onConflictDoNothing()
        .execute();
    RoadmapRecord row = dsl.selectFrom(ROADMAP).where(ROADMAP.ID.eq(DEPLOYMENT)).fetchSingle();
    boolean changed = !row.getSource().isEmpty() && !row.getSource().equals(source);
    dsl.update(ROADMAP)
        .set(ROADMAP.KEY, deployment.id())
        .set(ROADMAP.TITLE, deployment.title())
        .set(ROADMAP.FILE_NAME, fileName)
        .set(ROADMAP.SOURCE, source)
        .set(ROADMAP.VERSION, changed ? row.getVersion() + 1 : row.getVersion())
        .set(ROADMAP.UPLOADED_AT, changed ? Times.utc(now) : row.getUploadedAt())
        .where(ROADMAP.ID.eq(DEPLOYMENT))
        .execute();
    List<Moved> moved =
        changed
            ? previous(row)
                .map(p -> carryJourneys(DEPLOYMENT, p, deployment))
                .orElse(List.<Moved>of())
            : List.<Moved>of();
    for (Stage stage : deployment.stages()) {
      for (var objective : stage.objectives()) {
        dsl.update(OBJECTIVE_DONE)
            .set(OBJECTIVE_DONE.OBJECTIVE_ID, objective.id())
            .where(
                OBJECTIVE_DONE.ROADMAP_ID.eq(DEPLOYMENT),
                OBJECTIVE_DONE.OBJECTIVE_ID.eq("#" + stage.number() + "." + objective.number()))
            .execute();
      }
    }
    return moved;
  }

  /**
   * The deployment's roadmap as its previous file read, to carry journeys from; empty (nothing is
   * carried, journeys keep their numbers) when that file no longer reads.
   */
  private Optional<Roadmap> previous(RoadmapRecord row) {
    try {
      return Optional.of(parse(row.getFileName(), row.getSource()));
    } catch (RuntimeException unreadable) {
      org.slf4j.LoggerFactory.getLogger(RoadmapLibrary.class)
          .warn(
              "The deployment's previous roadmap file no longer reads; journeys keep their stages");
      return Optional.empty();
    }
  }

  /** The roadmap the channel follows. */
  public Roadmap of(Channel channel) {
    return of(channel.roadmapId());
  }

  /** The roadmap stored under {@code id}, as its current version reads. */
  public Roadmap of(long id) {
    if (id == DEPLOYMENT) {
      return deployment;
    }
    int version =
        dsl.select(ROADMAP.VERSION).from(ROADMAP).where(ROADMAP.ID.eq(id)).fetchSingle().value1();
    Parsed known = parsed.get(id);
    if (known != null && known.version() == version) {
      return known.roadmap();
    }
    RoadmapRecord row = dsl.selectFrom(ROADMAP).where(ROADMAP.ID.eq(id)).fetchSingle();
    Roadmap roadmap = parse(row.getFileName(), row.getSource());
    parsed.put(id, new Parsed(row.getVersion(), roadmap));
    return roadmap;
  }

  /** A stored file: it passed the strict check when it was uploaded. */
  private Roadmap parse(String fileName, String source) {
    return loader.load(RoadmapSource.uploaded(fileName, source.getBytes(StandardCharsets.UTF_8)));
  }

  public Stored stored(long id) {
    return stored(dsl.selectFrom(ROADMAP).where(ROADMAP.ID.eq(id)).fetchSingle());
  }

  /** The deployment's row names its roadmap as the file running now does. */
  private Stored stored(RoadmapRecord r) {
    Stored s = fromRow(r);
    return s.deployment()
        ? new Stored(
            s.id(),
            s.workspaceId(),
            deployment.id(),
            deployment.title(),
            s.version(),
            s.fileName(),
            s.uploadedBy(),
            s.uploadedAt())
        : s;
  }

  /** The file's text as stored: what {@code roadmap download} returns. */
  public String source(long id) {
    return dsl.select(ROADMAP.SOURCE).from(ROADMAP).where(ROADMAP.ID.eq(id)).fetchSingle().value1();
  }

  /**
   * The roadmap the workspace knows by {@code key}: its own, or the deployment's. Another
   * workspace's roadmaps are not found.
   */
  public Optional<Stored> find(long workspaceId, String key) {
    if (key.equals(deployment.id())) {
      return Optional.of(stored(DEPLOYMENT));
    }
    return dsl.selectFrom(ROADMAP)
        .where(ROADMAP.KEY.eq(key), ROADMAP.WORKSPACE_ID.eq(workspaceId))
        .fetchOptional(this::stored);
  }

  /** The roadmaps a workspace can put on a channel: the deployment's first, then its own. */
  public List<Stored> ofWorkspace(long workspaceId) {
    return dsl.selectFrom(ROADMAP)
        .where(ROADMAP.WORKSPACE_ID.eq(workspaceId).or(ROADMAP.ID.eq(DEPLOYMENT)))
        .orderBy(ROADMAP.ID)
        .fetch(this::stored);
  }

  /**
   * The largest stage count and objectives per stage over the roadmaps the platform's workspace can
   * put on a channel: the deployment's and its own (only the deployment's for one not met yet).
   */
  public RoadmapSizes largest(Platform platform, String workspaceExternalId) {
    List<Long> ids =
        dsl.select(ROADMAP.ID)
            .from(ROADMAP)
            .where(
                ROADMAP
                    .ID
                    .eq(DEPLOYMENT)
                    .or(
                        ROADMAP.WORKSPACE_ID.in(
                            DSL.select(WORKSPACE.ID)
                                .from(WORKSPACE)
                                .where(
                                    WORKSPACE.PLATFORM.eq(platform.key()),
                                    WORKSPACE.EXTERNAL_ID.eq(workspaceExternalId)))))
            .fetch(ROADMAP.ID);
    RoadmapSizes largest = RoadmapSizes.of(deployment);
    for (long id : ids) {
      largest = largest.max(RoadmapSizes.of(of(id)));
    }
    return largest;
  }

  /**
   * Whether the roadmap has a quiz (its file has questions): the weekly quiz's claims read it. Set
   * whenever its file is stored, from the questions the check read.
   */
  public void setHasQuiz(long id, boolean hasQuiz) {
    dsl.update(ROADMAP).set(ROADMAP.HAS_QUIZ, hasQuiz).where(ROADMAP.ID.eq(id)).execute();
  }

  /** Whether the roadmap has a quiz; one without has its stages finished by objectives alone. */
  public boolean hasQuiz(long id) {
    return dsl.select(ROADMAP.HAS_QUIZ)
        .from(ROADMAP)
        .where(ROADMAP.ID.eq(id))
        .fetchOptional(ROADMAP.HAS_QUIZ)
        .orElse(true);
  }

  /** Stores a new workspace roadmap at version 1; returns its id. */
  public long create(
      long workspaceId, Roadmap roadmap, String fileName, String source, long by, Instant now) {
    return dsl.insertInto(ROADMAP)
        .set(ROADMAP.WORKSPACE_ID, workspaceId)
        .set(ROADMAP.KEY, roadmap.id())
        .set(ROADMAP.TITLE, roadmap.title())
        .set(ROADMAP.VERSION, 1)
        .set(ROADMAP.FILE_NAME, fileName)
        .set(ROADMAP.SOURCE, source)
        .set(ROADMAP.UPLOADED_BY, by)
        .set(ROADMAP.UPLOADED_AT, Times.utc(now))
        .returningResult(ROADMAP.ID)
        .fetchSingle()
        .value1();
  }

  /**
   * Stores a new version of a workspace roadmap over version {@code over}; returns the new version
   * number, or empty when another version was stored since (two Applies at once: one wins).
   */
  public java.util.OptionalInt newVersion(
      long id, int over, Roadmap roadmap, String fileName, String source, long by, Instant now) {
    return dsl.update(ROADMAP)
        .set(ROADMAP.TITLE, roadmap.title())
        .set(ROADMAP.VERSION, ROADMAP.VERSION.plus(1))
        .set(ROADMAP.FILE_NAME, fileName)
        .set(ROADMAP.SOURCE, source)
        .set(ROADMAP.UPLOADED_BY, by)
        .set(ROADMAP.UPLOADED_AT, Times.utc(now))
        .where(ROADMAP.ID.eq(id), ROADMAP.VERSION.eq(over))
        .returningResult(ROADMAP.VERSION)
        .fetchOptional()
        .map(r -> java.util.OptionalInt.of(r.value1()))
        .orElse(java.util.OptionalInt.empty());
  }

  /**
   * A member whose stage a new version removed: put on the nearest stage, to be told.
   *
   * @param stageBefore the stage's title in the version before
   */
  public record Moved(long memberId, String stageBefore, int stageNow) {}

  /**
   * Carries the journeys on the roadmap from version {@code before} to {@code after}: objectives
   * checked off are matched by id (one the new version removed keeps its row, without a place in a
   * stage, for history and export); members stay on their stage, found by its id; a graduate stays
   * graduated; a member whose stage is gone goes to the nearest one. Open quizzes on the roadmap
   * close (their questions may be gone). Returns the members moved.
   */
  public List<Moved> carryJourneys(long roadmapId, Roadmap before, Roadmap after) {
    dsl.update(OBJECTIVE_DONE)
        .setNull(OBJECTIVE_DONE.STAGE)
        .setNull(OBJECTIVE_DONE.OBJECTIVE)
        .where(OBJECTIVE_DONE.ROADMAP_ID.eq(roadmapId))
        .execute();
    for (Stage stage : after.stages()) {
      for (var objective : stage.objectives()) {
        dsl.update(OBJECTIVE_DONE)
            .set(OBJECTIVE_DONE.STAGE, stage.number())
            .set(OBJECTIVE_DONE.OBJECTIVE, objective.number())
            .where(
                OBJECTIVE_DONE.ROADMAP_ID.eq(roadmapId),
                OBJECTIVE_DONE.OBJECTIVE_ID.eq(objective.id()))
            .execute();
      }
    }
    // each old stage number to its new one, in one statement so that no move is applied twice
    var renumber = DSL.choose(JOURNEY.STAGE);
    org.jooq.CaseWhenStep<Integer, Integer> cases = null;
    Map<Integer, Integer> vanished = new java.util.HashMap<>();
    for (Stage old : before.stages()) {
      Optional<Stage> kept = after.stageById(old.id());
      int now = kept.map(Stage::number).orElseGet(() -> nearest(before, after, old));
      if (kept.isEmpty()) {
        vanished.put(old.number(), now);
      }
      cases = cases == null ? renumber.when(old.number(), now) : cases.when(old.number(), now);
    }
    List<Moved> moved =
        dsl.select(JOURNEY.MEMBER_ID, JOURNEY.STAGE)
            .from(JOURNEY)
            .where(
                JOURNEY.ROADMAP_ID.eq(roadmapId),
                JOURNEY.GRADUATED_AT.isNull(),
                JOURNEY.STAGE.in(vanished.keySet()))
            .fetch(
                r ->
                    new Moved(
                        r.value1(), before.stage(r.value2()).title(), vanished.get(r.value2())));
    dsl.update(JOURNEY)
        .set(
            JOURNEY.STAGE,
            DSL.when(JOURNEY.GRADUATED_AT.isNotNull(), DSL.val(after.stageCount()))
                .otherwise(cases.otherwise(DSL.least(JOURNEY.STAGE, DSL.val(after.stageCount())))))
        .where(JOURNEY.ROADMAP_ID.eq(roadmapId))
        .execute();
    dsl.update(QUIZ_ATTEMPT)
        .set(QUIZ_ATTEMPT.STATUS, "expired")
        .where(QUIZ_ATTEMPT.ROADMAP_ID.eq(roadmapId), QUIZ_ATTEMPT.STATUS.eq("open"))
        .execute();
    return moved;
  }

  /**
   * Where a member on {@code gone}, a stage the new version removed, goes: the stage now in its
   * place, between the new places of the stages that survived around it. After the last survivor
   * before it (the first stage when none did), and no further than the first survivor after it (the
   * last stage when none did); within that, its old position. So a removed stage whose neighbours
   * stayed leads to the one after it, and one replaced in place to its replacement.
   */
  static int nearest(Roadmap before, Roadmap after, Stage gone) {
    int from = 1;
    int to = after.stageCount();
    for (Stage old : before.stages()) {
      Optional<Stage> kept = after.stageById(old.id());
      if (kept.isEmpty()) {
        continue;
      }
      if (old.number() < gone.number()) {
        from = kept.get().number() + 1;
      } else if (old.number() > gone.number()) {
        to = Math.min(to, kept.get().number());
        break;
      }
    }
    int place = Math.max(from, Math.min(gone.number(), to));
    return Math.max(1, Math.min(Math.min(place, to), after.stageCount()));
  }

  /** Puts the channel on the roadmap. */
  public void follow(long channelId, long roadmapId, long by, Instant now) {
    dsl.update(CHANNEL)
        .set(CHANNEL.ROADMAP_ID, roadmapId)
        .set(CHANNEL.ROADMAP_SET_BY, by)
        .set(CHANNEL.ROADMAP_SET_AT, Times.utc(now))
        .where(CHANNEL.ID.eq(channelId))
        .execute();
  }

  /**
   * The channel's boards after it switched roadmaps: each membership's points become those of the
   * member's journey on the roadmap the channel now follows (none yet: zero), and the week's board
   * starts again from the points earned on it this week.
   */
  public void refreshBoard(long channelId, long roadmapId, Instant now) {
    var points =
        DSL.select(JOURNEY.POINTS)
            .from(JOURNEY)
            .where(
                JOURNEY.MEMBER_ID.eq(CHANNEL_MEMBER.MEMBER_ID), JOURNEY.ROADMAP_ID.eq(roadmapId));
    var reached =
        DSL.select(JOURNEY.POINTS_REACHED_AT)
            .from(JOURNEY)
            .where(
                JOURNEY.MEMBER_ID.eq(CHANNEL_MEMBER.MEMBER_ID), JOURNEY.ROADMAP_ID.eq(roadmapId));
    dsl.update(CHANNEL_MEMBER)
        .set(CHANNEL_MEMBER.POINTS, DSL.coalesce(DSL.field(points), DSL.val(0)))
        .set(
            CHANNEL_MEMBER.POINTS_REACHED_AT,
            DSL.coalesce(DSL.field(reached), CHANNEL_MEMBER.JOINED_AT))
        .where(CHANNEL_MEMBER.CHANNEL_ID.eq(channelId))
        .execute();
    dsl.deleteFrom(WEEKLY_POINTS).where(WEEKLY_POINTS.CHANNEL_ID.eq(channelId)).execute();
  }

  /**
   * Closes the open quizzes on {@code roadmapId} of the channel's members: the channel left that
   * roadmap. Returns how many were closed.
   */
  public int closeOpenQuizzes(long channelId, long roadmapId) {
    return dsl.update(QUIZ_ATTEMPT)
        .set(QUIZ_ATTEMPT.STATUS, "expired")
        .where(
            QUIZ_ATTEMPT.ROADMAP_ID.eq(roadmapId),
            QUIZ_ATTEMPT.STATUS.eq("open"),
            QUIZ_ATTEMPT.MEMBER_ID.in(
                DSL.select(CHANNEL_MEMBER.MEMBER_ID)
                    .from(CHANNEL_MEMBER)
                    .where(CHANNEL_MEMBER.CHANNEL_ID.eq(channelId))))
        .execute();
  }

  /** Who last chose the channel's roadmap, and when; empty while it follows the default. */
  public Optional<SetBy> setBy(long channelId) {
    return dsl.select(CHANNEL.ROADMAP_SET_BY, CHANNEL.ROADMAP_SET_AT)
        .from(CHANNEL)
        .where(CHANNEL.ID.eq(channelId), CHANNEL.ROADMAP_SET_AT.isNotNull())
        .fetchOptional(r -> new SetBy(Optional.ofNullable(r.value1()), Times.instant(r.value2())));
  }

  /** Who chose a channel's roadmap (empty once they erased their data), and when. */
  public record SetBy(Optional<Long> memberId, Instant at) {}

  /** The channels that follow the roadmap. */
  public List<Channel> followers(long roadmapId) {
    return dsl.selectFrom(CHANNEL)
        .where(CHANNEL.ROADMAP_ID.eq(roadmapId))
        .orderBy(CHANNEL.ID)
        .fetch(io.roadmapcoach.core.member.MemberRepository::channel);
  }

  /** The members of the channels that follow the roadmap, each once. */
  public List<Long> membersFollowing(long roadmapId) {
    return dsl.selectDistinct(CHANNEL_MEMBER.MEMBER_ID)
        .from(CHANNEL_MEMBER)
        .join(CHANNEL)
        .on(CHANNEL.ID.eq(CHANNEL_MEMBER.CHANNEL_ID))
        .where(CHANNEL.ROADMAP_ID.eq(roadmapId))
        .orderBy(CHANNEL_MEMBER.MEMBER_ID)
        .fetch(CHANNEL_MEMBER.MEMBER_ID);
  }

  /** How many channels of the workspace follow each roadmap. */
  public Map<Long, Integer> followerCounts(long workspaceId) {
    return dsl.select(CHANNEL.ROADMAP_ID, DSL.count())
        .from(CHANNEL)
        .where(CHANNEL.WORKSPACE_ID.eq(workspaceId))
        .groupBy(CHANNEL.ROADMAP_ID)
        .fetchMap(r -> r.value1(), r -> r.value2());
  }

  private static Stored fromRow(RoadmapRecord r) {
    return new Stored(
        r.getId(),
        Optional.ofNullable(r.getWorkspaceId()),
        r.getKey(),
        r.getTitle(),
        r.getVersion(),
        r.getFileName(),
        Optional.ofNullable(r.getUploadedBy()),
        Times.instant(r.getUploadedAt()));
  }
}
