package gluelab.cloud.services.states.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import gluelab.cloud.services.states.asl.TaskCall;
import gluelab.cloud.services.states.asl.TaskIntegration;
import gluelab.cloud.services.states.asl.TaskResource;
import java.util.Set;

/**
 * Request/response calls: the AWS SDK integrations ({@code arn:aws:states:::aws-sdk:<service>:<action>}, any
 * operation of any Lab Cloud service, errors named {@code <Service>.<Exception>}) and the optimized ones that are
 * plain calls ({@code glue:startJobRun}, {@code sqs:sendMessage}, {@code dynamodb:putItem}/{@code getItem}/…,
 * {@code events:putEvents}, {@code states:startExecution}). Parameters are the operation's request, in its
 * model's member names; the result is its response.
 */
public final class SdkRequestResponse implements TaskIntegration {

    private static final Set<String> OPTIMIZED = Set.of("glue:startJobRun", "sqs:sendMessage", "dynamodb:putItem",
            "dynamodb:getItem", "dynamodb:updateItem", "dynamodb:deleteItem", "events:putEvents",
            "states:startExecution");

    private final ServiceCalls calls;

    public SdkRequestResponse(ServiceCalls calls) {
        this.calls = calls;
    }

    /** sqs:sendMessage takes a MessageBody of JSON in a state machine; the API takes it as text. */
    private static JsonNode withMessageBodyAsText(JsonNode parameters) {
        JsonNode body = parameters.get("MessageBody");
        if (body == null || body.isTextual() || !parameters.isObject()) {
            return parameters;
        }
        com.fasterxml.jackson.databind.node.ObjectNode copy = parameters.deepCopy();
        copy.put("MessageBody", body.toString());
        return copy;
    }

    /** events:putEvents takes each entry's Detail as JSON in a state machine; the API takes it as text. */
    private static JsonNode withDetailsAsText(JsonNode parameters) {
        JsonNode entries = parameters.path("Entries");
        if (!entries.isArray()) {
            return parameters;
        }
        com.fasterxml.jackson.databind.node.ObjectNode copy = parameters.deepCopy();
        for (JsonNode entry : copy.withArray("Entries")) {
            JsonNode detail = entry.get("Detail");
            if (entry.isObject() && detail != null && !detail.isTextual()) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) entry).put("Detail", detail.toString());
            }
        }
        return copy;
    }

    @Override
    public boolean runs(TaskResource resource) {
        if (!resource.pattern().isEmpty() || resource.bareFunction()) {
            return false;
        }
        return resource.service().startsWith("aws-sdk:")
                || OPTIMIZED.contains(resource.service() + ":" + resource.action());
    }

    @Override
    public JsonNode run(TaskCall call) {
        TaskResource resource = call.resource();
        String service = resource.service().startsWith("aws-sdk:")
                ? resource.service().substring("aws-sdk:".length()) : resource.service();
        JsonNode parameters = switch (resource.service()) {
            case "states" -> StartExecutionSync.withInputAsText(call.parameters());
            case "events" -> withDetailsAsText(call.parameters());
            case "sqs" -> withMessageBodyAsText(call.parameters());
            default -> call.parameters();
        };
        return calls.callBySdkName(service, resource.action(), call.execution(), parameters, resource.service());
    }
}
