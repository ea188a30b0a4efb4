package gluelab.cloud.services.scheduler.targets;

import gluelab.cloud.provider.InternalCalls;
import gluelab.cloud.provider.Scope;
import software.amazon.awssdk.services.scheduler.model.Target;

/**
 * One attempt to deliver a schedule's invocation to its target.
 *
 * @param scope        the schedule's account and region
 * @param scheduleArn  the schedule that fired
 * @param target       the target as the schedule defined it when it fired
 * @param input        the target's Input with Scheduler's context attributes filled in, or null when it has none
 * @param principalArn the session of the schedule's execution role the call is made as
 * @param calls        how the call reaches the target service
 */
public record TargetDelivery(Scope scope, String scheduleArn, Target target, String input, String principalArn,
                             InternalCalls calls) {

    /** The input, or {@code fallback} when the target has none. */
    String inputOr(String fallback) {
        return input == null ? fallback : input;
    }
}
