package io.roadmapcoach.core.feature;

import io.roadmapcoach.core.action.Action;
import io.roadmapcoach.core.caller.Caller;
import io.roadmapcoach.core.member.Scope;
import io.roadmapcoach.core.reply.Reply;

/**
 * What a pressed button does, declared with the feature that puts the button on its replies: the
 * {@link Action} it carries and its handler. Who may press is checked by the handler.
 */
public record ButtonDeclaration<A extends Action>(Class<A> type, Handling<A> handling) {

  /** Handled in the member's transaction. */
  public static <A extends Action> ButtonDeclaration<A> of(
      Class<A> type, Handling.ScopeHandler<A> handler) {
    return new ButtonDeclaration<>(type, new Handling.InTransaction<>(handler));
  }

  /** Handled on its own, with the caller as the platform reported it. */
  public static <A extends Action> ButtonDeclaration<A> onItsOwn(
      Class<A> type, Handling.CallerHandler<A> handler) {
    return new ButtonDeclaration<>(type, new Handling.OnItsOwn<>(handler));
  }

  public Reply handle(Scope scope, Action action) {
    return ((Handling.InTransaction<A>) handling).handler().handle(scope, type.cast(action));
  }

  public Reply handle(Caller caller, Action action) {
    return ((Handling.OnItsOwn<A>) handling).handler().handle(caller, type.cast(action));
  }
}
