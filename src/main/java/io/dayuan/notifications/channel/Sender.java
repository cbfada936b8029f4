package io.dayuan.notifications.channel;

import io.smallrye.mutiny.Uni;

/**
 * Sends a message over one channel. Completes when the provider accepted it; fails with a {@link SendFailure}
 * that says whether trying again can help.
 */
public interface Sender {

    Uni<Void> send(Message message);
}
