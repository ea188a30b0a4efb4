package gluelab.cloud.services.sqs;

import gluelab.cloud.provider.Arn;
import gluelab.cloud.services.sqs.StoredMessage.StoredAttribute;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.LongSupplier;

/**
 * The life of messages in their queues, on the lab clock: sending (delays, FIFO deduplication), receiving
 * (visibility timeouts, FIFO message groups blocked while one of theirs is in flight, redrive to the dead-letter
 * queue once a message has been received {@code maxReceiveCount} times, retention), deleting, changing visibility,
 * purging and moving messages back out of a dead-letter queue. Each queue's changes are made under its lock, which
 * long polls wait on.
 */
final class MessageStore {

    /** FIFO deduplication ids are remembered this long after the first send, even once the message is deleted. */
    static final long DEDUPLICATION_WINDOW_MILLIS = 5 * 60_000;
    /** How often a long poll looks again for messages that became visible by the clock rather than by a send. */
    private static final long POLL_INTERVAL_MILLIS = 100;

    /** A message to send, validated. */
    record Outgoing(String body, Map<String, StoredAttribute> attributes, Integer delaySeconds, String groupId,
                    String deduplicationId, String traceHeader, String senderId) {
    }

    /** What a send answers: the message's id and, on a FIFO queue, its sequence number. */
    record Sent(String messageId, String sequenceNumber, String md5OfBody, String md5OfAttributes) {
    }

    record Counts(int visible, int inFlight, int delayed) {
    }

    Sent send(SqsState state, QueueRecord queue, Outgoing message, long now) {
        String md5OfBody = MessageDigests.md5OfBody(message.body());
        String md5OfAttributes = MessageDigests.md5OfAttributes(message.attributes());
        synchronized (state.lock(queue.name())) {
            String deduplicationKey = null;
            if (queue.fifo()) {
                String id = message.deduplicationId();
                deduplicationKey = queue.name() + "/"
                        + ("messageGroup".equals(queue.attributes().get("DeduplicationScope"))
                        ? message.groupId() + "/" : "") + id;
                var seen = state.deduplication(deduplicationKey, now);
                if (seen.isPresent()) {
                    return new Sent(seen.get().messageId(), sequenceNumber(seen.get().sequence()), md5OfBody,
                            md5OfAttributes);
                }
            }
            long sequence = state.nextSequence();
            int delay = message.delaySeconds() != null ? message.delaySeconds() : queue.intAttribute("DelaySeconds");
            String messageId = UUID.randomUUID().toString();
            state.putMessage(new StoredMessage(queue.name(), sequence, messageId, message.body(),
                    message.attributes(), md5OfBody, md5OfAttributes, message.senderId(), message.groupId(),
                    message.deduplicationId(), message.traceHeader(), now, now, now + delay * 1000L, 0, 0, null,
                    null));
            if (deduplicationKey != null) {
                state.expireDeduplications(queue.name(), now);
                state.putDeduplication(deduplicationKey, new SqsState.Deduplication(messageId, sequence,
                        now + DEDUPLICATION_WINDOW_MILLIS));
            }
            state.lock(queue.name()).notifyAll();
            return new Sent(messageId, queue.fifo() ? sequenceNumber(sequence) : null, md5OfBody, md5OfAttributes);
        }
    }

    static String sequenceNumber(long sequence) {
        return String.format("%020d", sequence);
    }

    /**
     * Up to {@code max} messages, made invisible for {@code visibilitySeconds}; when there are none, waits up to
     * {@code waitMillis} of wall-clock time for one, answering as soon as one can be received.
     */
    List<StoredMessage> receive(SqsState state, String queueName, int max, Integer visibilitySeconds,
                                long waitMillis, LongSupplier clock) {
        long deadline = System.nanoTime() + waitMillis * 1_000_000;
        Object lock = state.lock(queueName);
        synchronized (lock) {
            while (true) {
                QueueRecord queue = state.require(queueName);
                long now = clock.getAsLong();
                int timeout = visibilitySeconds != null ? visibilitySeconds : queue.intAttribute("VisibilityTimeout");
                List<StoredMessage> received = take(state, queue, max, timeout, now);
                long remaining = (deadline - System.nanoTime()) / 1_000_000;
                if (!received.isEmpty() || remaining <= 0) {
                    return received;
                }
                try {
                    lock.wait(Math.min(remaining, POLL_INTERVAL_MILLIS));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return received;
                }
            }
        }
    }

