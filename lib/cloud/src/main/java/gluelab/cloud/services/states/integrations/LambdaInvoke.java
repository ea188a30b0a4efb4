package gluelab.cloud.services.states.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gluelab.cloud.services.states.asl.StatesError;
import gluelab.cloud.services.states.asl.TaskCall;
import gluelab.cloud.services.states.asl.TaskIntegration;
import gluelab.cloud.services.states.asl.TaskResource;
import gluelab.cloud.state.Json;
import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/**
 * Lambda: {@code arn:aws:states:::lambda:invoke} (Parameters are Invoke's: FunctionName, Payload, Qualifier,
 * InvocationType; the result is {@code {ExecutedVersion, Payload, StatusCode}}) and a function's bare ARN (the
 * state's input is the payload; the result is the function's). A function's error fails the task with the
 * function's errorType and its error document as the cause; Lambda's own errors are {@code Lambda.<Exception>}.
 */
public final class LambdaInvoke implements TaskIntegration {

    private final ServiceCalls calls;

    public LambdaInvoke(ServiceCalls calls) {
        this.calls = calls;
    }

    @Override
    public boolean runs(TaskResource resource) {
        return resource.service().equals("lambda")
                && (resource.bareFunction() || resource.action().equals("invoke") && resource.pattern().isEmpty());
    }

    @Override
    public JsonNode run(TaskCall call) {
        JsonNode parameters = call.parameters();
        InvokeRequest.Builder invoke = InvokeRequest.builder();
        if (call.resource().bareFunction()) {
            invoke.functionName(call.resource().arn()).payload(SdkBytes.fromUtf8String(parameters.toString()));
        } else {
            JsonNode function = parameters.get("FunctionName");
            if (function == null || !function.isTextual()) {
                throw StatesError.fromTask("Lambda.InvalidParameterValueException",
                        "The field 'FunctionName' is required");
            }
            invoke.functionName(function.asText());
            JsonNode payload = parameters.get("Payload");
            if (payload != null) {
                invoke.payload(SdkBytes.fromUtf8String(payload.isTextual() ? payload.asText() : payload.toString()));
            }
            if (parameters.hasNonNull("Qualifier")) {
                invoke.qualifier(parameters.get("Qualifier").asText());
            }
            if (parameters.hasNonNull("InvocationType")) {
                invoke.invocationType(parameters.get("InvocationType").asText());
            }
            if (parameters.hasNonNull("ClientContext")) {
                invoke.clientContext(parameters.get("ClientContext").asText());
            }
        }
        InvokeResponse response = calls.call("lambda", call.execution(), invoke.build(), "lambda");
        String body = response.payload() == null ? "" : response.payload().asString(StandardCharsets.UTF_8);
        JsonNode payload = parse(body);
        if (response.functionError() != null) {
            String errorType = payload.path("errorType").asText("");
            throw StatesError.fromTask(errorType.isEmpty() ? "Lambda.Unknown" : errorType, body);
        }
        if (call.resource().bareFunction()) {
            return payload;
        }
        ObjectNode output = JsonNodeFactory.instance.objectNode();
        if (response.executedVersion() != null) {
            output.put("ExecutedVersion", response.executedVersion());
        }
        output.set("Payload", payload);
        output.put("StatusCode", response.statusCode() == null ? 200 : response.statusCode());
        return output;
    }

    private static JsonNode parse(String body) {
        if (body.isEmpty()) {
            return JsonNodeFactory.instance.nullNode();
        }
        try {
            return Json.MAPPER.readTree(body);
        } catch (java.io.IOException notJson) {
            return JsonNodeFactory.instance.textNode(body);
        }
    }
}
