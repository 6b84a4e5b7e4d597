package io.roadmapcoach.core.post;

import io.roadmapcoach.core.delivery.PostingCheck;
import io.roadmapcoach.core.member.Channel;
import io.roadmapcoach.core.member.MemberRepository;
import io.roadmapcoach.core.member.ReminderDays;
import io.roadmapcoach.core.member.Scope;
import io.roadmapcoach.core.reply.Reply;
import io.roadmapcoach.core.reply.Text;
import java.time.LocalTime;

/** A channel's daily post, as its leads set it: when, which days, or none for now. */
public final class PostService {
  private final MemberRepository members;
  private final PostingCheck posting;

  public PostService(MemberRepository members, PostingCheck posting) {
    this.members = members;
    this.posting = posting;
  }

  public PostService(MemberRepository members) {
    this(members, PostingCheck.NONE);
  }

  public Reply postAt(Scope scope, LocalTime time) {
    Channel.Post now = scope.channel().post();
    return post(scope, new Channel.Post(time, now.days(), true));
  }

  public Reply postDays(Scope scope, ReminderDays days) {
    Channel.Post now = scope.channel().post();
    return post(scope, new Channel.Post(now.time(), days, true));
  }

  public Reply postSwitch(Scope scope, boolean on) {
    Channel.Post now = scope.channel().post();
    if (now.enabled() == on) {
      Channel channel = scope.channel();
      return Reply.text(
          on
              ? Text.of("☀️ #" + channel.name() + "'s daily post is on already: ")
                  .bold(channel.postTime())
                  .plain(".")
              : Text.of("🔕 #" + channel.name() + "'s daily post is off already; ")
                  .code(PostFeature.POST.hint("on"))
                  .plain(" brings it back."));
    }
    return post(scope, new Channel.Post(now.time(), now.days(), on));
  }

  private Reply post(Scope scope, Channel.Post post) {
    members.setPost(scope.channel().id(), post);
    Channel changed = members.channel(scope.channel().id());
    if (!post.enabled()) {
      return Reply.text(
          Text.of("🔕 #" + changed.name() + " gets no daily post for now; ")
              .code(PostFeature.POST.hint("on"))
              .plain(" brings it back. Members who chose the post get no nudge meanwhile."));
    }
    return posting.afterCommit(
        scope,
        Reply.text(
            Text.of("☀️ #" + changed.name() + "'s daily post goes out at ")
                .bold(changed.postTime())
                .plain(".")),
        changed);
  }
}