    private List<StoredMessage> take(SqsState state, QueueRecord queue, int max, int timeout, long now) {
        QueueAttributes.Redrive redrive = QueueAttributes.Redrive.of(queue);
        long retention = queue.intAttribute("MessageRetentionPeriod") * 1000L;
        Set<String> blockedGroups = new HashSet<>();
        List<StoredMessage> taken = new ArrayList<>();
        for (StoredMessage message : List.copyOf(state.messages(queue.name()))) {
            if (taken.size() >= max) {
                break;
            }
            if (now >= message.enqueued() + retention) {
                state.removeMessage(message);
                continue;
            }
            boolean available = message.visibleAt() <= now;
            if (queue.fifo() && (blockedGroups.contains(message.groupId()) || !available)) {
                // A group's messages are received in order: one not available holds back the rest of its group.
                blockedGroups.add(message.groupId());
                continue;
            }
            if (!available) {
                continue;
            }
            if (redrive != null && message.receiveCount() >= redrive.maxReceiveCount()
                    && moveToDeadLetterQueue(state, queue, message, redrive, now)) {
                continue;
            }
            StoredMessage received = message.received(now, now + timeout * 1000L, receipt(message));
            state.putMessage(received);
            taken.add(received);
        }
        return taken;
    }

    private boolean moveToDeadLetterQueue(SqsState state, QueueRecord queue, StoredMessage message,
                                          QueueAttributes.Redrive redrive, long now) {
        String target = redrive.queueName();
        if (state.find(target).isEmpty()) {
            return false;
        }
        state.removeMessage(message);
        state.putMessage(message.movedTo(target, state.nextSequence(), now,
                QueueUrls.arn(state.scope, queue.name()).toString()));
        return true;
    }

    /** A receipt handle names the message and this receive of it. */
    private static String receipt(StoredMessage message) {
        String text = message.queue() + "\n" + message.sequence() + "\n" + UUID.randomUUID();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The message a receipt handle of {@code queue} names: its sequence, or an error for a malformed handle. */
    private static long sequenceOf(String queue, String receipt) {
        if (receipt == null || receipt.isEmpty()) {
            throw SqsErrors.missingParameter("ReceiptHandle");
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(receipt), StandardCharsets.UTF_8).split("\n");
            if (parts.length == 3 && parts[0].equals(queue)) {
                return Long.parseLong(parts[1]);
            }
        } catch (IllegalArgumentException e) {
            // not a handle Lab Cloud gave out
        }
        throw SqsErrors.receiptHandleIsInvalid(receipt);
    }

    /** Deletes the message; one already gone (deleted, purged, moved) is no error, as on AWS. */
    void delete(SqsState state, String queue, String receipt) {
        long sequence = sequenceOf(queue, receipt);
        synchronized (state.lock(queue)) {
            state.message(queue, sequence).ifPresent(state::removeMessage);
        }
    }

    void changeVisibility(SqsState state, String queue, String receipt, int timeoutSeconds, long now) {
        long sequence = sequenceOf(queue, receipt);
        synchronized (state.lock(queue)) {
            StoredMessage message = state.message(queue, sequence)
                    .filter(m -> m.inFlight(now) && receipt.equals(m.receipt()))
                    .orElseThrow(SqsErrors::messageNotInflight);
            state.putMessage(message.visibleAt(now + timeoutSeconds * 1000L));
            state.lock(queue).notifyAll();
        }
    }

    /** Deletes the messages sent before the purge. */
    void purge(SqsState state, String queue, long now) {
        synchronized (state.lock(queue)) {
            for (StoredMessage message : List.copyOf(state.messages(queue))) {
                if (message.sent() <= now) {
                    state.removeMessage(message);
                }
            }
        }
    }

    Counts counts(SqsState state, QueueRecord queue, long now) {
        int visible = 0;
        int inFlight = 0;
        int delayed = 0;
        for (StoredMessage message : state.messages(queue.name())) {
            if (message.inFlight(now)) {
                inFlight++;
            } else if (message.visibleAt() > now) {
                delayed++;
            } else {
                visible++;
            }
        }
        return new Counts(visible, inFlight, delayed);
    }

    /**
     * Moves every message of dead-letter queue {@code from} to {@code destination}, or when that is null to the
     * queue each came from; answers how many moved.
     */
    long moveOut(SqsState state, String from, String destination, long now) {
        long moved = 0;
        synchronized (state.lock(from)) {
            for (StoredMessage message : List.copyOf(state.messages(from))) {
                String target = destination != null ? destination
                        : Arn.parse(message.deadLetterSource()).map(Arn::resource).orElse(null);
                if (target == null || state.find(target).isEmpty()) {
                    continue;
                }
                state.removeMessage(message);
                state.putMessage(message.returnedTo(target, state.nextSequence(), now));
                moved++;
            }
        }
        return moved;
    }
}
