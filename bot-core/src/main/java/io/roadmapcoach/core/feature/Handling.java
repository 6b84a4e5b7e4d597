package io.roadmapcoach.core.feature;

import io.roadmapcoach.core.caller.Caller;
import io.roadmapcoach.core.member.Scope;
import io.roadmapcoach.core.reply.Reply;

/**
 * How a command or a button is carried out. Most run in the member's transaction ({@link
 * InTransaction}): the coach finds or creates the member and channel, checks who may run it, and
 * hands the handler the {@link Scope}. A member's own data is answered {@link OnItsOwn}: the
 * handler gets the caller as the platform reported it, looks them up without creating them, and
 * runs its own transactions.
 */
public sealed interface Handling<T> {

  /** In one transaction with the member's and channel's rows. */
  record InTransaction<T>(ScopeHandler<T> handler) implements Handling<T> {}

  /** Outside the member's transaction, with the caller as the platform reported it. */
  record OnItsOwn<T>(CallerHandler<T> handler) implements Handling<T> {}

  @FunctionalInterface
  interface ScopeHandler<T> {
    Reply handle(Scope scope, T asked);
  }

  @FunctionalInterface
  interface CallerHandler<T> {
    Reply handle(Caller caller, T asked);
  }
}
