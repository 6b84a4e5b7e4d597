package io.roadmapcoach.discord;

import static io.roadmapcoach.discord.CommandSurfaceTest.user;
import static org.assertj.core.api.Assertions.assertThat;

import io.roadmapcoach.core.Core;
import io.roadmapcoach.core.caller.Caller;
import io.roadmapcoach.core.caller.MemberRef;
import io.roadmapcoach.core.caller.Origin;
import io.roadmapcoach.core.caller.Platform;
import io.roadmapcoach.core.command.Commands;
import io.roadmapcoach.core.command.Input;
import io.roadmapcoach.core.feature.Command;
import io.roadmapcoach.core.feature.CommandDeclaration;
import io.roadmapcoach.core.feature.Feature;
import io.roadmapcoach.core.feature.Grammar;
import io.roadmapcoach.core.feature.Kinds;
import io.roadmapcoach.core.feature.Slash;
import io.roadmapcoach.core.feature.SlashOption;
import io.roadmapcoach.core.feature.Words;
import io.roadmapcoach.core.quiz.QuizBank;
import io.roadmapcoach.core.quiz.QuizBankLoader;
import io.roadmapcoach.core.reply.Reply;
import io.roadmapcoach.core.roadmap.Roadmap;
import io.roadmapcoach.core.roadmap.RoadmapLoader;
import io.roadmapcoach.core.roadmap.RoadmapSource;
import io.roadmapcoach.db.testing.PostgresExtension;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * How a command is added, followed to the letter by a feature that exists in this test only: its
 * one declaration, registered with the core, is all it takes to be in help, parsed (with its
 * refusals and "did you mean"), run in the member's transaction, and registered on Discord.
 *
 * <ol>
 *   <li>the feature's commands: a sealed interface of records extending {@link Command};
 *   <li>its words, once: a {@link Words} constant;
 *   <li>one {@link CommandDeclaration}: grammar, help line, who may run it, Discord subcommand,
 *       handler;
 *   <li>the feature returns it from {@link Feature#commands()};
 *   <li>the feature is listed where the core is assembled ({@code Features}; here {@code
 *       Core.Builder.feature}).
 * </ol>
 */
@ExtendWith(PostgresExtension.class)
class AddingACommandTest {
  private static final Roadmap ROADMAP = new RoadmapLoader().load(RoadmapSource.builtIn());
  private static final QuizBank BANK = new QuizBankLoader().load(RoadmapSource.builtIn(), ROADMAP);

  /** 1. The feature's commands. */
  sealed interface GreetingCommand extends Command {
    record Wave(Optional<MemberRef> to) implements GreetingCommand {}
  }

  /** The feature: waving to the channel, or to a member. */
  static final class Greetings implements Feature {
    /** 2. Its words. */
    static final Words WAVE = Words.of("wave");

    /** 3 and 4. Its one declaration. */
    @Override
    public List<CommandDeclaration<?>> commands() {
      return List.of(
          CommandDeclaration.of(GreetingCommand.Wave.class, WAVE)
              .grammar(Grammar.optional(Kinds.MEMBER, GreetingCommand.Wave::new))
              .usage("[@member]", "wave to the channel, or to a member")
              .slash(
                  Slash.of(
                      WAVE,
                      "Wave to the channel, or to a member",
                      SlashOption.optionalMember("Who to wave to")))
              .handledBy(
                  (scope, wave) ->
                      Reply.text(
                          "👋 "
                              + scope.member().displayName()
                              + " waves"
                              + wave.to().map(m -> " to " + m.shown()).orElse("")
                              + ".")));
    }
  }

  @Test
  void aFeatureWithOneDeclarationIsInHelpParsedRunAndOnDiscord(DSLContext dsl) {
    // 5. listed with the core's features
    Core core = Core.builder(dsl, ROADMAP, BANK).feature(new Greetings()).build();
    Commands commands = core.coach().commands();

    assertThat(commands.help().plainText())
        .contains("/roadmap wave [@member]  wave to the channel, or to a member");

    assertThat(commands.parse("wave <@42>"))
        .isEqualTo(
            new GreetingCommand.Wave(
                Optional.of(new MemberRef(Optional.of("42"), Optional.empty()))));
    assertThat(((Input.Invalid) commands.parse("wave to everyone")).message().plainText())
        .isEqualTo("That is not how /roadmap wave goes; name the member: /roadmap wave @ana.");
    assertThat(commands.parse("wvae")).isEqualTo(new Input.Unknown("wvae", Optional.of("wave")));
    Caller ana =
        new Caller(
            Platform.DISCORD,
            "g1",
            "Guild",
            Origin.channel("c1", "general"),
            "u1",
            "ana",
            false,
            Optional.empty(),
            Optional.empty());
    assertThat(core.coach().handleText(ana, "wave").plainText()).isEqualTo("👋 ana waves.\n");

    CommandSurface surface = new CommandSurface(commands);
    DataArray registered = surface.command().toData().getArray("options");
    DataObject wave = registered.getObject(registered.length() - 1);
    assertThat(wave.getString("name")).isEqualTo("wave");
    assertThat(wave.getString("description")).isEqualTo("Wave to the channel, or to a member");
    assertThat(wave.getArray("options").getObject(0).getInt("type")).isEqualTo(6); // a member
    assertThat(surface.text(null, "wave", List.of(user("member", "42")))).isEqualTo("wave <@42>");
  }
}
