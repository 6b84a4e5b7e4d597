package io.roadmapcoach.core.post;

import io.roadmapcoach.core.coaching.NudgeCourtesies;
import io.roadmapcoach.core.delivery.Composer;
import io.roadmapcoach.core.delivery.DeliveryComposer;
import io.roadmapcoach.core.delivery.DeliveryComposer.Composed;
import io.roadmapcoach.core.delivery.DeliveryComposer.Drop;
import io.roadmapcoach.core.delivery.DeliveryKind;
import io.roadmapcoach.core.delivery.DeliveryQueue;
import io.roadmapcoach.core.delivery.OutboxRepository;
import io.roadmapcoach.core.delivery.Recipients;
import io.roadmapcoach.core.journey.EnrollmentRepository;
import io.roadmapcoach.core.journey.RoadmapLibrary;
import io.roadmapcoach.core.member.Channel;
import io.roadmapcoach.core.member.Member;
import io.roadmapcoach.core.member.MemberRepository;
import io.roadmapcoach.core.policy.CoachingPolicy;
import io.roadmapcoach.core.policy.PolicyRepository;
import io.roadmapcoach.core.policy.Situation;
import io.roadmapcoach.core.reply.Reply;
import io.roadmapcoach.core.reply.Text;
import io.roadmapcoach.core.reply.Visibility;
import io.roadmapcoach.core.roadmap.Roadmap;
import io.roadmapcoach.core.roadmap.Stage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A study group's daily post, written when it is sent: what the group did since the last post (by
 * name, except members who keep off the boards, who are counted), and, with a mention, the members
 * whose nudge is this post, each with their next step. Who is named is the coaching policy's to say
 * ({@link CoachingPolicy#mention}), as for a nudge by DM: a member away is left out (the day kept
 * off), and a mention counts as a nudge, so that after five unanswered the member is not named
 * again but gets a goodbye by DM and pauses. It never names anyone as behind, and it is skipped on
 * a day with nothing to celebrate and nobody to nudge.
 */
public final class ChannelPostComposer implements Composer {
  static final int POST_NAMES = 25;

  /** How far back a first post, or one after a long pause, looks for news. */
  static final Duration FIRST_LOOK_BACK = Duration.ofDays(1);

  private final RoadmapLibrary roadmaps;
  private final MemberRepository members;
  private final EnrollmentRepository enrollments;
  private final ChannelPosts posts;
  private final PolicyRepository policy;
  private final NudgeCourtesies courtesies;
  private final OutboxRepository outbox;

  public ChannelPostComposer(
      RoadmapLibrary roadmaps,
      MemberRepository members,
      EnrollmentRepository enrollments,
      ChannelPosts posts,
      PolicyRepository policy,
      NudgeCourtesies courtesies,
      OutboxRepository outbox) {
    this.roadmaps = roadmaps;
    this.members = members;
    this.enrollments = enrollments;
    this.posts = posts;
    this.policy = policy;
    this.courtesies = courtesies;
    this.outbox = outbox;
  }

  /**
   * A batch of posts, their channels read with the batch; each post reads its own channel's news,
   * one post a channel a day.
   */
  @Override
  public List<Composed> composeAll(List<DeliveryQueue.Claimed> rows, Recipients to, Instant now) {
    return rows.stream().map(row -> compose(row, to.channel(row), now)).toList();
  }

  private Composed compose(DeliveryQueue.Claimed row, Channel channel, Instant now) {
    Optional<Drop> stale =
        DeliveryComposer.staleness(
            row, channel.post().time(), channel.zoneOrUtc(), now, "the channel post");
    if (stale.isPresent()) {
      return stale.get();
    }
    if (policy.isHoliday(channel.id(), row.localDate())) {
      // a holiday set after the post was enqueued: the news waits for the next post
      return new Drop("a holiday in #" + channel.name());
    }
    Instant since =
        posts
            .lastPost(channel.id())
            .filter(t -> t.isAfter(now.minus(Duration.ofDays(7))))
            .orElse(now.minus(FIRST_LOOK_BACK));
    List<ChannelPosts.Progress> progress = posts.progressSince(channel.id(), since);
    List<Situation> nudged = named(channel, row.localDate(), now);
    posts.markPosted(channel.id(), now);
    if (progress.isEmpty() && nudged.isEmpty()) {
      return new Drop("nothing happened in #" + channel.name() + " and nobody's nudge is due");
    }
    Reply.Builder reply = Reply.builder().header("☀️ Good morning, #" + channel.name() + "!");
    reply.section(celebration(progress));
    if (!nudged.isEmpty()) {
      reply.section(nextSteps(nudged));
    }
    reply.context(
        Text.empty()
            .code("/roadmap status")
            .plain(" for your own next step · ")
            .code("/roadmap remind dm")
            .plain(" to get your nudge as a DM instead"));
    return DeliveryComposer.toChannel(row, channel, reply.visibleTo(Visibility.CHANNEL).build());
  }

  private static Text celebration(List<ChannelPosts.Progress> progress) {
    if (progress.isEmpty()) {
      return Text.of("A fresh day for the group: one objective is a fine start.");
    }
    List<String> named = new ArrayList<>();
    int unnamed = 0;
    for (ChannelPosts.Progress p : progress) {
      if (p.member().hiddenFromLeaderboard()) {
        unnamed++;
      } else if (named.size() < POST_NAMES) {
        named.add("• " + p.member().displayName() + ": " + what(p));
      } else {
        unnamed++;
      }
    }
    StringBuilder text = new StringBuilder("🎉 Since the last post:\n");
    text.append(String.join("\n", named));
    if (unnamed > 0) {
      text.append(named.isEmpty() ? "" : "\n")
          .append("• and ")
          .append(unnamed == 1 ? "1 more member" : unnamed + " more members")
          .append(" made progress");
    }
    return Text.of(text.toString());
  }

  private static String what(ChannelPosts.Progress p) {
    List<String> parts = new ArrayList<>();
    if (p.objectives() > 0) {
      parts.add(p.objectives() == 1 ? "1 objective" : p.objectives() + " objectives");
    }
    if (!p.quizzesPassed().isEmpty()) {
      parts.add("passed the stage " + joined(p.quizzesPassed()) + " quiz");
    }
    if (!p.stagesFinished().isEmpty()) {
      parts.add("finished stage " + joined(p.stagesFinished()) + " 🏁");
    }
    return String.join(", ", parts);
  }

  private static String joined(List<Integer> numbers) {
    return numbers.stream().sorted().map(String::valueOf).collect(Collectors.joining(" and "));
  }

  /**
   * The members this post names: the policy's verdict on each who may be named, each mention
   * counted as their nudge. Those away are left out (the day kept off); those whose mention would
   * be the sixth unanswered get their goodbye by DM instead, and pause.
   */
  private List<Situation> named(Channel channel, LocalDate postDay, Instant now) {
    List<Situation> named = new ArrayList<>();
    Map<Long, LocalDate> dayOf = new HashMap<>();
    for (Situation s : policy.situations(posts.mayBeNamedIn(channel), now)) {
      LocalDate day = now.atZone(s.zone()).toLocalDate();
      switch (CoachingPolicy.mention(s, postDay, now)) {
        case NAMED -> {
          named.add(s);
          dayOf.put(s.member().id(), day);
        }
        case AWAY -> courtesies.keepAwayDay(s.member().id(), day);
        case NO -> {}
      }
    }
    Set<Long> pausing = dayOf.isEmpty() ? Set.of() : courtesies.pauseAmong(dayOf, now);
    for (long memberId : pausing) {
      Member member = members.member(memberId);
      outbox.toMember(
          DeliveryKind.NUDGE,
          member.workspaceId(),
          memberId,
          Optional.of(channel.id()),
          dayOf.get(memberId),
          Optional.empty(),
          now);
    }
    named.removeIf(s -> pausing.contains(s.member().id()));
    named.sort(Comparator.comparing((Situation s) -> s.member().displayName()));
    return named;
  }

  /**
   * Everyone whose nudge this post is, each with a mention: the first {@link #POST_NAMES} with
   * their next step, the rest by name alone (the post is their nudge too, so none is left out).
   */
  private Text nextSteps(List<Situation> nudged) {
    Text text = Text.of("👋 Today's nudges:");
    int shown = 0;
    for (Situation l : nudged) {
      if (shown++ == POST_NAMES) {
        return alsoNudged(text, nudged.subList(POST_NAMES, nudged.size()));
      }
      text =
          text.plain("\n• ")
              .mention(l.member().displayName(), l.member().externalId())
              .plain(": " + nextStep(l));
    }
    return text;
  }

  private static Text alsoNudged(Text text, List<Situation> rest) {
    text = text.plain("\n• Also today: ");
    for (int i = 0; i < rest.size(); i++) {
      Member member = rest.get(i).member();
      text = text.plain(i == 0 ? "" : ", ").mention(member.displayName(), member.externalId());
    }
    return text.plain(" (").code("/roadmap status").plain(" shows your next step)");
  }

  private String nextStep(Situation l) {
    Roadmap roadmap = roadmaps.of(l.enrollment().orElseThrow().roadmapId());
    Stage stage =
        roadmap.stage(Math.min(l.enrollment().orElseThrow().stage(), roadmap.stageCount()));
    Set<Integer> done = enrollments.objectivesDone(l.enrollment().orElseThrow());
    for (int n = 1; n <= stage.objectiveCount(); n++) {
      if (!done.contains(n)) {
        return "objective " + n + " of stage " + stage.number() + " (" + stage.objective(n) + ")";
      }
    }
    return "the stage " + stage.number() + " quiz, then on to the next stage";
  }
}
