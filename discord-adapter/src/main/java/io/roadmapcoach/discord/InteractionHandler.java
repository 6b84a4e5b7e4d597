package io.roadmapcoach.discord;

import io.roadmapcoach.core.caller.Caller;
import io.roadmapcoach.core.caller.Origin;
import io.roadmapcoach.core.caller.Platform;
import io.roadmapcoach.core.command.Coach;
import io.roadmapcoach.core.member.Workspaces;
import io.roadmapcoach.core.reply.Apologies;
import io.roadmapcoach.core.reply.Reply;
import io.roadmapcoach.core.reply.Text;
import io.roadmapcoach.core.reply.Visibility;
import io.roadmapcoach.core.time.TimeZones;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import net.dv8tion.jda.api.events.guild.GuildJoinEvent;
import net.dv8tion.jda.api.events.guild.GuildLeaveEvent;
import net.dv8tion.jda.api.events.guild.GuildReadyEvent;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.commands.Command;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Discord events in, core calls out. Slash commands and button presses run on the work executor,
 * never on JDA's gateway thread; when the core has not answered within {@code deferAfter} the
 * interaction is deferred (Discord wants a first response within 3 s) and finished through its
 * hook. Work known to be slow (a team file) is deferred at once.
 */
final class InteractionHandler extends ListenerAdapter {
  private static final Logger log = LoggerFactory.getLogger(InteractionHandler.class);

  /** Discord's limit on autocomplete choices. */
  static final int CHOICES_MAX = 25;

  static final Reply NOT_IN_A_SERVER =
      Reply.text(
          Text.of("Use ")
              .code("/roadmap")
              .plain(" in a channel of your server: your progress lives there."));

  static final Reply FAILED = Apologies.somethingWentWrong();

  private final Coach coach;
  private final CommandSurface surface;
  private final Workspaces workspaces;
  private final CommandRegistrar commands;
  private final Executor work;
  private final ScheduledExecutorService timer;
  private final Duration deferAfter;

  InteractionHandler(
      Coach coach,
      CommandSurface surface,
      Workspaces workspaces,
      CommandRegistrar commands,
      Executor work,
      ScheduledExecutorService timer,
      Duration deferAfter) {
    this.coach = coach;
    this.surface = surface;
    this.workspaces = workspaces;
    this.commands = commands;
    this.work = work;
    this.timer = timer;
    this.deferAfter = deferAfter;
  }

  // ---- commands ----

