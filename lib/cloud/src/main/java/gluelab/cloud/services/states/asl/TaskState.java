package gluelab.cloud.services.states.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Task: runs its Resource through the {@link TaskIntegration} that serves it, with Parameters as the request, and
 * times it out on the lab clock after TimeoutSeconds ({@code States.Timeout}). A Lambda function named by its bare
 * ARN has the {@code LambdaFunction…} history events; every other resource the {@code Task…} ones.
 */
final class TaskState extends RecoverableState {

    static final java.util.Set<String> FIELDS = allowed("Resource", "Parameters", "Arguments", "TimeoutSeconds",
            "TimeoutSecondsPath", "HeartbeatSeconds", "HeartbeatSecondsPath", "Credentials");
    private static final int DEFAULT_TIMEOUT = 99_999_999;

    private final TaskResource resource;
    private final TaskIntegration integration;
    private final PayloadTemplate parameters;
    private final JsonataTemplate arguments;
    private final Integer timeoutSeconds;
    private final JsonPath timeoutSecondsPath;
    private final Integer heartbeatSeconds;

    TaskState(String name, Fields fields, List<TaskIntegration> integrations) {
        super(name, "Task", fields);
        fields.only(FIELDS);
        String arn = fields.requiredString("Resource");
        Optional<TaskResource> parsed = TaskResource.parse(arn);
        this.resource = parsed.orElseThrow(() -> invalidResource(arn, fields));
        TaskResource called = resource.waitsForCallback() ? resource.requestResponse() : resource;
        this.integration = integrations.stream().filter(i -> i.runs(called)).findFirst()
                .orElseThrow(() -> invalidResource(arn, fields));
        this.parameters = fields.template("Parameters");
        this.arguments = fields.has("Arguments") ? new JsonataTemplate(fields.raw("Arguments"),
                fields.at("Arguments")) : null;
        if (fields.has("TimeoutSeconds") && fields.has("TimeoutSecondsPath")) {
            throw Fields.schema("A Task state cannot have both 'TimeoutSeconds' and 'TimeoutSecondsPath'",
                    fields.location);
        }
        this.timeoutSeconds = fields.integer("TimeoutSeconds", 1, DEFAULT_TIMEOUT);
        String path = fields.string("TimeoutSecondsPath");
        this.timeoutSecondsPath = path == null ? null : fields.compile("TimeoutSecondsPath", path, true);
        this.heartbeatSeconds = fields.integer("HeartbeatSeconds", 1, DEFAULT_TIMEOUT);
    }

    private static DefinitionError invalidResource(String arn, Fields fields) {
        return new DefinitionError("INVALID_RESOURCE", "The resource provided " + arn + " is not recognized. The "
                + "value is not a valid resource ARN, or the resource is not available in this region.",
                fields.at("Resource"));
    }

    /** A task that waits for a callback has its token in the context object, as {@code $$.Task.Token}. */
    @Override
    JsonNode attemptContext(ObjectNode context) {
        if (resource.waitsForCallback()) {
            context.putObject("Task").put("Token", TaskTokens.newToken());
        }
        return context;
    }

    @Override
    JsonNode attempt(JsonNode effectiveInput, JsonNode context, Branch branch, Instant entered) {
        JsonNode request;
        if (jsonata) {
            request = arguments == null ? effectiveInput
                    : arguments.apply(statesVariable(effectiveInput, context), branch.variables());
        } else {
            request = parameters == null ? effectiveInput
                    : parameters.apply(roots(effectiveInput, context, branch));
        }
        int timeout = timeout(roots(effectiveInput, context, branch));
        Instant deadline = branch.execution().now().plusSeconds(timeout);
        boolean lambda = resource.bareFunction();
        ObjectNode scheduled = details();
        if (lambda) {
            scheduled.put("resource", resource.arn());
            scheduled.put("input", request.toString());
            scheduled.putObject("inputDetails").put("truncated", false);
        } else {
            scheduled.put("region", branch.execution().region());
            scheduled.put("parameters", request.toString());
        }
        if (timeoutSeconds != null || timeoutSecondsPath != null) {
            scheduled.put("timeoutInSeconds", timeout);
        }
        branch.record(lambda ? "LambdaFunctionScheduled" : "TaskScheduled",
                lambda ? "lambdaFunctionScheduledEventDetails" : "taskScheduledEventDetails", scheduled);
        branch.record(lambda ? "LambdaFunctionStarted" : "TaskStarted",
                lambda ? null : "taskStartedEventDetails", lambda ? null : details());
        Call call = new Call(request, branch, deadline);
        Runnable cancelTimeout = branch.execution().host().at(deadline, call::timedOut);
        String token = resource.waitsForCallback() ? context.path("Task").path("Token").asText() : null;
        Resumption<JsonNode> callback = token == null ? null : new Resumption<>(branch.execution().progress());
        TaskTokens tokens = branch.execution().host().tokens();
        Heartbeat heartbeat = new Heartbeat(branch.execution().host(), callback);
        if (token != null) {
            tokens.register(token, callback, heartbeat::beat);
            heartbeat.beat();
        }
        try {
            JsonNode result = integration.run(call);
            if (callback != null) {
                call.submitted(result);
                result = call.await(callback);
            }
            if (branch.execution().now().isAfter(deadline)) {
                throw StatesError.fromTask(StatesError.TIMEOUT, "The task did not finish within " + timeout
                        + " seconds");
            }
            ObjectNode succeeded = details();
            succeeded.put("output", result.toString());
            succeeded.putObject("outputDetails").put("truncated", false);
            branch.record(lambda ? "LambdaFunctionSucceeded" : "TaskSucceeded",
                    lambda ? "lambdaFunctionSucceededEventDetails" : "taskSucceededEventDetails", succeeded);
            return result;
        } catch (StatesError error) {
            branch.checkStopped();
            boolean timedOut = error.error().equals(StatesError.TIMEOUT)
                    || error.error().equals(StatesError.HEARTBEAT_TIMEOUT);
            ObjectNode failed = details();
            failed.put("error", error.error());
            failed.put("cause", error.cause());
            String prefix = lambda ? "LambdaFunction" : "Task";
            String member = lambda ? "lambdaFunction" : "task";
            branch.record(prefix + (timedOut ? "TimedOut" : "Failed"),
                    member + (timedOut ? "TimedOutEventDetails" : "FailedEventDetails"), failed);
            throw error;
        } finally {
            cancelTimeout.run();
            if (token != null) {
                tokens.remove(token);
                heartbeat.stop();
                callback.abandon();
            }
        }
    }

