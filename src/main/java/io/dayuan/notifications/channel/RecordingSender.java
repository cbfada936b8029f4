package io.dayuan.notifications.channel;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.smallrye.mutiny.Uni;

/**
 * Sends nothing: remembers every message, so that dev mode shows what would have gone out and tests can assert
 * it. A test can make an address fail, to see retries and parking.
 */
public class RecordingSender implements Sender {

    private final List<Message> sent = new CopyOnWriteArrayList<>();
    private final Map<String, SendFailure.Kind> failing = new ConcurrentHashMap<>();

    @Override
    public Uni<Void> send(Message message) {
        SendFailure.Kind failure = failing.get(message.address());
        if (failure != null) {
            return Uni.createFrom().failure(new SendFailure(failure, "recorded failure for this address"));
        }
        sent.add(message);
        return Uni.createFrom().voidItem();
    }

    public List<Message> sent() {
        return List.copyOf(sent);
    }

    public List<Message> sentTo(String address) {
        return sent.stream().filter(message -> address.equals(message.address())).toList();
    }

    public void failFor(String address, SendFailure.Kind kind) {
        failing.put(address, kind);
    }

    public void succeedFor(String address) {
        failing.remove(address);
    }
}
