package io.roadmapcoach.core.post;

import io.roadmapcoach.core.cohort.CohortCommand;
import io.roadmapcoach.core.delivery.Composer;
import io.roadmapcoach.core.delivery.DeliveryKind;
import io.roadmapcoach.core.feature.Choice;
import io.roadmapcoach.core.feature.CommandDeclaration;
import io.roadmapcoach.core.feature.Feature;
import io.roadmapcoach.core.feature.Grammar;
import io.roadmapcoach.core.feature.Kinds;
import io.roadmapcoach.core.feature.Slash;
import io.roadmapcoach.core.feature.SlashGroup;
import io.roadmapcoach.core.feature.SlashOption;
import io.roadmapcoach.core.feature.Words;
import io.roadmapcoach.core.member.ReminderDays;
import io.roadmapcoach.core.post.PostCommand.PostAt;
import io.roadmapcoach.core.post.PostCommand.PostDays;
import io.roadmapcoach.core.post.PostCommand.PostSwitch;
import java.util.List;
import java.util.Map;

/**
 * A channel's daily post, for its leads: {@code post at}, {@code post days}, {@code post off|on}; a
 * bare {@code post} shows the channel's settings. The post itself is written by {@link
 * ChannelPostComposer}.
 */
public final class PostFeature implements Feature {
  public static final Words POST = Words.of("post");
  public static final Words POST_AT = POST.then("at");
  public static final Words POST_DAYS = POST.then("days");

  static final SlashGroup POST_GROUP =
      SlashGroup.of(POST, "Lead: this channel's daily post: when, which days, or none");

  static final Choice<PostSwitch> SWITCH =
      Choice.<PostSwitch>of().word("off", new PostSwitch(false)).word("on", new PostSwitch(true));

  private final PostService posts;
  private final PostComposers composers;

  public PostFeature(PostService posts, PostComposers composers) {
    this.composers = composers;
    this.posts = posts;
  }

  @Override
  public List<CommandDeclaration<?>> commands() {
    return List.of(
        CommandDeclaration.of(PostAt.class, POST_AT)
            .grammar(Grammar.one(Kinds.time("the channel's time zone"), PostAt::new))
            .usage("HH:MM", "when the channel's daily post goes out")
            .example("09:00")
            .lead()
            .slash(
                Slash.in(
                    POST_GROUP,
                    POST_AT,
                    "Lead: when the daily post goes out",
                    SlashOption.time("24-hour clock, the channel's time zone, e.g. 09:00", true)))
            .handledBy((scope, c) -> posts.postAt(scope, c.time())),
        CommandDeclaration.of(PostDays.class, POST_DAYS)
            .grammar(
                Choice.<PostDays>of()
                    .word("weekdays", new PostDays(ReminderDays.WEEKDAYS))
                    .word("daily", new PostDays(ReminderDays.DAILY), "everyday", "all"))
            .usage("weekdays|daily", "which days the daily post goes out")
            .lead()
            .slash(
                Slash.in(
                    POST_GROUP,
                    POST_DAYS,
                    "Lead: which days it goes out",
                    SlashOption.whichDays("Weekdays or every day")))
            .handledBy((scope, c) -> posts.postDays(scope, c.days())),
        CommandDeclaration.of(PostSwitch.class, POST)
            .grammar(SWITCH)
            .bare(new CohortCommand.Settings())
            .usage("off|on", "stop or restart the channel's daily post")
            .lead()
            .slashPerChoice(
                POST_GROUP,
                SWITCH,
                "Lead: no daily post in this channel",
                "Lead: the daily post again")
            .handledBy((scope, c) -> posts.postSwitch(scope, c.on())));
  }

  @Override
  public Map<DeliveryKind, Composer> composers() {
    return composers.composers();
  }
}
