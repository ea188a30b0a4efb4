package gluelab.cloud.services.scheduler;

import gluelab.cloud.provider.Scope;
import java.time.Instant;
import software.amazon.awssdk.services.scheduler.model.GetScheduleResponse;

/**
 * One invocation of a schedule's target, for one fire time, and which attempt at it this is.
 *
 * @param schedule      the schedule as it was when it fired (later changes do not reach a fire already made)
 * @param scheduledTime the fire time
 * @param executionId   Scheduler's id of the invocation, the same for all its attempts
 * @param retries       how many retries came before this attempt (0 for the first attempt)
 * @param firstAttempt  when the first attempt was made: retries stop at the event's maximum age after it
 * @param afterFirst    what to do once the first attempt is over (delete a completed schedule), or null
 */
record Invocation(Scope scope, GetScheduleResponse schedule, Instant scheduledTime, String executionId, int retries,
                  Instant firstAttempt, Runnable afterFirst) {

    Invocation nextAttempt() {
        return new Invocation(scope, schedule, scheduledTime, executionId, retries + 1, firstAttempt, null);
    }

    /** 1 for the first attempt, as {@code <aws.scheduler.attempt-number>} counts. */
    int attemptNumber() {
        return retries + 1;
    }

    /** The schedule as the timeline names it: {@code group/name}. */
    String resource() {
        return SchedulerState.key(schedule.groupName(), schedule.name());
    }
}
