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
 * @param pinged the users the reply mentions on purpose (a daily post's list of members whose nudge
 *     it is): Discord notifies only for mentions in the content, and only those allowed
 */
record DiscordMessage(
    String content,
    List<MessageEmbed> embeds,
    List<ActionRow> rows,
    Optional<Attachment> file,
    List<String> pinged) {

  /** Names in replies are for reading: the bot pings nobody but those a reply mentions. */
  private static final EnumSet<Message.MentionType> NO_MENTIONS =
      EnumSet.noneOf(Message.MentionType.class);

  DiscordMessage {
    embeds = List.copyOf(embeds);
    rows = List.copyOf(rows);
    pinged = List.copyOf(pinged);
  }

  DiscordMessage(
      String content, List<MessageEmbed> embeds, List<ActionRow> rows, Optional<Attachment> file) {
    this(content, embeds, rows, file, List.of());
  }

  private String contentWithPings() {
    if (pinged.isEmpty()) {
      return content;
    }
    String pings = String.join(" ", pinged.stream().map(id -> "<@" + id + ">").toList());
    return content.isEmpty() || content.equals("…") ? pings : content + "\n" + pings;
  }

  MessageCreateData create() {
    MessageCreateBuilder builder =
        new MessageCreateBuilder()
            .setContent(contentWithPings())
            .setEmbeds(embeds)
            .setComponents(rows)
            .setAllowedMentions(NO_MENTIONS)
            .mentionUsers(pinged);
    file.ifPresent(f -> builder.setFiles(List.of(upload(f))));
    return builder.build();
  }

  /** An edit that replaces the whole message: embeds, buttons (none left means none shown). */
  MessageEditData edit() {
    MessageEditBuilder builder =
        new MessageEditBuilder()
            .setContent(contentWithPings())
            .setEmbeds(embeds)
            .setComponents(rows)
            .setAllowedMentions(NO_MENTIONS)
            .mentionUsers(pinged);
    file.ifPresent(f -> builder.setFiles(List.of(upload(f))));
    return builder.build();
  }

  private static FileUpload upload(Attachment file) {
    return FileUpload.fromData(file.bytes(), file.fileName());
  }
}