  @Override
  public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
    if (!CommandSurface.COMMAND.equals(event.getName())) {
      return;
    }
    Optional<Caller> caller = Callers.inGuild(event);
    if (caller.isEmpty()) {
      event
          .reply(DiscordRenderer.render(NOT_IN_A_SERVER).create())
          .setEphemeral(true)
          .queue(null, failure("answer a command outside a server"));
      return;
    }
    String group = event.getSubcommandGroup();
    String name = event.getSubcommandName();
    String text = surface.text(group, name, event.getOptions());
    boolean slow = CommandSurface.slow(group, name, event::getOption);
    boolean likelyPublic = CommandSurface.likelyPublic(group, name, event::getOption);
    log.debug(
        "/roadmap {} from {} in guild {}", text, caller.get().userId(), caller.get().workspaceId());
    run(() -> coach.handleText(caller.get(), text), new SlashExchange(event, likelyPublic), slow);
  }

  /** A slash command: answered with a new message, ephemeral when the core says so. */
  private static final class SlashExchange extends Exchange {
    private final SlashCommandInteractionEvent event;
    private final boolean likelyPublic;

    SlashExchange(SlashCommandInteractionEvent event, boolean likelyPublic) {
      this.event = event;
      this.likelyPublic = likelyPublic;
    }

    @Override
    void answer(Reply reply) {
      event
          .reply(DiscordRenderer.render(reply).create())
          .setEphemeral(reply.visibility() == Visibility.CALLER)
          .queue(null, failure("answer /roadmap"));
    }

    @Override
    void defer() {
      // the deferral decides who sees the answer; the core decides later, so this is a guess
      event.deferReply(!likelyPublic).queue(null, failure("defer /roadmap"));
    }

    @Override
    void followUp(Reply reply) {
      event
          .getHook()
          .editOriginal(DiscordRenderer.render(reply).edit())
          .queue(null, failure("finish a deferred /roadmap"));
    }
  }

  // ---- buttons ----

  @Override
  public void onButtonInteraction(ButtonInteractionEvent event) {
    String componentId = event.getComponentId();
    Supplier<Reply> press;
    UnaryOperator<String> buttonIds;
    if (event.getGuild() != null) {
      Optional<Caller> caller = Callers.inGuild(event);
      if (caller.isEmpty()) {
        event
            .reply(DiscordRenderer.render(NOT_IN_A_SERVER).create())
            .setEphemeral(true)
            .queue(null, failure("answer a button without a channel"));
        return;
      }
      String actionId = DmButtons.actionId(componentId);
      press = () -> coach.press(caller.get(), actionId);
      buttonIds = UnaryOperator.identity();
    } else {
      Optional<DmButtons.Routed> routed = DmButtons.unwrap(componentId);
      if (routed.isEmpty()) {
        event
            .reply(DiscordRenderer.render(NOT_IN_A_SERVER).create())
            .setEphemeral(true)
            .queue(null, failure("answer a button outside a server"));
        return;
      }
      String guildId = routed.get().guildId();
      String actionId = routed.get().actionId();
      Caller caller =
          new Caller(
              Platform.DISCORD,
              guildId,
              null,
              Origin.directMessage(),
              event.getUser().getId(),
              event.getUser().getEffectiveName(),
              false,
              Optional.empty());
      press = () -> coach.press(caller, actionId);
      buttonIds = DmButtons.forGuild(guildId);
    }
    // a shared post (a study group's daily message) is never replaced by one member's answer
    boolean privateMessage = event.getGuild() == null || event.getMessage().isEphemeral();
    run(press, new ButtonExchange(event, buttonIds, privateMessage), false);
  }

  /** A button press: edits the message in place when the core says so and it is the presser's. */
  private static final class ButtonExchange extends Exchange {
    private final ButtonInteractionEvent event;
    private final UnaryOperator<String> buttonIds;
    private final boolean privateMessage;

    ButtonExchange(
        ButtonInteractionEvent event, UnaryOperator<String> buttonIds, boolean privateMessage) {
      this.event = event;
      this.buttonIds = buttonIds;
      this.privateMessage = privateMessage;
    }

    private boolean replaces(Reply reply) {
      return reply.replacesOriginal() && privateMessage;
    }

    @Override
    void answer(Reply reply) {
      DiscordMessage message = DiscordRenderer.render(reply, buttonIds);
      if (replaces(reply)) {
        event.editMessage(message.edit()).queue(null, failure("update a message in place"));
      } else {
        event
            .reply(message.create())
            .setEphemeral(reply.visibility() == Visibility.CALLER)
            .queue(null, failure("answer a button"));
      }
    }

    @Override
    void defer() {
      event.deferEdit().queue(null, failure("defer a button"));
    }

    @Override
    void followUp(Reply reply) {
      DiscordMessage message = DiscordRenderer.render(reply, buttonIds);
      if (replaces(reply)) {
        event
            .getHook()
            .editOriginal(message.edit())
            .queue(null, failure("update a message in place"));
      } else {
        event
            .getHook()
            .sendMessage(message.create())
            .setEphemeral(reply.visibility() == Visibility.CALLER)
            .queue(null, failure("follow up a button"));
      }
    }
  }

  // ---- autocomplete ----

  @Override
  public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent event) {
    if (!CommandSurface.COMMAND.equals(event.getName())) {
      return;
    }
    List<Command.Choice> choices =
        CommandSurface.ZONE.equals(event.getFocusedOption().getName())
            ? zoneChoices(event.getFocusedOption().getValue())
            : List.of();
    event.replyChoices(choices).queue(null, failure("suggest time zones"));
  }

  static List<Command.Choice> zoneChoices(String typed) {
    return TimeZones.matching(typed == null ? "" : typed, CHOICES_MAX).stream()
        .map(id -> new Command.Choice(id, id))
        .toList();
  }

  // ---- guilds ----

  @Override
  public void onReady(ReadyEvent event) {
    commands.ready(event.getJDA());
  }

  @Override
  public void onGuildReady(GuildReadyEvent event) {
    commands.guildAvailable(event.getGuild());
  }

  @Override
  public void onGuildJoin(GuildJoinEvent event) {
    log.info("Joined guild {} ({})", event.getGuild().getId(), event.getGuild().getName());
    commands.guildAvailable(event.getGuild());
  }

  @Override
  public void onGuildLeave(GuildLeaveEvent event) {
    String guildId = event.getGuild().getId();
    log.info("Left guild {}: its deliveries stop", guildId);
    work.execute(
        () -> {
          try {
            workspaces.stopDeliveries(Platform.DISCORD, guildId);
          } catch (RuntimeException e) {
            log.error("Could not stop deliveries to guild {}", guildId, e);
          }
        });
  }

  // ---- answering in time ----

  /**
   * Runs the core's work off the gateway thread and answers with whichever comes first: the reply,
   * or the deferral when {@code deferAfter} passes (or at once when {@code slow}).
   */
  private void run(Supplier<Reply> core, Exchange exchange, boolean slow) {
    if (slow) {
      exchange.deferIfOpen();
    }
    try {
      CompletableFuture.supplyAsync(core, work)
          .whenComplete(
              (reply, error) -> {
                if (error != null) {
                  log.error("A Discord interaction failed in the core", error);
                }
                exchange.complete(error == null ? reply : FAILED);
              });
    } catch (RejectedExecutionException e) {
      exchange.complete(FAILED);
      return;
    }
    if (!slow) {
      try {
        timer.schedule(exchange::deferIfOpen, deferAfter.toMillis(), TimeUnit.MILLISECONDS);
      } catch (RejectedExecutionException e) {
        log.debug("Shutting down: no deferral scheduled");
      }
    }
  }

  /**
   * One interaction's first response: either the answer itself, or a deferral followed by the
   * answer through the hook. Whichever of the answer and the deferral timer comes first wins.
   */
  abstract static class Exchange {
    private boolean deferred;
    private boolean answered;

    /** Defers unless answered; queued under the lock, so a follow-up always comes after it. */
    final synchronized void deferIfOpen() {
      if (answered || deferred) {
        return;
      }
      deferred = true;
      defer();
    }

    final void complete(Reply reply) {
      boolean late;
      synchronized (this) {
        if (answered) {
          return;
        }
        answered = true;
        late = deferred;
      }
      if (late) {
        followUp(reply);
      } else {
        answer(reply);
      }
    }

    abstract void answer(Reply reply);

    abstract void defer();

    abstract void followUp(Reply reply);
  }

  private static Consumer<Throwable> failure(String what) {
    return error -> log.warn("Could not {} on Discord: {}", what, error.getMessage());
  }
}
