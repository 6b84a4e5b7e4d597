package io.roadmapcoach.discord;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import java.util.List;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.unions.IThreadContainerUnion;
import net.dv8tion.jda.api.entities.channel.unions.MessageChannelUnion;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.interactions.Interaction;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.requests.restaction.interactions.ReplyCallbackAction;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/**
 * JDA's own event types, faked with Mockito where Discord would build them: the same guild, channel
 * and member for every event.
 */
final class FakeEvents {
  private FakeEvents() {}

  /** {@code /roadmap <name>} with these options. */
  static SlashCommandInteractionEvent slash(String name, List<OptionMapping> options) {
    return slash(null, name, options);
  }

  /** {@code /roadmap <group> <name>} with these options; no group when {@code group} is null. */
  static SlashCommandInteractionEvent slash(
      String group, String name, List<OptionMapping> options) {
    SlashCommandInteractionEvent event = mock(SlashCommandInteractionEvent.class);
    when(event.getName()).thenReturn("roadmap");
    when(event.getSubcommandGroup()).thenReturn(group);
    when(event.getSubcommandName()).thenReturn(name);
    when(event.getOptions()).thenReturn(options);
    for (OptionMapping option : options) {
      when(event.getOption(option.getName())).thenReturn(option);
    }
    inGuild(event);
    return event;
  }

  static ButtonInteractionEvent button(String componentId, boolean ephemeralMessage) {
    ButtonInteractionEvent event = mock(ButtonInteractionEvent.class);
    when(event.getComponentId()).thenReturn(componentId);
    Message message = mock(Message.class);
    when(message.isEphemeral()).thenReturn(ephemeralMessage);
    when(event.getMessage()).thenReturn(message);
    inGuild(event);
    return event;
  }

  /** The same guild, channel and member for every fake event. */
  private static void inGuild(Interaction interaction) {
    Guild guild = mock(Guild.class);
    when(guild.getId()).thenReturn("G1");
    when(guild.getName()).thenReturn("ML Study Club");
    User user = mock(User.class);
    when(user.getId()).thenReturn("U1");
    when(user.getEffectiveName()).thenReturn("ana");
    Member member = mock(Member.class);
    when(member.getEffectiveName()).thenReturn("Ana B.");
    MessageChannelUnion channel = mock(MessageChannelUnion.class);
    when(channel.getName()).thenReturn("study-group");
    when(interaction.getGuild()).thenReturn(guild);
    when(interaction.getUser()).thenReturn(user);
    when(interaction.getMember()).thenReturn(member);
    when(interaction.getChannelId()).thenReturn("C1");
    if (interaction instanceof SlashCommandInteractionEvent slash) {
      when(slash.getChannel()).thenReturn(channel);
    } else if (interaction instanceof ButtonInteractionEvent button) {
      when(button.getChannel()).thenReturn(channel);
    }
  }

  /** A thread as JDA hands it to an interaction: a message channel that is a thread. */
  static MessageChannelUnion thread(IThreadContainerUnion parent) {
    MessageChannelUnion union =
        mock(MessageChannelUnion.class, withSettings().extraInterfaces(ThreadChannel.class));
    when(((ThreadChannel) union).getParentChannel()).thenReturn(parent);
    when(union.getName()).thenReturn("a thread");
    return union;
  }

  static ReplyCallbackAction replies(SlashCommandInteractionEvent event) {
    ReplyCallbackAction action = mock(ReplyCallbackAction.class);
    when(event.reply(any(MessageCreateData.class))).thenReturn(action);
    when(action.setEphemeral(anyBoolean())).thenReturn(action);
    return action;
  }

  static SlashCommandInteractionEvent withReplies(SlashCommandInteractionEvent event) {
    replies(event);
    return event;
  }

  /** The custom id of the first button of a message's first action row. */
  static String firstButtonId(MessageCreateData message) {
    return message.getComponents().getFirst().asActionRow().getButtons().getFirst().getCustomId();
  }

  /** Titles, descriptions and field values of embeds, for reading. */
  static String words(List<MessageEmbed> embeds) {
    StringBuilder out = new StringBuilder();
    for (MessageEmbed e : embeds) {
      out.append(e.getTitle()).append('\n').append(e.getDescription()).append('\n');
      e.getFields()
          .forEach(f -> out.append(f.getName()).append(": ").append(f.getValue()).append('\n'));
    }
    return out.toString();
  }
}
