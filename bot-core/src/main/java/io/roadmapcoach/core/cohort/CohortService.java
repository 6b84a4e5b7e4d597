package io.roadmapcoach.core.cohort;

import io.roadmapcoach.core.delivery.OutboxRepository;
import io.roadmapcoach.core.feature.Words;
import io.roadmapcoach.core.journey.Enrollment;
import io.roadmapcoach.core.journey.EnrollmentRepository;
import io.roadmapcoach.core.journey.RoadmapLibrary;
import io.roadmapcoach.core.member.Channel;
import io.roadmapcoach.core.member.LeadRepository;
import io.roadmapcoach.core.member.Memberships;
import io.roadmapcoach.core.member.ReminderMode;
import io.roadmapcoach.core.member.Scope;
import io.roadmapcoach.core.reply.Block;
import io.roadmapcoach.core.reply.Echo;
import io.roadmapcoach.core.reply.Reply;
import io.roadmapcoach.core.reply.Text;
import io.roadmapcoach.core.time.Dates;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A member in several channels: leaving one (progress kept, the channel never left without a lead),
 * choosing the home channel that direct messages act in, and reading a channel's settings.
 */
public final class CohortService {
  private final RoadmapLibrary roadmaps;
  private final Memberships memberships;
  private final EnrollmentRepository enrollments;
  private final LeadRepository leads;
  private final OutboxRepository outbox;

  /** Whether the bot can post in a channel, in words ("can post", "not invited", ...). */
  private final Function<Channel, String> postingState;

  public CohortService(
      RoadmapLibrary roadmaps,
      Memberships memberships,
      EnrollmentRepository enrollments,
      LeadRepository leads,
      OutboxRepository outbox,
      Function<Channel, String> postingState) {
    this.postingState = postingState;
    this.roadmaps = roadmaps;
    this.memberships = memberships;
    this.enrollments = enrollments;
    this.leads = leads;
    this.outbox = outbox;
  }

  public Reply leave(Scope scope) {
    Channel channel = scope.channel();
    long memberId = scope.member().id();
    Optional<Enrollment> enrollment = enrollments.lock(memberId);
    if (enrollment.isEmpty() || !memberships.leave(channel.id(), memberId)) {
      return Reply.text(
          Text.of("You are not in #" + channel.name() + ", so there is nothing to leave. ")
              .code("/roadmap start")
              .plain(" joins it."));
    }
    boolean wasLead = leads.remove(channel.id(), memberId);
    if (wasLead && leads.count(channel.id()) == 0) {
      handOverLead(scope);
    }
    Text said =
        Text.of("👋 You left #" + channel.name() + ". Your progress is kept: ")
            .append(stage(enrollment.get()))
            .plain(".");
    if (enrollment.get().channelId() == channel.id()) {
      List<Channel> left = memberships.channelsOf(memberId);
      if (left.isEmpty()) {
        said =
            said.plain(" You are in no channel now, so nudges stop until you ")
                .code("/roadmap start")
                .plain(" in one.");
      } else {
        enrollments.setHome(memberId, left.getFirst().id());
        said = said.plain(" Your home channel is now #" + left.getFirst().name() + ".");
      }
    }
    return Reply.text(said);
  }

  /** The member who joined the channel earliest leads it now, and is told so. */
  private void handOverLead(Scope scope) {
    Channel channel = scope.channel();
    memberships
        .earliestMember(channel.id())
        .ifPresent(
            next -> {
              leads.add(channel.id(), next.id(), Optional.empty(), scope.now());
              outbox
                  .by(scope.member().id())
                  .notice(
                      next.workspaceId(),
                      next.id(),
                      scope.now().atZone(next.zone(channel)).toLocalDate(),
                      "👑 "
                          + scope.member().displayName()
                          + " left #"
                          + channel.name()
                          + " and you have been in it longest, so you are its lead now."
                          + " "
                          + Words.HELP.hint()
                          + " lists what leads can do; /roadmap lead @member names another.",
                      scope.now());
            });
  }

  public Reply home(Scope scope, Optional<String> named) {
    if (enrollments.find(scope.member().id()).isEmpty()) {
      return Reply.text(
          Text.of("You have not started yet: ")
              .code("/roadmap start")
              .plain(" in a channel makes it your home."));
    }
    if (named.isEmpty()) {
      return Reply.text(
          Text.of("🏠 Your home channel is #" + scope.home().name() + ". ")
              .append(homeMeans())
              .plain(" Change it with ")
              .code(CohortFeature.HOME.hint("#channel"))
              .plain("."));
    }
    List<Channel> mine = memberships.channelsOf(scope.member().id());
    Optional<Channel> target =
        mine.stream()
            .filter(
                c -> c.externalId().equals(named.get()) || c.name().equalsIgnoreCase(named.get()))
            .findFirst();
    if (target.isEmpty()) {
      String yours = mine.stream().map(c -> "#" + c.name()).collect(Collectors.joining(", "));
      return Reply.text(
          Text.of(
                  "You are not in #"
                      + Echo.of(named.get())
                      + (yours.isEmpty() ? "." : ". Your channels: " + yours + "."))
              .plain(" Join one with ")
              .code("/roadmap start")
              .plain(" there first."));
    }
    enrollments.setHome(scope.member().id(), target.get().id());
    // the journey DMs now act on is the one on the new home's roadmap
    enrollments.startJourney(scope.member().id(), target.get().roadmapId(), scope.now());
    return Reply.text(
        Text.of("🏠 #" + target.get().name() + " is your home channel now. ")
            .append(homeMeans())
            .plain(
                " Your direct messages now act on your "
                    + roadmaps.of(target.get()).title()
                    + " journey."));
  }

  private static Text homeMeans() {
    return Text.of(
        "Commands in our direct messages act there, and you follow its weekly quiz and daily post.");
  }

  /** The channel's settings; anyone may read them, leads change them. */
  public Reply settings(Scope scope) {
    Channel c = scope.channel();
    List<String> names = leads.leadNames(c.id());
    return Reply.builder()
        .header("⚙️ Settings of #" + c.name())
        .fields(
            List.of(
                field("Time zone", c.zoneOrUtc().getId()),
                field("Weekly quiz", Dates.dayName(c.quizDay()) + "s at " + c.quizTime()),
                field("Daily post", c.postTime()),
                field(
                    "Nudges by default",
                    c.reminderMode() == ReminderMode.CHANNEL
                        ? "in the daily post"
                        : "by direct message"),
                field("Leads", names.isEmpty() ? "none yet" : String.join(", ", names)),
                field("Posting here", postingState.apply(c))))
        .context(
            Text.of("Leads change them with ")
                .code("/roadmap quiz-day")
                .plain(", ")
                .code("channel-tz")
                .plain(", ")
                .code("post at|days|off")
                .plain(", ")
                .code("reminders")
                .plain(" and ")
                .code("lead")
                .plain("."))
        .build();
  }

  private static Block.Field field(String name, String value) {
    return new Block.Field(name, Text.of(value));
  }

  private Text stage(Enrollment e) {
    return e.graduated()
        ? Text.of("graduated 🎓")
        : Text.of("stage " + e.stage() + " of " + roadmaps.of(e.roadmapId()).stageCount());
  }
}
