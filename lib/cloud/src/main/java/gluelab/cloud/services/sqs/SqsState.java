package gluelab.cloud.services.sqs;

import gluelab.cloud.provider.Scope;
import gluelab.cloud.state.Codec;
import gluelab.cloud.state.DurableMap;
import gluelab.cloud.state.StateStore;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * SQS in one account and region: queues, their messages (keyed {@code queue/sequence}, so a queue's messages are
 * one ordered range), the FIFO deduplication records and the message move tasks, each in a durable map. Every
 * change to one queue's messages is made holding that queue's monitor ({@link #lock}), which long polls wait on.
 */
final class SqsState {

    /** A FIFO deduplication id seen within the window: the message it was sent as, until {@code expires}. */
    record Deduplication(String messageId, long sequence, long expires) {
    }

    final Scope scope;
    private final DurableMap<QueueRecord> queues;
    private final DurableMap<StoredMessage> messages;
    private final DurableMap<Deduplication> deduplications;
    private final DurableMap<MoveTask> moveTasks;
    private final AtomicLong sequence = new AtomicLong();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();
    /** When each recently deleted queue was deleted (lab millis): a new one of its name waits 60 seconds. */
    private final Map<String, Long> deleted = new ConcurrentHashMap<>();

    SqsState(Scope scope, StateStore store, long now) {
        this.scope = scope;
        this.queues = store.map(scope.mapName(SqsProvider.SERVICE, "queues"), Codec.of(QueueRecord.class));
        this.messages = store.map(scope.mapName(SqsProvider.SERVICE, "messages"), Codec.of(StoredMessage.class));
        this.deduplications = store.map(scope.mapName(SqsProvider.SERVICE, "deduplications"),
                Codec.of(Deduplication.class));
        this.moveTasks = store.map(scope.mapName(SqsProvider.SERVICE, "move-tasks"), Codec.of(MoveTask.class));
        long highest = messages.values().stream().mapToLong(StoredMessage::sequence).max().orElse(0);
        // Sequence numbers stay increasing across restarts, and across a lab clock that went back.
        sequence.set(Math.max(highest, now * 1000));
    }

    static String messageKey(String queue, long sequence) {
        return queue + "/" + String.format("%020d", sequence);
    }

    long nextSequence() {
        return sequence.incrementAndGet();
    }

    Object lock(String queue) {
        return locks.computeIfAbsent(queue, name -> new Object());
    }

    // ---- queues ----------------------------------------------------------------------------------------

    Optional<QueueRecord> find(String name) {
        return queues.find(name);
    }

    QueueRecord require(String name) {
        return queues.find(name).orElseThrow(SqsErrors::queueDoesNotExist);
    }

    Collection<QueueRecord> queues() {
        return queues.values();
    }

    void putQueue(QueueRecord queue) {
        queues.put(queue.name(), queue);
    }

    Long deletedAt(String name) {
        return deleted.get(name);
    }

    void deleteQueue(String name, long now) {
        synchronized (lock(name)) {
            queues.remove(name);
            for (StoredMessage message : List.copyOf(messages(name))) {
                messages.remove(messageKey(name, message.sequence()));
            }
            for (String key : List.copyOf(deduplications.view().subMap(name + "/", name + "/\uffff").keySet())) {
                deduplications.remove(key);
            }
            deleted.put(name, now);
            lock(name).notifyAll();
        }
    }

    // ---- messages (callers hold the queue's lock) ----------------------------------------------------------

    /** The queue's messages in the order they were sent. */
    Collection<StoredMessage> messages(String queue) {
        return messages.view().subMap(queue + "/", queue + "/\uffff").values();
    }

    Optional<StoredMessage> message(String queue, long sequence) {
        return messages.find(messageKey(queue, sequence));
    }

    void putMessage(StoredMessage message) {
        messages.put(messageKey(message.queue(), message.sequence()), message);
    }

    void removeMessage(StoredMessage message) {
        messages.remove(messageKey(message.queue(), message.sequence()));
    }

    Optional<Deduplication> deduplication(String key, long now) {
        return deduplications.find(key).filter(seen -> seen.expires() > now);
    }

    void putDeduplication(String key, Deduplication seen) {
        deduplications.put(key, seen);
    }

    /** Drops the deduplication records whose window has passed. */
    void expireDeduplications(String queue, long now) {
        for (var entry : List.copyOf(deduplications.view().subMap(queue + "/", queue + "/\uffff").entrySet())) {
            if (entry.getValue().expires() <= now) {
                deduplications.remove(entry.getKey());
            }
        }
    }

    // ---- message move tasks ------------------------------------------------------------------------------

    Collection<MoveTask> moveTasks() {
        return moveTasks.values();
    }

    void putMoveTask(MoveTask task) {
        moveTasks.put(task.taskHandle(), task);
    }

    int reset(String prefix, long now) {
        int removed = 0;
        for (QueueRecord queue : List.copyOf(queues.values())) {
            if (prefix == null || queue.name().startsWith(prefix)) {
                deleteQueue(queue.name(), now);
                deleted.remove(queue.name());
                removed++;
            }
        }
        return removed;
    }
}
