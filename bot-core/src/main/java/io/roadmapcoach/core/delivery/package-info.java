/**
 * Everything the bot sends on its own: the outbox, the worker that drains it through each
 * platform's {@link io.roadmapcoach.core.delivery.Messenger}, and the routing of each kind to the
 * feature that writes it. Uses {@code member} and the vocabulary.
 */
package io.roadmapcoach.core.delivery;
