package io.roadmapcoach.discord;

import io.roadmapcoach.core.caller.Caller;
import io.roadmapcoach.core.caller.Upload;
import io.roadmapcoach.core.command.Coach;
import io.roadmapcoach.core.reply.Reply;
import io.roadmapcoach.core.reply.Visibility;
import io.roadmapcoach.core.time.TimeZones;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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

  SlashCommands(Coach coach, CommandSurface surface, Acknowledgements acknowledgements) {
    this.coach = coach;
    this.surface = surface;
    this.acknowledgements = acknowledgements;
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
        () -> coach.handleText(caller.get(), text, file.map(SlashCommands::upload)),
        new SlashExchange(event, surface.likelyPublic(text)),
        surface.slow(text));
  }

  /**
   * The attached file as the core takes it: read from Discord's CDN, at most {@link
   * Upload#MAX_READ} bytes (a larger file is refused by its size, which Discord reports, without
   * being fetched whole). A file that cannot be fetched goes as an empty one, which the check
   * refuses.
   */
  static Upload upload(Message.Attachment attachment) {
    long size = Math.max(0, attachment.getSize());
    if (size > Upload.MAX_READ) {
      return new Upload(attachment.getFileName(), new byte[0], size);
    }
    try (InputStream in =
        attachment.getProxy().download().get(DOWNLOAD_WAIT_SECONDS, TimeUnit.SECONDS)) {
      byte[] bytes = in.readNBytes(Upload.MAX_READ);
      return new Upload(attachment.getFileName(), bytes, Math.max(size, bytes.length));
    } catch (IOException | ExecutionException | TimeoutException e) {
      log.warn("Could not fetch an attached file from Discord: {}", e.getClass().getSimpleName());
      return new Upload(attachment.getFileName(), new byte[0], size);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Upload(attachment.getFileName(), new byte[0], size);
    }
  }

  /** How long fetching an attached file may take, inside the interaction's 15 minutes. */
  private static final int DOWNLOAD_WAIT_SECONDS = 20;

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
