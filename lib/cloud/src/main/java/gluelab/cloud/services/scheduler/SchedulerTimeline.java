package gluelab.cloud.services.scheduler;

import com.fasterxml.jackson.databind.node.ObjectNode;
import gluelab.cloud.events.EventBus;
import gluelab.cloud.provider.AwsServiceException;
import gluelab.cloud.provider.Scope;
import gluelab.cloud.state.Json;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.scheduler.model.GetScheduleResponse;

/**
 * What Scheduler did, on Lab Cloud's timeline ({@code GET /_lab/events?service=scheduler}): every fire, every
 * delivery attempt and how it ended, every dead letter, and every schedule deleted after completing. These are Lab
 * Cloud's own record, not events of a bus: EventBridge Scheduler puts nothing on EventBridge by itself.
 */
final class SchedulerTimeline {

    static final String FIRED = "Schedule Fired";
    static final String INVOKED = "Schedule Target Invoked";
    static final String FAILED = "Schedule Target Failed";
    static final String DEAD_LETTERED = "Schedule Dead-Lettered";
    static final String DELETED = "Schedule Deleted After Completion";

    private final EventBus events;

    SchedulerTimeline(EventBus events) {
        this.events = events;
    }

    void fired(Invocation invocation, Instant deliverAt) {
        ObjectNode detail = detail(invocation);
        detail.put("deliverAt", deliverAt.toString());
        publish(invocation, FIRED, detail);
    }

    void invoked(Invocation invocation) {
        publish(invocation, INVOKED, detail(invocation));
    }

    /** @param nextAttempt when the retry is due, or null when there will be none */
    void failed(Invocation invocation, AwsServiceException error, Instant nextAttempt) {
        ObjectNode detail = detail(invocation);
        detail.put("errorCode", error.code());
        detail.put("errorMessage", error.getMessage());
        if (nextAttempt != null) {
            detail.put("nextAttemptAt", nextAttempt.toString());
        } else {
            detail.put("finalAttempt", true);
        }
        publish(invocation, FAILED, detail);
    }

    void deadLettered(Invocation invocation, String queueArn, String body, Map<String, String> attributes) {
        ObjectNode detail = detail(invocation);
        detail.put("deadLetterQueueArn", queueArn);
        detail.put("messageBody", body);
        ObjectNode messageAttributes = detail.putObject("messageAttributes");
        attributes.forEach(messageAttributes::put);
        publish(invocation, DEAD_LETTERED, detail);
    }

    void deletedAfterCompletion(Scope scope, GetScheduleResponse schedule) {
        ObjectNode detail = Json.object();
        detail.put("scheduleArn", schedule.arn());
        detail.put("actionAfterCompletion", schedule.actionAfterCompletionAsString());
        publish(scope, schedule, DELETED, detail);
    }

    private static ObjectNode detail(Invocation invocation) {
        ObjectNode detail = Json.object();
        detail.put("scheduleArn", invocation.schedule().arn());
        detail.put("scheduledTime", invocation.scheduledTime().toString());
        detail.put("executionId", invocation.executionId());
        detail.put("attemptNumber", invocation.attemptNumber());
        detail.put("targetArn", invocation.schedule().target().arn());
        return detail;
    }

    private void publish(Invocation invocation, String name, ObjectNode detail) {
        publish(invocation.scope(), invocation.schedule(), name, detail);
    }

    private void publish(Scope scope, GetScheduleResponse schedule, String name, ObjectNode detail) {
        events.publish(scope.account(), scope.region(), SchedulerProvider.SERVICE, name,
                SchedulerState.key(schedule.groupName(), schedule.name()), detail);
    }
}
