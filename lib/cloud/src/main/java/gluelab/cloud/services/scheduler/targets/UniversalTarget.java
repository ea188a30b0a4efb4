package gluelab.cloud.services.scheduler.targets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import gluelab.cloud.services.scheduler.SchedulerErrors;
import gluelab.cloud.state.Json;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.scheduler.model.Target;

/**
 * A universal target, {@code arn:aws:scheduler:::aws-sdk:<service>:<apiAction>} (service as the AWS SDKs name it,
 * action in camel case): its Input is that API call's request, JSON with the model's member names, e.g.
 * {@code {"JobName":"lab19-etl"}} for {@code glue:startJobRun}, and Scheduler makes the call with the schedule's
 * role. As on AWS, read-only actions (those starting get, describe, list, ...) are refused when the schedule is
 * created, and so is an Input that is not a JSON object.
 */
final class UniversalTarget implements ScheduleTarget {

    private static final Pattern ARN = Pattern.compile("arn:aws(-[a-z]+)?:scheduler:::aws-sdk:([a-z0-9]+):([a-zA-Z0-9]+)");
    /** The prefixes of the read-only actions Scheduler's user guide lists as unsupported. */
    private static final List<String> READ_ONLY = List.of("get", "describe", "list", "poll", "receive", "search", "scan",
            "query", "select", "read", "lookup", "discover", "validate", "batchGet", "batchDescribe", "batchRead",
            "transactGet", "adminGet", "adminList", "testMigration", "retrieve", "testConnection", "translateDocument",
            "isAuthorized", "invokeModel");

    @Override
    public boolean accepts(String targetArn) {
        return targetArn.matches("arn:aws(-[a-z]+)?:scheduler:::aws-sdk:.*");
    }

    @Override
    public void validate(Target target) {
        Matcher arn = ARN.matcher(target.arn());
        if (!arn.matches()) {
            throw SchedulerErrors.validation("Invalid universal target ARN " + target.arn()
                    + ": write arn:aws:scheduler:::aws-sdk:<service>:<apiAction>, e.g. arn:aws:scheduler:::aws-sdk:glue:startJobRun");
        }
        String action = arn.group(3);
        String camel = Character.toLowerCase(action.charAt(0)) + action.substring(1);
        for (String prefix : READ_ONLY) {
            if (camel.startsWith(prefix)) {
                throw SchedulerErrors.validation("Invalid target " + target.arn() + ": EventBridge Scheduler does not "
                        + "support read-only API actions such as " + action + " (actions that begin with " + prefix + ").");
            }
        }
        if (target.input() != null) {
            request(target.input());
        }
    }

    @Override
    public void deliver(TargetDelivery delivery) {
        Matcher arn = ARN.matcher(delivery.target().arn());
        if (!arn.matches()) {
            throw new IllegalStateException("Not a universal target: " + delivery.target().arn());
        }
        delivery.calls().callBySdkName(arn.group(2), arn.group(3), delivery.scope(), delivery.principalArn(),
                request(delivery.inputOr("{}")));
    }

    private static JsonNode request(String input) {
        JsonNode json;
        try {
            json = Json.MAPPER.readTree(input);
        } catch (JsonProcessingException e) {
            throw SchedulerErrors.validation("Invalid RequestJson provided. Reason " + e.getOriginalMessage());
        }
        if (json == null || !json.isObject()) {
            throw SchedulerErrors.validation("Invalid RequestJson provided. Reason the Input of a universal target must be "
                    + "a JSON object of the API call's request parameters, e.g. {\"JobName\":\"etl\"}");
        }
        return json;
    }
}
