package io.roadmapcoach.discord;

import io.roadmapcoach.core.caller.Caller;
import io.roadmapcoach.core.caller.Origin;
import io.roadmapcoach.core.caller.Platform;
import io.roadmapcoach.core.command.Coach;
import io.roadmapcoach.core.reply.Reply;
import io.roadmapcoach.core.reply.Visibility;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;

/**
 * A button pressed: the core's action id goes to the coach with the presser. In a server the caller
 * is the channel's; in a direct message the button names the guild it was sent for (see {@link
 * DmButtons}) and the core finds the member's channel there. The answer replaces the message when
 * the core says so and the message was the presser's own.
 */
final class ButtonPresses extends ListenerAdapter {
  private final Coach coach;
  private final Acknowledgements acknowledgements;

  ButtonPresses(Coach coach, Acknowledgements acknowledgements) {
    this.coach = coach;
    this.acknowledgements = acknowledgements;
  }

  @Override
  public void onButtonInteraction(ButtonInteractionEvent event) {
    String componentId = event.getComponentId();
    Supplier<Reply> press;
    UnaryOperator<String> buttonIds;
    if (event.getGuild() != null) {
      Optional<Caller> caller = Callers.inGuild(event);
      if (caller.isEmpty()) {
        turnAway(event, "answer a button without a channel");
        return;
      }
      String actionId = DmButtons.actionId(componentId);
      press = () -> coach.press(caller.get(), actionId);
      buttonIds = UnaryOperator.identity();
    } else {
      Optional<DmButtons.Routed> routed = DmButtons.unwrap(componentId);
      if (routed.isEmpty()) {
        turnAway(event, "answer a button outside a server");
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
              Optional.empty(),
              Optional.empty());
      press = () -> coach.press(caller, actionId);
      buttonIds = DmButtons.forGuild(guildId);
    }
    // a shared post (a study group's daily message) is never replaced by one member's answer
    boolean privateMessage = event.getGuild() == null || event.getMessage().isEphemeral();
    acknowledgements.answer(press, new ButtonExchange(event, buttonIds, privateMessage), false);
  }

  private static void turnAway(ButtonInteractionEvent event, String what) {
    event
        .reply(DiscordRenderer.render(Replies.NOT_IN_A_SERVER).create())
        .setEphemeral(true)
        .queue(null, Acknowledgements.failure(what));
  }

  /** A button press: edits the message in place when the core says so and it is the presser's. */
  private static final class ButtonExchange extends Acknowledgements.Exchange {
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
        event
            .editMessage(message.edit())
            .queue(null, Acknowledgements.failure("update a message in place"));
      } else {
        event
            .reply(message.create())
            .setEphemeral(reply.visibility() == Visibility.CALLER)
            .queue(null, Acknowledgements.failure("answer a button"));
      }
    }

    @Override
    void defer() {
      event.deferEdit().queue(null, Acknowledgements.failure("defer a button"));
    }

    @Override
    void followUp(Reply reply) {
      DiscordMessage message = DiscordRenderer.render(reply, buttonIds);
      if (replaces(reply)) {
        event
            .getHook()
            .editOriginal(message.edit())
            .queue(null, Acknowledgements.failure("update a message in place"));
      } else {
        event
            .getHook()
            .sendMessage(message.create())
            .setEphemeral(reply.visibility() == Visibility.CALLER)
            .queue(null, Acknowledgements.failure("follow up a button"));
      }
    }
  }
}
