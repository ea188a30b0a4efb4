package gluelab.cloud.services.scheduler;

import gluelab.cloud.clock.LabScheduler;
import gluelab.cloud.clock.TimerOwner;
import gluelab.cloud.provider.AwsServiceException;
import gluelab.cloud.provider.Platform;
import gluelab.cloud.provider.RetryBackoff;
import gluelab.cloud.provider.Scope;
import gluelab.cloud.services.scheduler.targets.ContextAttributes;
import gluelab.cloud.services.scheduler.targets.ScheduleTargets;
import gluelab.cloud.services.scheduler.targets.TargetDelivery;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import software.amazon.awssdk.services.scheduler.model.GetScheduleResponse;
import software.amazon.awssdk.services.scheduler.model.RetryPolicy;
import software.amazon.awssdk.services.scheduler.model.Target;

/**
 * What happens when a schedule fires: its invocation is delivered to the target at the fire time (or, with a
 * flexible window, at the moment {@link FlexibleWindows} picks inside it), as the schedule's execution role; a
 * failed attempt is retried on the lab clock as the target's retry policy allows ({@link Retries}), and when no
 * retry is left the invocation goes to the dead-letter queue. Every step is on the timeline. Attempts run on the
 * lab clock's thread, so advancing the clock settles each fire's first attempt before the next fire.
 */
final class ScheduleInvocations {

    private static final Logger LOG = Logger.getLogger(ScheduleInvocations.class.getName());
    /** Scheduler's first retry comes 30 seconds after the failed attempt, doubling up to 5 minutes apart. */
    private static final RetryBackoff BACKOFF = new RetryBackoff(Duration.ofSeconds(30), Duration.ofMinutes(5));

    private final Platform platform;
    private final ScheduleTargets targets;
    private final ExecutionRoles roles;
    private final SchedulerTimeline timeline;
    private final DeadLetters deadLetters;
    private final SecureRandom random = new SecureRandom();
    /** Attempts waiting on the lab clock (retries, flexible-window deliveries), by schedule, so deleting it drops them. */
    private final Map<Scope, Map<String, Set<LabScheduler.Registration>>> waiting = new ConcurrentHashMap<>();

    ScheduleInvocations(Platform platform, ScheduleTargets targets, ExecutionRoles roles, SchedulerTimeline timeline) {
        this.platform = platform;
        this.targets = targets;
        this.roles = roles;
        this.timeline = timeline;
        this.deadLetters = new DeadLetters(timeline, platform.internal());
    }

    /**
     * Fires one invocation of {@code schedule} for {@code scheduledTime}.
     *
     * @param afterFirst what to do once the first attempt is over, whatever its outcome, or null
     */
    void fire(Scope scope, GetScheduleResponse schedule, Instant scheduledTime, Runnable afterFirst) {
        Instant deliverAt = FlexibleWindows.deliveryTime(schedule.arn(), schedule.flexibleTimeWindow(), scheduledTime);
        Invocation invocation = new Invocation(scope, schedule, scheduledTime, executionId(), 0, deliverAt, afterFirst);
        timeline.fired(invocation, deliverAt);
        if (deliverAt.isAfter(scheduledTime)) {
            later(invocation, deliverAt, "FlexibleWindow");
        } else {
            attempt(invocation);
        }
    }

    private void attempt(Invocation invocation) {
        Target target = invocation.schedule().target();
        String input = ContextAttributes.fill(target.input(), invocation.schedule().arn(), invocation.scheduledTime(),
                invocation.executionId(), invocation.attemptNumber());
        try {
            String principal = roles.session(target.roleArn()).assumedRoleArn().toString();
            targets.deliver(new TargetDelivery(invocation.scope(), invocation.schedule().arn(), target, input, principal,
                    platform.internal()));
            timeline.invoked(invocation);
        } catch (RuntimeException failure) {
            AwsServiceException error = asError(failure);
            RetryPolicy policy = target.retryPolicy();
            Optional<Instant> retry = BACKOFF.nextAttempt(policy == null ? null : policy.maximumRetryAttempts(),
                    policy == null ? null : policy.maximumEventAgeInSeconds(), invocation.firstAttempt(),
                    invocation.retries(), platform.clock().instant());
            timeline.failed(invocation, error, retry.orElse(null));
            if (retry.isPresent()) {
                later(invocation.nextAttempt(), retry.get(), "Retry");
            } else {
                deadLetters.send(invocation, input, error,
                        roleArn -> roles.session(roleArn).assumedRoleArn().toString());
            }
        } finally {
            if (invocation.afterFirst() != null) {
                invocation.afterFirst().run();
            }
        }
    }

    private void later(Invocation invocation, Instant due, String kind) {
        Set<LabScheduler.Registration> ofSchedule = waiting.computeIfAbsent(invocation.scope(), scope -> new ConcurrentHashMap<>())
                .computeIfAbsent(invocation.resource(), resource -> ConcurrentHashMap.newKeySet());
        AtomicReference<LabScheduler.Registration> registration = new AtomicReference<>();
        registration.set(platform.scheduler().scheduleOnce(new TimerOwner(SchedulerProvider.SERVICE, kind,
                invocation.resource(), invocation.scope().account(), invocation.scope().region()), due, at -> {
                    LabScheduler.Registration self = registration.get();
                    if (self != null) {
                        ofSchedule.remove(self);
                    }
                    attempt(invocation);
                }));
        ofSchedule.add(registration.get());
    }

    /**
     * Drops the attempts still waiting for a deleted schedule: its retries and delayed deliveries belong to it, and a
     * schedule made again under the same name (or a lab reset) must not inherit them.
     */
    void dropWaiting(Scope scope, String group, String name) {
        Map<String, Set<LabScheduler.Registration>> ofScope = waiting.get(scope);
        Set<LabScheduler.Registration> dropped = ofScope == null ? null : ofScope.remove(SchedulerState.key(group, name));
        if (dropped != null) {
            dropped.forEach(LabScheduler.Registration::cancel);
        }
    }

    /** A service's own error as it is; anything else (a service Lab Cloud lacks) as Scheduler's internal error. */
    private static AwsServiceException asError(RuntimeException failure) {
        if (failure instanceof AwsServiceException error) {
            return error;
        }
        LOG.log(Level.FINE, "A schedule's target failed unexpectedly", failure);
        return new AwsServiceException("InternalServerException", failure.getClass().getSimpleName()
                + (failure.getMessage() == null ? "" : ": " + failure.getMessage()), 500);
    }

    /** Scheduler's execution ids are 32 hex digits. */
    private String executionId() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
