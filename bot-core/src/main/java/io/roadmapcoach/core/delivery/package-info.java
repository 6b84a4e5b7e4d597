/**
 * Everything the bot sends on its own: the outbox (this package alone touches its table; features
 * enqueue through {@link io.roadmapcoach.core.delivery.OutboxRepository}), the worker that drains
 * it through each platform's {@link io.roadmapcoach.core.delivery.Messenger}, and the {@link
 * io.roadmapcoach.core.delivery.Composer} port by which each feature words its kinds of delivery.
 */
package io.roadmapcoach.core.delivery;
