package gluelab.cloud.services.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gluelab.cloud.clock.ActivityTracker;
import gluelab.cloud.clock.TimerOwner;
import gluelab.cloud.provider.AccountRegionStore;
import gluelab.cloud.provider.Arn;
import gluelab.cloud.provider.AwsServiceException;
import gluelab.cloud.provider.Platform;
import gluelab.cloud.provider.RequestContext;
import gluelab.cloud.provider.Scope;
import gluelab.cloud.services.lambda.execution.InvocationMode;
import gluelab.cloud.services.lambda.execution.InvocationResult;
import gluelab.cloud.state.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequest;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.FunctionEventInvokeConfig;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/**
 * Lambda's internal queue for asynchronous invocations (InvocationType=Event): each accepted event is journaled
 * before Invoke answers 202, then run in an execution environment. A function error is retried as Lambda retries it
 * (MaximumRetryAttempts, default 2: one minute, then two minutes later) and a throttle with backoff, all on the lab
 * clock, until the event is older than MaximumEventAgeInSeconds (default six hours). The OnSuccess and OnFailure
 * destinations of the function's event invoke configuration then receive Lambda's invocation record, and a failed
 * event goes to the function's dead-letter queue, both sent as the function's execution role. Queued events survive a
 * restart with {@code --state-dir}.
 */
final class AsyncInvocations implements AutoCloseable {

    static final int DEFAULT_RETRIES = 2;
    static final int DEFAULT_MAX_AGE_SECONDS = 21_600;
    private static final Duration RETRY_STEP = Duration.ofMinutes(1);
    private static final Duration FIRST_THROTTLE_BACKOFF = Duration.ofSeconds(1);
    private static final Duration MAX_THROTTLE_BACKOFF = Duration.ofMinutes(5);
    private static final Logger LOG = Logger.getLogger(AsyncInvocations.class.getName());

    private final Platform platform;
    private final AccountRegionStore<LambdaState> states;
    private final Supplier<InvocationOperations> invocations;
    private final ExecutorService runners = Executors.newFixedThreadPool(2, r -> {
        Thread thread = new Thread(r, "lambda-async-invocations");
        thread.setDaemon(true);
        return thread;
    });

    AsyncInvocations(Platform platform, AccountRegionStore<LambdaState> states,
                     Supplier<InvocationOperations> invocations) {
        this.platform = platform;
        this.states = states;
        this.invocations = invocations;
    }

    /** Schedules what was queued before a restart. */
    void resume() {
        for (LambdaState state : states.all().values()) {
            for (QueuedEvent event : state.queuedEvents.values()) {
                schedule(state.scope, event);
            }
        }
    }

    /** Accepts an event: journaled now, run as soon as an environment is free. */
    void enqueue(RequestContext context, FunctionName target, byte[] payload) {
        long now = platform.clock().millis();
        QueuedEvent event = new QueuedEvent(context.requestId(), target.name(),
                target.latest() ? null : target.qualifier(), new String(payload, StandardCharsets.UTF_8), now, 0, now);
        states.get(context).queuedEvents.put(event.requestId(), event);
        schedule(context.scope(), event);
    }

