package io.roadmapcoach.discord;

import io.roadmapcoach.core.caller.Caller;
import io.roadmapcoach.core.caller.Upload;
import io.roadmapcoach.core.command.Coach;
import io.roadmapcoach.core.reply.Reply;
import io.roadmapcoach.core.reply.Visibility;
import io.roadmapcoach.core.time.TimeZones;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /roadmap ...}: the filled-in command becomes the core's text (see {@link CommandSurface})
 * and its answer a new message, ephemeral when the core says so. Time zones are autocompleted.
 */
final class SlashCommands extends ListenerAdapter {
  private static final Logger log = LoggerFactory.getLogger(SlashCommands.class);

  /** Discord's limit on autocomplete choices. */
  static final int CHOICES_MAX = 25;

  private final Coach coach;
  private final CommandSurface surface;
  private final Acknowledgements acknowledgements;
  private final AttachmentFetch fetch;

  SlashCommands(
      Coach coach,
      CommandSurface surface,
      Acknowledgements acknowledgements,
      AttachmentFetch fetch) {
    this.coach = coach;
    this.surface = surface;
    this.acknowledgements = acknowledgements;
    this.fetch = fetch;
  }

  @Override
  public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
    if (!CommandSurface.COMMAND.equals(event.getName())) {
      return;
    }
    Optional<Caller> caller = Callers.inGuild(event);
    if (caller.isEmpty()) {
      event
          .reply(DiscordRenderer.render(Replies.NOT_IN_A_SERVER).create())
          .setEphemeral(true)
          .queue(null, Acknowledgements.failure("answer a command outside a server"));
      return;
    }
    Optional<String> usage =
        surface.usageWhenUnreadable(
            event.getSubcommandGroup(), event.getSubcommandName(), event.getOptions());
    if (usage.isPresent()) {
      event
          .reply(DiscordRenderer.render(Replies.fillIn(usage.get())).create())
          .setEphemeral(true)
          .queue(null, Acknowledgements.failure("answer a command with an unreadable option"));
      return;
    }
    String text =
        surface.text(event.getSubcommandGroup(), event.getSubcommandName(), event.getOptions());
    log.debug(
        "/roadmap {} from {} in guild {}", text, caller.get().userId(), caller.get().workspaceId());
    Optional<Message.Attachment> file =
        event.getOptions().stream()
            .filter(o -> o.getType() == OptionType.ATTACHMENT)
            .findFirst()
            .map(OptionMapping::getAsAttachment);
    acknowledgements.answer(
        () -> answer(caller.get(), text, file),
        new SlashExchange(event, surface.likelyPublic(text)),
        surface.slow(text));
  }

  /**
   * The core's answer to the command and the file attached to it, fetched first; a file that could
   * not be fetched is answered here, without asking the core, so nothing is checked or stored.
   */
  private Reply answer(Caller caller, String text, Optional<Message.Attachment> attached) {
    if (attached.isEmpty()) {
      return coach.handleText(caller, text, Optional.empty());
    }
    Message.Attachment file = attached.get();
    Optional<Upload> upload = fetch.fetch(file.getFileName(), file.getUrl(), file.getSize());
    if (upload.isEmpty()) {
      return Replies.couldNotFetch(file.getFileName());
    }
    return coach.handleText(caller, text, upload);
  }

  /** A slash command: answered with a new message, ephemeral when the core says so. */
  private static final class SlashExchange extends Acknowledgements.Exchange {
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
          .queue(null, Acknowledgements.failure("answer /roadmap"));
    }

    @Override
    void defer() {
      // the deferral decides who sees the answer; the core decides later, so this is a guess
      event.deferReply(!likelyPublic).queue(null, Acknowledgements.failure("defer /roadmap"));
    }

    @Override
    void followUp(Reply reply) {
      event
          .getHook()
          .editOriginal(DiscordRenderer.render(reply).edit())
          .queue(null, Acknowledgements.failure("finish a deferred /roadmap"));
    }
  }

  // ---- autocomplete ----

  @Override
  public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent event) {
    if (!CommandSurface.COMMAND.equals(event.getName())) {
      return;
    }
    List<Command.Choice> choices =
        surface.suggestsZones(event.getFocusedOption().getName())
            ? zoneChoices(event.getFocusedOption().getValue())
            : List.of();
    event.replyChoices(choices).queue(null, Acknowledgements.failure("suggest time zones"));
  }

  static List<Command.Choice> zoneChoices(String typed) {
    return TimeZones.matching(typed == null ? "" : typed, CHOICES_MAX).stream()
        .map(id -> new Command.Choice(id, id))
        .toList();
  }
}
