package gluelab.cloud.services.events;

import com.fasterxml.jackson.databind.JsonNode;
import gluelab.cloud.clock.ActivityTracker;
import gluelab.cloud.clock.TimerOwner;
import gluelab.cloud.provider.AccountRegionStore;
import gluelab.cloud.provider.Arn;
import gluelab.cloud.provider.Platform;
import gluelab.cloud.provider.RetryBackoff;
import gluelab.cloud.provider.Scope;
import gluelab.cloud.services.events.delivery.DeliveryFailure;
import gluelab.cloud.services.events.delivery.TargetDelivery;
import gluelab.cloud.services.events.delivery.TargetKind;
import gluelab.cloud.services.events.delivery.TargetKinds;
import gluelab.cloud.services.events.input.TargetInput;
import gluelab.cloud.state.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;
import software.amazon.awssdk.services.eventbridge.model.RetryPolicy;
import software.amazon.awssdk.services.eventbridge.model.Target;

/**
 * Delivers journaled events to their targets, each by the {@link TargetKind} of its ARN, off the request thread.
 * A failed attempt that could succeed later is retried with exponential backoff on the lab clock ({@link RetryBackoff}:
 * 1 s, 2 s, 4 s, … at most 5 minutes apart), within the target's {@code RetryPolicy} (by default 185 retries and 24
 * hours, as AWS); what is given up on goes to the target's SQS dead-letter queue, and is kept (and on the timeline)
 * when the queue does not take it. Every attempt is on the timeline.
 */
final class DeliveryDispatcher implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(DeliveryDispatcher.class.getName());
    /** EventBridge's first retry comes a second after the failed attempt, doubling up to 5 minutes apart. */
    private static final RetryBackoff BACKOFF = new RetryBackoff(Duration.ofSeconds(1), Duration.ofMinutes(5));

    private final Platform platform;
    private final DeadLetterQueue deadLetterQueue;
    private final AccountRegionStore<EventsState> states;
    private final TargetKinds kinds;
    private final EventTimeline timeline;
    private final ExecutorService workers = Executors.newFixedThreadPool(2, r -> {
        Thread thread = new Thread(r, "events-delivery");
        thread.setDaemon(true);
        return thread;
    });

    DeliveryDispatcher(Platform platform, AccountRegionStore<EventsState> states, TargetKinds kinds,
                       EventTimeline timeline) {
        this.platform = platform;
        this.deadLetterQueue = new DeadLetterQueue(platform.internal());
        this.states = states;
        this.kinds = kinds;
        this.timeline = timeline;
    }

    /** Attempts the delivery now, on a delivery thread; advancing the clock waits for it. */
    void submit(Scope scope, PendingDelivery delivery) {
        ActivityTracker.Activity attempt = platform.activity().begin("deliver event " + delivery.id());
        try {
            workers.execute(() -> {
                try {
                    attempt(scope, delivery);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Delivery " + delivery.id() + " failed unexpectedly", e);
                } finally {
                    attempt.close();
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            attempt.close();
        }
    }

    /** After a restart: every journaled delivery is attempted again, now or when its retry is due. */
    void restore() {
        Instant now = platform.clock().instant();
        states.all().forEach((scope, state) -> {
            for (PendingDelivery delivery : state.pendingDeliveries()) {
                if (delivery.nextAttemptAt().isAfter(now)) {
                    scheduleRetry(scope, delivery);
                } else {
                    submit(scope, delivery);
                }
            }
        });
    }

    private void attempt(Scope scope, PendingDelivery delivery) {
        EventsState state = states.get(scope);
        Optional<RuleRecord> rule = state.findRule(delivery.bus(), delivery.rule());
        Optional<Target> target = state.findTarget(delivery.bus(), delivery.rule(), delivery.targetId());
        if (rule.isEmpty() || target.isEmpty()) {
            // The rule or the target went away after the event was accepted: nothing is left to deliver to.
            state.delivered(delivery.id());
            return;
        }
        Arn ruleArn = EventsArns.rule(scope, delivery.bus(), delivery.rule());
        JsonNode event = read(delivery.event());
        int attemptNumber = delivery.attempts() + 1;
        String input = null;
        try {
            Arn targetArn = Arn.parse(target.get().arn())
                    .orElseThrow(() -> new DeliveryFailure(DeliveryFailure.SDK_CLIENT_ERROR, "Not an ARN", false));
            TargetKind kind = kinds.kindFor(targetArn).orElseThrow(() -> new DeliveryFailure(
                    DeliveryFailure.SERVICE_NOT_AVAILABLE,
                    "Lab Cloud's EventBridge cannot deliver to " + targetArn.service() + " targets", false));
            input = TargetInput.render(target.get(), event, ruleArn.toString(), delivery.rule());
            kind.deliver(new TargetDelivery(ruleArn, target.get(), event, input));
            state.delivered(delivery.id());
            timeline.delivered(scope, ruleArn, target.get(), event, input, attemptNumber);
        } catch (DeliveryFailure failure) {
            failed(scope, state, delivery, ruleArn, target.get(), event, input, failure);
        }
    }

    private void failed(Scope scope, EventsState state, PendingDelivery delivery, Arn ruleArn, Target target,
                        JsonNode event, String input, DeliveryFailure failure) {
        RetryPolicy policy = target.retryPolicy();
        Optional<Instant> next = failure.retriable() ? BACKOFF.nextAttempt(
                policy == null ? null : policy.maximumRetryAttempts(),
                policy == null ? null : policy.maximumEventAgeInSeconds(), delivery.accepted(), delivery.attempts(),
                platform.clock().instant()) : Optional.empty();
        timeline.failed(scope, ruleArn, target, event, input, delivery.attempts() + 1, failure.code(),
                failure.getMessage(), next.map(Instant::toString).orElse(null));
        if (next.isPresent()) {
            PendingDelivery again = delivery.retryAt(next.get());
            state.journal(again);
            scheduleRetry(scope, again);
            return;
        }
        String queue = target.deadLetterConfig() == null ? null : target.deadLetterConfig().arn();
        if (queue != null) {
            DeadLetter letter = new DeadLetter(delivery.id(), queue, delivery.event(), failure.code(),
                    failure.getMessage(), ruleArn.toString(), target.arn(), delivery.attempts() + 1,
                    platform.clock().instant());
            if (!deadLetterQueue.send(letter)) {
                state.deadLetter(letter);
            }
        }
        state.delivered(delivery.id());
        timeline.gaveUp(scope, ruleArn, target, event, failure.code(), failure.getMessage(), queue);
    }

    private void scheduleRetry(Scope scope, PendingDelivery delivery) {
        platform.scheduler().scheduleOnce(
                new TimerOwner(EventsProvider.SERVICE, "DeliveryRetry", delivery.bus() + "/" + delivery.rule(),
                        scope.account(), scope.region()),
                delivery.nextAttemptAt(), at -> submit(scope, delivery));
    }

    private static JsonNode read(String event) {
        try {
            return Json.MAPPER.readTree(event);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("A journaled event is not JSON", e);
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