    private void schedule(Scope scope, QueuedEvent event) {
        TimerOwner owner = new TimerOwner("lambda", "async invocation", event.functionName(), scope.account(),
                scope.region());
        platform.scheduler().scheduleOnce(owner, Instant.ofEpochMilli(event.dueMillis()), firedAt -> {
            ActivityTracker.Activity activity = platform.activity().begin("Lambda event for "
                    + event.functionName());
            long firedNanos = System.nanoTime();
            long firedMillis = platform.clock().millis();
            runners.execute(() -> {
                try (activity) {
                    attempt(scope, event.requestId(), firedMillis, firedNanos);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "An event for " + event.functionName() + " could not be run", e);
                } catch (Exception e) {
                    LOG.log(Level.FINE, "Closing an activity failed", e);
                }
            });
        });
    }

    /** One attempt at an event whose timer fired at {@code firedMillis} on the lab clock, {@code firedNanos} on the wall's. */
    private void attempt(Scope scope, String requestId, long firedMillis, long firedNanos) {
        LambdaState state = states.get(scope);
        QueuedEvent event = state.queuedEvents.get(requestId);
        if (event == null) {
            return;
        }
        FunctionConfiguration function;
        try {
            function = state.resolve(event.target());
        } catch (AwsServiceException gone) {
            state.queuedEvents.remove(requestId); // the function, version or alias was deleted: its queue goes too
            return;
        }
        FunctionEventInvokeConfig config = state.invokeConfigs.get(event.functionName());
        int maxRetries = config == null || config.maximumRetryAttempts() == null ? DEFAULT_RETRIES
                : config.maximumRetryAttempts();
        long maxAgeMillis = 1000L * (config == null || config.maximumEventAgeInSeconds() == null
                ? DEFAULT_MAX_AGE_SECONDS : config.maximumEventAgeInSeconds());
        long now = platform.clock().millis();
        if (now - event.enqueuedMillis() > maxAgeMillis) {
            finish(state, function, config, event, "EventAgeExceeded", null);
            return;
        }
        InvocationResult result;
        try {
            result = invocations.get().run(state, function, event.target().qualifiedArn(scope).toString(), requestId,
                    event.payload().getBytes(StandardCharsets.UTF_8), InvocationMode.ASYNCHRONOUS);
        } catch (AwsServiceException throttled) {
            long backoff = Math.min(MAX_THROTTLE_BACKOFF.toMillis(),
                    FIRST_THROTTLE_BACKOFF.toMillis() << Math.min(20, event.attempts()));
            QueuedEvent later = event.postponed(now + backoff);
            state.queuedEvents.put(requestId, later);
            schedule(scope, later);
            return;
        }
        QueuedEvent attempted = event.attempted(now);
        if (!result.failed()) {
            finish(state, function, config, attempted, "Success", result);
        } else if (attempted.attempts() > maxRetries) {
            finish(state, function, config, attempted, "RetriesExhausted", result);
        } else {
            // Lambda waits between attempts: the wait starts when the failed attempt ended, cold start included. On the
            // lab clock the attempt began when it fell due and took its wall-clock time; the clock itself may have
            // jumped on meanwhile, when a notebook advanced it past several retries at once.
            long failedAt = Math.min(platform.clock().millis(),
                    Math.max(event.dueMillis(), firedMillis) + (System.nanoTime() - firedNanos) / 1_000_000);
            QueuedEvent retry = attempted.postponed(failedAt + RETRY_STEP.toMillis() * attempted.attempts());
            state.queuedEvents.put(requestId, retry);
            schedule(scope, retry);
        }
    }

    private void finish(LambdaState state, FunctionConfiguration function, FunctionEventInvokeConfig config,
                        QueuedEvent event, String condition, InvocationResult result) {
        state.queuedEvents.remove(event.requestId());
        boolean success = condition.equals("Success");
        if (!success) {
            sendToDeadLetterQueue(state.scope, function, event, condition, result);
        }
        if (config == null || config.destinationConfig() == null) {
            return;
        }
        var destinations = config.destinationConfig();
        String target = success ? (destinations.onSuccess() == null ? null : destinations.onSuccess().destination())
                : (destinations.onFailure() == null ? null : destinations.onFailure().destination());
        if (target == null) {
            return;
        }
        JsonNode record = record(state.scope, function, event, condition, result);
        try {
            send(state.scope, function, target, condition, record.path("requestContext").path("functionArn").asText(),
                    record.toString());
        } catch (RuntimeException e) {
            LOG.log(Level.INFO, "Lambda could not send the invocation record of " + function.functionName() + " to "
                    + target + ": " + e.getMessage());
        }
    }

    /**
     * The function's own dead-letter queue ({@code DeadLetterConfig}), older than destinations and kept beside them:
     * it gets the event itself, unchanged, with why it failed in the message's attributes ({@code RequestID},
     * {@code ErrorCode}, {@code ErrorMessage} cut to 1 KB), sent as the function's execution role.
     */
    private void sendToDeadLetterQueue(Scope scope, FunctionConfiguration function, QueuedEvent event,
                                       String condition, InvocationResult result) {
        String queueArn = function.deadLetterConfig() == null ? null : function.deadLetterConfig().targetArn();
        if (queueArn == null || queueArn.isEmpty()) {
            return;
        }
        String message = result == null ? condition
                : json(new String(result.payload(), StandardCharsets.UTF_8)).path("errorMessage").asText(condition);
        if (message.length() > 1024) {
            message = message.substring(0, 1024);
        }
        try {
            Arn queue = Arn.parse(queueArn).orElseThrow();
            platform.internal().call("sqs", new Scope(queue.account(), queue.region()), executionRole(function),
                    SendMessageRequest.builder()
                            .queueUrl("/" + queue.account() + "/" + queue.resource())
                            .messageBody(event.payload())
                            .messageAttributes(Map.of(
                                    "RequestID", attribute("String", event.requestId()),
                                    "ErrorCode", attribute("Number", "200"),
                                    "ErrorMessage", attribute("String", message.isEmpty() ? condition : message)))
                            .build());
        } catch (RuntimeException e) {
            LOG.log(Level.INFO, "Lambda could not send the event " + event.requestId() + " of "
                    + function.functionName() + " to its dead-letter queue " + queueArn + ": " + e.getMessage());
        }
    }

    private static MessageAttributeValue attribute(String type, String value) {
        return MessageAttributeValue.builder().dataType(type).stringValue(value).build();
    }

    /** Lambda's invocation record, as a destination receives it. */
    private JsonNode record(Scope scope, FunctionConfiguration function, QueuedEvent event, String condition,
                            InvocationResult result) {
        ObjectNode record = Json.object();
        record.put("version", "1.0");
        record.put("timestamp", platform.clock().instant().toString());
        ObjectNode request = record.putObject("requestContext");
        request.put("requestId", event.requestId());
        request.put("functionArn", Arn.in(scope, "lambda", "function:" + function.functionName() + ":"
                + (event.qualifier() == null ? "$LATEST" : event.qualifier())).toString());
        request.put("condition", condition);
        request.put("approximateInvokeCount", event.attempts());
        record.set("requestPayload", json(event.payload()));
        if (result != null) {
            ObjectNode response = record.putObject("responseContext");
            response.put("statusCode", 200);
            response.put("executedVersion", result.executedVersion());
            if (result.functionError() != null) {
                response.put("functionError", result.functionError());
            }
            record.set("responsePayload", json(new String(result.payload(), StandardCharsets.UTF_8)));
        }
        return record;
    }

    /**
     * Sends the record as the function's execution role, as Lambda does: the role needs the permission
     * ({@code lambda:InvokeFunction} on a function, {@code sqs:SendMessage} on a queue, {@code events:PutEvents} on a
     * bus). A queue receives the record as a message's body. An event bus receives it as
     * the event Lambda puts there: source {@code lambda}, detail-type {@code Lambda Function Invocation Result -
     * Success} or {@code - Failure}, the record as its detail.
     */
    private void send(Scope scope, FunctionConfiguration function, String destination, String condition,
                      String functionArn, String record) {
        Arn target = Arn.parse(destination).orElseThrow(() -> new IllegalArgumentException("Not an ARN: " + destination));
        String role = executionRole(function);
        Scope targetScope = new Scope(target.account(), target.region());
        switch (target.service()) {
            case "lambda" -> platform.internal().call("lambda", targetScope, role, InvokeRequest.builder()
                    .functionName(destination).invocationType(InvocationType.EVENT)
                    .payload(SdkBytes.fromUtf8String(record)).build());
            case "events" -> {
                PutEventsResponse response = platform.internal().call("events", targetScope, role,
                        PutEventsRequest.builder().entries(PutEventsRequestEntry.builder()
                                .eventBusName(destination)
                                .source("lambda")
                                .detailType("Lambda Function Invocation Result - "
                                        + (condition.equals("Success") ? "Success" : "Failure"))
                                .resources(functionArn)
                                .detail(record)
                                .build()).build());
                if (response.failedEntryCount() != null && response.failedEntryCount() > 0) {
                    PutEventsResultEntry refused = response.entries().get(0);
                    throw new IllegalStateException(refused.errorCode() + ": " + refused.errorMessage());
                }
            }
            case "sqs" -> platform.internal().call("sqs", targetScope, role, SendMessageRequest.builder()
                    .queueUrl("/" + target.account() + "/" + target.resource()).messageBody(record).build());
            default -> throw new IllegalArgumentException("Lab Cloud sends Lambda destinations to functions, queues "
                    + "and event buses; " + target.service() + " destinations are not served yet");
        }
    }

    /** A session of the function's execution role, as Lambda takes one to send on the function's behalf. */
    private String executionRole(FunctionConfiguration function) {
        return platform.roles().assumeRoleAsService(FunctionOperations.LAMBDA_PRINCIPAL,
                Arn.parse(function.role()).orElseThrow(), function.functionName(), Duration.ofMinutes(15))
                .assumedRoleArn().toString();
    }

    private static JsonNode json(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (IOException e) {
            return Json.MAPPER.getNodeFactory().textNode(text);
        }
    }

    @Override
    public void close() {
        runners.shutdownNow();
    }
}
