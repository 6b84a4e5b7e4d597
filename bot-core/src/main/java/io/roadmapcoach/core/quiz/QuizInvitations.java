package io.roadmapcoach.core.quiz;

import io.roadmapcoach.core.action.Buttons;
import io.roadmapcoach.core.delivery.Composer;
import io.roadmapcoach.core.delivery.DeliveryComposer;
import io.roadmapcoach.core.delivery.DeliveryComposer.Composed;
import io.roadmapcoach.core.delivery.DeliveryComposer.Drop;
import io.roadmapcoach.core.delivery.DeliveryQueue;
import io.roadmapcoach.core.delivery.Recipients;
import io.roadmapcoach.core.journey.Enrollment;
import io.roadmapcoach.core.journey.EnrollmentRepository;
import io.roadmapcoach.core.journey.RoadmapLibrary;
import io.roadmapcoach.core.member.Channel;
import io.roadmapcoach.core.member.Member;
import io.roadmapcoach.core.reply.Reply;
import io.roadmapcoach.core.reply.Text;
import io.roadmapcoach.core.reply.Visibility;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The weekly quiz's messages: a member's own invitation by DM, and a channel's call-out. */
public final class QuizInvitations {
  private final RoadmapLibrary roadmaps;
  private final EnrollmentRepository enrollments;

  public QuizInvitations(RoadmapLibrary roadmaps, EnrollmentRepository enrollments) {
    this.roadmaps = roadmaps;
    this.enrollments = enrollments;
  }

  /**
   * Composes members' invitations to the quiz on their own stages, their enrollments read at once.
   */
  public Composer toMember() {
    return Composer.reading(
        (rows, to, now) ->
            new Read(
                to,
                enrollments.findAll(
                    rows.stream().map(row -> row.memberId().orElseThrow()).toList())),
        this::invitation);
  }

  /** Composes the call-out in a channel whose members chose channel reminders. */
  public Composer toChannel() {
    return Composer.eachRow(QuizInvitations::callOut);
  }

  /** What a batch of invitations needs. */
  private record Read(Recipients to, Map<Long, Enrollment> enrolled) {}

  private Composed invitation(DeliveryQueue.Claimed row, Read read, Instant now) {
    Member member = read.to().member(row);
    Enrollment e = read.enrolled().get(member.id());
    if (e == null) {
      return new Drop("not enrolled");
    }
    String what =
        e.graduated()
            ? "a review of the questions you missed"
            : "stage " + e.stage() + ", " + roadmaps.of(e.roadmapId()).stage(e.stage()).title();
    Reply reply =
        Reply.builder()
            .header("📝 Your weekly quiz is ready, " + member.displayName())
            .section(
                Text.of(
                    "Five questions on " + what + ". Four right passes; it stays open for a day."))
            .buttons(List.of(Buttons.startQuiz("Start quiz")))
            .build();
    return DeliveryComposer.toMember(row, member, read.to().dmChannel(member.id()), reply);
  }

  private static Composed callOut(DeliveryQueue.Claimed row, Recipients to, Instant now) {
    Channel channel = to.channel(row);
    Reply reply =
        Reply.builder()
            .header("📝 Weekly quiz time, #" + channel.name() + "!")
            .section(
                Text.of(
                    "Everyone on the roadmap: press Start quiz for five questions on your own stage. Four right passes."))
            .buttons(List.of(Buttons.startQuiz("Start quiz")))
            .visibleTo(Visibility.CHANNEL)
            .build();
    return DeliveryComposer.toChannel(row, channel, reply);
  }
}
