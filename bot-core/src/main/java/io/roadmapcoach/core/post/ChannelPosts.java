package io.roadmapcoach.core.post;

import static io.roadmapcoach.db.schema.Tables.CHANNEL;
import static io.roadmapcoach.db.schema.Tables.CHANNEL_MEMBER;
import static io.roadmapcoach.db.schema.Tables.ENROLLMENT;
import static io.roadmapcoach.db.schema.Tables.MEMBER;
import static io.roadmapcoach.db.schema.Tables.PROGRESS_EVENT;

import io.roadmapcoach.core.journey.EventKind;
import io.roadmapcoach.core.member.Channel;
import io.roadmapcoach.core.member.Member;
import io.roadmapcoach.core.member.MemberRepository;
import io.roadmapcoach.core.member.ReminderMode;
import io.roadmapcoach.core.policy.PolicySql;
import io.roadmapcoach.core.time.Times;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** What a channel's daily post is made of, read in one place. */
public final class ChannelPosts {
  private final DSLContext dsl;

  public ChannelPosts(DSLContext dsl) {
    this.dsl = dsl;
  }

  /**
   * One member's progress since the last post.
   *
   * @param objectives objectives checked off (net of those taken back)
   * @param stagesFinished the stages they finished
   * @param quizzesPassed the stages whose quiz they passed
   */
  public record Progress(
      Member member, int objectives, List<Integer> stagesFinished, List<Integer> quizzesPassed) {
    boolean any() {
      return objectives > 0 || !stagesFinished.isEmpty() || !quizzesPassed.isEmpty();
    }
  }

  /** The channel's members' progress since {@code since}, whichever channel they made it in. */
  public List<Progress> progressSince(long channelId, Instant since) {
    var kind = PROGRESS_EVENT.KIND;
    var objectives =
        DSL.sum(
                DSL.when(kind.eq(EventKind.OBJECTIVE_DONE.key()), 1)
                    .when(kind.eq(EventKind.OBJECTIVE_UNDONE.key()), -1)
                    .otherwise(0))
            .cast(Integer.class)
            .as("objectives");
    var stages =
        DSL.arrayAggDistinct(PROGRESS_EVENT.STAGE)
            .filterWhere(kind.eq(EventKind.STAGE_FINISHED.key()))
            .as("stages");
    var quizzes =
        DSL.arrayAggDistinct(PROGRESS_EVENT.STAGE)
            .filterWhere(kind.eq(EventKind.QUIZ_PASSED.key()))
            .as("quizzes");
    return dsl
        .select(MEMBER.fields())
        .select(objectives, stages, quizzes)
        .from(CHANNEL_MEMBER)
        .join(MEMBER)
        .on(MEMBER.ID.eq(CHANNEL_MEMBER.MEMBER_ID))
        .join(PROGRESS_EVENT)
        .on(PROGRESS_EVENT.MEMBER_ID.eq(MEMBER.ID))
        .where(CHANNEL_MEMBER.CHANNEL_ID.eq(channelId))
        .and(PROGRESS_EVENT.OCCURRED_AT.gt(Times.utc(since)))
        .groupBy(MEMBER.ID)
        .orderBy(MEMBER.DISPLAY_NAME)
        .fetch(
            r ->
                new Progress(
                    MemberRepository.member(r.into(MEMBER)),
                    Optional.ofNullable(r.get(objectives)).orElse(0),
                    numbers(r.get(stages)),
                    numbers(r.get(quizzes))))
        .stream()
        .filter(Progress::any)
        .toList();
  }

  private static List<Integer> numbers(Integer[] array) {
    return array == null ? List.of() : List.of(array);
  }

  /**
   * The members whose nudge this channel's post may carry: channel reminders chosen (or the
   * channel's default), this channel their home and still in it, reminders on and not paused.
   * Whether today's post names them is the coaching policy's to say ({@code
   * CoachingPolicy.mention}).
   */
  public List<Long> mayBeNamedIn(Channel channel) {
    return dsl.select(MEMBER.ID)
        .from(CHANNEL_MEMBER)
        .join(ENROLLMENT)
        .on(ENROLLMENT.MEMBER_ID.eq(CHANNEL_MEMBER.MEMBER_ID))
        .join(MEMBER)
        .on(MEMBER.ID.eq(ENROLLMENT.MEMBER_ID))
        .join(CHANNEL)
        .on(CHANNEL.ID.eq(ENROLLMENT.CHANNEL_ID))
        .where(CHANNEL_MEMBER.CHANNEL_ID.eq(channel.id()))
        .and(ENROLLMENT.CHANNEL_ID.eq(channel.id()))
        .and(PolicySql.remindersRunning())
        .and(PolicySql.nudgedBy(ReminderMode.CHANNEL))
        .fetch(MEMBER.ID);
  }

  /** When the channel's last post went out; the next one celebrates what came after. */
  public Optional<Instant> lastPost(long channelId) {
    return Optional.ofNullable(
            dsl.select(CHANNEL.LAST_POST_AT)
                .from(CHANNEL)
                .where(CHANNEL.ID.eq(channelId))
                .fetchOne(CHANNEL.LAST_POST_AT))
        .map(Times::instant);
  }

  public void markPosted(long channelId, Instant at) {
    dsl.update(CHANNEL)
        .set(CHANNEL.LAST_POST_AT, Times.utc(at))
        .where(CHANNEL.ID.eq(channelId))
        .execute();
  }
}
