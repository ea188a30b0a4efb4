package gluelab.cloud.services.sqs;

import java.util.Map;

/**
 * A message as stored, with where it is in its life: visible again at {@code visibleAt} (epoch millis on the lab
 * clock; after its delay, or after the visibility timeout of its last receive), received {@code receiveCount} times,
 * and the receipt handle of its latest receive ({@code receipt}; null before the first).
 *
 * @param sequence           its place in the queue; for FIFO queues also its {@code SequenceNumber}
 * @param messageAttributes  the sender's message attributes
 * @param deadLetterSource   the ARN of the queue it was moved from as a dead letter, else null
 * @param enqueued           when it entered its first queue; retention counts from here, as on AWS
 */
record StoredMessage(String queue, long sequence, String messageId, String body,
                     Map<String, StoredAttribute> messageAttributes, String md5OfBody, String md5OfMessageAttributes,
                     String senderId, String groupId, String deduplicationId, String traceHeader, long sent,
                     long enqueued, long visibleAt, int receiveCount, long firstReceived, String receipt,
                     String deadLetterSource) {

    /**
     * One message attribute: its data type ({@code String}, {@code Number}, {@code Binary}, with an optional
     * {@code .label}) and its value (binary values in base64).
     */
    record StoredAttribute(String dataType, String stringValue, String binaryValue) {
    }

    boolean inFlight(long now) {
        return receiveCount > 0 && visibleAt > now;
    }

    StoredMessage received(long now, long visibleUntil, String newReceipt) {
        return new StoredMessage(queue, sequence, messageId, body, messageAttributes, md5OfBody,
                md5OfMessageAttributes, senderId, groupId, deduplicationId, traceHeader, sent, enqueued,
                visibleUntil, receiveCount + 1, firstReceived == 0 ? now : firstReceived, newReceipt,
                deadLetterSource);
    }

    StoredMessage visibleAt(long when) {
        return new StoredMessage(queue, sequence, messageId, body, messageAttributes, md5OfBody,
                md5OfMessageAttributes, senderId, groupId, deduplicationId, traceHeader, sent, enqueued, when,
                receiveCount, firstReceived, receipt, deadLetterSource);
    }

    /** The same message in another queue: moved there as a dead letter or by a message move task. */
    StoredMessage movedTo(String target, long newSequence, long now, String fromArn) {
        return new StoredMessage(target, newSequence, messageId, body, messageAttributes, md5OfBody,
                md5OfMessageAttributes, senderId, groupId, deduplicationId, traceHeader, now, enqueued, now,
                receiveCount, firstReceived, null, fromArn);
    }

    /** Back out of a dead-letter queue (a message move task): received afresh, as a new message would be. */
    StoredMessage returnedTo(String target, long newSequence, long now) {
        return new StoredMessage(target, newSequence, messageId, body, messageAttributes, md5OfBody,
                md5OfMessageAttributes, senderId, groupId, deduplicationId, traceHeader, now, enqueued, now, 0, 0,
                null, null);
    }
}
