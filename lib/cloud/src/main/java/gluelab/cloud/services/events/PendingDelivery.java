package gluelab.cloud.services.events;

import java.time.Instant;

/**
 * An event accepted for one target of one rule and not yet delivered (or given up on): journaled before PutEvents
 * answers, so a restart delivers it.
 *
 * @param id             sorts in the order deliveries were accepted
 * @param event          the event's envelope, as JSON text
 * @param attempts       failed attempts so far
 * @param accepted       when EventBridge accepted the event (its age counts from here)
 * @param nextAttemptAt  when the next attempt is due, on the lab clock
 */
record PendingDelivery(String id, String bus, String rule, String targetId, String event, int attempts,
                       Instant accepted, Instant nextAttemptAt) {

    PendingDelivery retryAt(Instant when) {
        return new PendingDelivery(id, bus, rule, targetId, event, attempts + 1, accepted, when);
    }
}
