package gluelab.cloud.services.states.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gluelab.cloud.services.states.asl.ExecutionRun;
import gluelab.cloud.services.states.asl.Resumption;
import gluelab.cloud.services.states.asl.StatesError;
import gluelab.cloud.services.states.asl.TaskCall;
import gluelab.cloud.services.states.asl.TaskIntegration;
import gluelab.cloud.services.states.asl.TaskResource;
import gluelab.cloud.state.Json;

/**
 * {@code arn:aws:states:::states:startExecution.sync} and {@code .sync:2}: starts a child execution and waits for it
 * to end, not counted as running. The result is DescribeExecution's answer, its Output as text ({@code .sync}) or
 * as JSON ({@code .sync:2}); a child that fails, times out or is aborted fails the task with
 * {@code States.TaskFailed} and that answer as the cause. Stopping the parent stops the child.
 */
public final class StartExecutionSync implements TaskIntegration {

    private final ServiceCalls calls;
    private final TerminalEvents events;

    public StartExecutionSync(ServiceCalls calls, TerminalEvents events) {
        this.calls = calls;
        this.events = events;
    }

    /** StartExecution's Input may be given as JSON in a state machine; the API takes it as text. */
    static JsonNode withInputAsText(JsonNode parameters) {
        JsonNode input = parameters.get("Input");
        if (input == null || input.isTextual() || !parameters.isObject()) {
            return parameters;
        }
        ObjectNode copy = parameters.deepCopy();
        copy.put("Input", input.toString());
        return copy;
    }

    @Override
    public boolean runs(TaskResource resource) {
        return resource.service().equals("states") && resource.action().equals("startExecution")
                && (resource.pattern().equals(".sync") || resource.pattern().equals(".sync:2"));
    }

    @Override
    public JsonNode run(TaskCall call) {
        ExecutionRun execution = call.execution();
        JsonNode started = calls.callBySdkName("states", "startExecution", execution,
                withInputAsText(call.parameters()), "states");
        String child = started.path("ExecutionArn").asText();
        call.submitted(started);
        String key = TerminalEvents.execution(child);
        try {
            while (true) {
                Resumption<Void> woken = new Resumption<>(call.progress());
                events.watch(key, woken);
                try {
                    JsonNode described = describe(execution, child);
                    String status = described.path("Status").asText();
                    if (status.equals("SUCCEEDED")) {
                        woken.abandon();
                        return output(described, call.resource().pattern().equals(".sync:2"));
                    }
                    if (!status.equals("RUNNING")) {
                        woken.abandon();
                        throw StatesError.fromTask(StatesError.TASK_FAILED, described.toString());
                    }
                    call.await(woken);
                } finally {
                    events.unwatch(key, woken);
                }
            }
        } catch (StatesError error) {
            if (!error.error().equals(StatesError.TASK_FAILED)) {
                stop(execution, child);
            }
            throw error;
        }
    }

    private JsonNode describe(ExecutionRun execution, String child) {
        return calls.callBySdkName("states", "describeExecution", execution,
                JsonNodeFactory.instance.objectNode().put("ExecutionArn", child), "states");
    }

    private static JsonNode output(JsonNode described, boolean asJson) {
        if (!asJson) {
            return described;
        }
        ObjectNode copy = described.deepCopy();
        String field = "Output";
        JsonNode text = copy.get(field);
        if (text != null && text.isTextual()) {
            try {
                copy.set(field, Json.MAPPER.readTree(text.asText()));
            } catch (java.io.IOException notJson) {
                // Leave it as text: an output is always JSON, but nothing is lost if not.
            }
        }
        return copy;
    }

    private void stop(ExecutionRun execution, String child) {
        try {
            calls.callBySdkName("states", "stopExecution", execution,
                    JsonNodeFactory.instance.objectNode().put("ExecutionArn", child), "states");
        } catch (StatesError ignored) {
            // Best effort: the child may have ended meanwhile.
        }
    }
}
