package gluelab.cloud.services.events.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import gluelab.cloud.provider.Arn;
import software.amazon.awssdk.services.eventbridge.model.Target;

/**
 * One attempt to deliver one event to one target of a rule.
 *
 * @param rule   the rule that matched (or fired), on whose behalf EventBridge acts
 * @param target the target as PutTargets stored it
 * @param event  the event's envelope
 * @param input  what the target receives: the event, or what the target's Input, InputPath or InputTransformer made
 */
public record TargetDelivery(Arn rule, Target target, JsonNode event, String input) {

    public Arn targetArn() {
        return Arn.parse(target.arn()).orElseThrow();
    }
}
