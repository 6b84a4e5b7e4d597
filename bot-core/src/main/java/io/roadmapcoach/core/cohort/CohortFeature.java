package io.roadmapcoach.core.cohort;

import io.roadmapcoach.core.cohort.CohortCommand.Home;
import io.roadmapcoach.core.cohort.CohortCommand.Leave;
import io.roadmapcoach.core.cohort.CohortCommand.Settings;
import io.roadmapcoach.core.feature.CommandDeclaration;
import io.roadmapcoach.core.feature.Feature;
import io.roadmapcoach.core.feature.Grammar;
import io.roadmapcoach.core.feature.Kinds;
import io.roadmapcoach.core.feature.Slash;
import io.roadmapcoach.core.feature.SlashOption;
import io.roadmapcoach.core.feature.Words;
import io.roadmapcoach.core.member.Scope;
import io.roadmapcoach.core.reply.Reply;
import java.util.List;
import java.util.function.Consumer;

/** A member in several channels: {@code leave}, {@code home}, and a channel's {@code settings}. */
public final class CohortFeature implements Feature {
  public static final Words LEAVE = Words.of("leave");
  public static final Words HOME = Words.of("home");
  public static final Words SETTINGS = Words.of("settings");

  private final CohortService cohorts;
  private final Consumer<Scope> afterLeave;

  /**
   * @param afterLeave what leaving owes the rest of the coach, in the same transaction (the
   *     member's study buddies there are told)
   */
  public CohortFeature(CohortService cohorts, Consumer<Scope> afterLeave) {
    this.cohorts = cohorts;
    this.afterLeave = afterLeave;
  }

  @Override
  public List<CommandDeclaration<?>> commands() {
    return List.of(
        CommandDeclaration.of(Leave.class, LEAVE)
            .none(new Leave())
            .usage("", "leave this channel's group (your progress is kept)")
            .slash(Slash.of(LEAVE, "Leave the roadmap in this channel (your progress is kept)"))
            .handledBy((scope, c) -> leave(scope)),
        CommandDeclaration.of(Home.class, HOME)
            .grammar(Grammar.optional(Kinds.CHANNEL, Home::new))
            .usage("[#channel]", "the channel your direct messages with me act in")
            .slash(
                Slash.of(
                    HOME,
                    "Choose the channel your direct messages and their buttons act in",
                    SlashOption.textChannel("channel", "Your home channel")))
            .handledBy((scope, c) -> cohorts.home(scope, c.channel())),
        CommandDeclaration.of(Settings.class, SETTINGS)
            .none(new Settings())
            .usage("", "this channel's time zone, quiz, daily post and leads")
            .slash(Slash.of(SETTINGS, "This channel's time zone, quiz, daily post and leads"))
            .handledBy((scope, c) -> cohorts.settings(scope)));
  }

  private Reply leave(Scope scope) {
    Reply reply = cohorts.leave(scope);
    afterLeave.accept(scope);
    return reply;
  }
}