    private int timeout(PathRoots roots) {
        if (timeoutSecondsPath != null) {
            JsonNode value = timeoutSecondsPath.read(roots).orElse(null);
            if (value == null || !value.isIntegralNumber() || value.asLong() < 1) {
                throw StatesError.runtime("The TimeoutSecondsPath '" + timeoutSecondsPath
                        + "' must point to a positive integer in the input '" + roots.data() + "'");
            }
            return value.asInt();
        }
        return timeoutSeconds == null ? DEFAULT_TIMEOUT : timeoutSeconds;
    }

    /** The details every task event carries: resourceType and resource (none for a bare function). */
    private ObjectNode details() {
        ObjectNode details = JsonNodeFactory.instance.objectNode();
        if (!resource.bareFunction()) {
            details.put("resourceType", resource.historyResourceType());
            details.put("resource", resource.historyResource());
        }
        return details;
    }

    /**
     * A callback task's heartbeat timer on the lab clock: HeartbeatSeconds after the task started waiting, or after
     * its latest SendTaskHeartbeat, the task fails with {@code States.HeartbeatTimeout}.
     */
    private final class Heartbeat {
        private final ExecutionHost host;
        private final Resumption<JsonNode> callback;
        private Runnable cancel = () -> { };
        private boolean stopped;

        Heartbeat(ExecutionHost host, Resumption<JsonNode> callback) {
            this.host = host;
            this.callback = callback;
        }

        synchronized void beat() {
            cancel.run();
            if (heartbeatSeconds == null || stopped) {
                return;
            }
            cancel = host.at(host.now().plusSeconds(heartbeatSeconds), () -> callback.fail(StatesError.fromTask(
                    StatesError.HEARTBEAT_TIMEOUT, "No heartbeat within " + heartbeatSeconds + " seconds")));
        }

        synchronized void stop() {
            stopped = true;
            cancel.run();
        }
    }

    /** One attempt's call: the integration waits through it, and the timeout ends its wait. */
    private final class Call implements TaskCall {
        private final JsonNode parameters;
        private final Branch branch;
        private final Instant deadline;
        private volatile Resumption<?> current;
        private volatile boolean timedOut;

        Call(JsonNode parameters, Branch branch, Instant deadline) {
            this.parameters = parameters;
            this.branch = branch;
            this.deadline = deadline;
        }

        void timedOut() {
            timedOut = true;
            Resumption<?> waiting = current;
            if (waiting != null) {
                waiting.fail(timeoutError());
            }
        }

        private StatesError timeoutError() {
            return StatesError.fromTask(StatesError.TIMEOUT, "The task did not finish before its deadline "
                    + deadline);
        }

        @Override
        public TaskResource resource() {
            return resource;
        }

        @Override
        public JsonNode parameters() {
            return parameters;
        }

        @Override
        public ExecutionRun execution() {
            return branch.execution();
        }

        @Override
        public Progress progress() {
            return branch.execution().progress();
        }

        @Override
        public <T> T await(Resumption<T> resumption) {
            current = resumption;
            if (timedOut) {
                resumption.fail(timeoutError());
            }
            try {
                return branch.await(resumption);
            } finally {
                current = null;
            }
        }

        @Override
        public void submitted(JsonNode output) {
            ObjectNode submitted = details();
            submitted.put("output", output.toString());
            submitted.putObject("outputDetails").put("truncated", false);
            branch.record("TaskSubmitted", "taskSubmittedEventDetails", submitted);
        }
    }
}
