package io.roadmapcoach.discord;

import io.roadmapcoach.core.reply.Attachment;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/**
 * A reply as Discord shows it: embeds, rows of buttons and at most one file. Each call of {@link
 * #create()} or {@link #edit()} builds fresh data, because a file upload is read once.
 *
 * @param content text above the embeds; empty unless the reply had nothing to show
 */
record DiscordMessage(
    String content, List<MessageEmbed> embeds, List<ActionRow> rows, Optional<Attachment> file) {

  /** The bot never pings anyone: names in replies are for reading. */
  private static final EnumSet<Message.MentionType> NO_MENTIONS =
      EnumSet.noneOf(Message.MentionType.class);

  DiscordMessage {
    embeds = List.copyOf(embeds);
    rows = List.copyOf(rows);
  }

  MessageCreateData create() {
    MessageCreateBuilder builder =
        new MessageCreateBuilder()
            .setContent(content)
            .setEmbeds(embeds)
            .setComponents(rows)
            .setAllowedMentions(NO_MENTIONS);
    file.ifPresent(f -> builder.setFiles(List.of(upload(f))));
    return builder.build();
  }

  /** An edit that replaces the whole message: embeds, buttons (none left means none shown). */
  MessageEditData edit() {
    MessageEditBuilder builder =
        new MessageEditBuilder()
            .setContent(content)
            .setEmbeds(embeds)
            .setComponents(rows)
            .setAllowedMentions(NO_MENTIONS);
    file.ifPresent(f -> builder.setFiles(List.of(upload(f))));
    return builder.build();
  }

  private static FileUpload upload(Attachment file) {
    return FileUpload.fromData(file.bytes(), file.fileName());
  }
}
