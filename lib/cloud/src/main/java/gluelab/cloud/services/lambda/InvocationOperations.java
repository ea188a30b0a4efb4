package gluelab.cloud.services.lambda;

import com.fasterxml.jackson.core.JsonProcessingException;
import gluelab.cloud.provider.AccountRegionStore;
import gluelab.cloud.provider.AwsServiceException;
import gluelab.cloud.provider.RequestContext;
import gluelab.cloud.provider.Scope;
import gluelab.cloud.services.lambda.execution.ExecutionEnvironments;
import gluelab.cloud.services.lambda.execution.FunctionSetup;
import gluelab.cloud.services.lambda.execution.InvocationMode;
import gluelab.cloud.services.lambda.execution.InvocationResult;
import gluelab.cloud.state.Json;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LogType;
import software.amazon.awssdk.services.lambda.model.State;

/**
 * Invoke: RequestResponse runs the handler in an execution environment and answers with its result (or its error,
 * with {@code X-Amz-Function-Error: Unhandled}), and its log tail when asked; Event queues the event for
 * {@link AsyncInvocations} and answers 202; DryRun only checks that the caller may invoke, answering 204. A function
 * with reserved concurrency runs at most that many invocations at once; beyond it, Lambda throttles.
 */
public final class InvocationOperations {

    /** The largest payload of a synchronous invocation, and of an event. */
    static final int MAX_SYNC_PAYLOAD = 6_291_456;
    static final int MAX_EVENT_PAYLOAD = 1_048_576;

    private final AccountRegionStore<LambdaState> states;
    private final CodePackages code;
    private final ExecutionEnvironments environments;
    private final AsyncInvocations async;
    private final Map<String, AtomicInteger> running = new ConcurrentHashMap<>();

    InvocationOperations(AccountRegionStore<LambdaState> states, CodePackages code, ExecutionEnvironments environments,
                         AsyncInvocations async) {
        this.states = states;
        this.code = code;
        this.environments = environments;
        this.async = async;
    }

    public InvokeResponse invoke(RequestContext context, InvokeRequest request) {
        LambdaErrors.validation().required("functionName", request.functionName()).orThrow();
        FunctionName name = FunctionName.parse("functionName", request.functionName(), request.qualifier(),
                context.scope());
        LambdaState state = states.get(context);
        FunctionConfiguration function = state.resolve(name);
        InvocationType type = request.invocationType() == null ? InvocationType.REQUEST_RESPONSE
                : request.invocationType();
        if (type == InvocationType.UNKNOWN_TO_SDK_VERSION) {
            throw LambdaErrors.validation().oneOf("invocationType", request.invocationTypeAsString(),
                    java.util.List.of("Event", "RequestResponse", "DryRun")).error();
        }
        byte[] payload = request.payload() == null ? new byte[0] : request.payload().asByteArray();
        int limit = type == InvocationType.EVENT ? MAX_EVENT_PAYLOAD : MAX_SYNC_PAYLOAD;
        if (payload.length > limit) {
            throw LambdaErrors.requestTooLarge("Request must be smaller than " + limit
                    + " bytes for the InvokeFunction operation");
        }
        checkJson(payload);
        if (type == InvocationType.DRY_RUN) {
            return InvokeResponse.builder().statusCode(204).build();
        }
        if (function.state() != State.ACTIVE) {
            throw LambdaErrors.notActive(function.stateAsString());
        }
        byte[] input = payload.length == 0 ? "{}".getBytes(StandardCharsets.UTF_8) : payload;
        if (type == InvocationType.EVENT) {
            async.enqueue(context, name, input);
            return InvokeResponse.builder().statusCode(202).build();
        }
        InvocationResult result = tooLargeRefused(run(state, function, name.qualifiedArn(context.scope()).toString(),
                context.requestId(), input, request.logType() == LogType.TAIL
                        ? InvocationMode.SYNCHRONOUS_WITH_LOG_TAIL : InvocationMode.SYNCHRONOUS));
        return InvokeResponse.builder()
                .statusCode(200)
                .payload(SdkBytes.fromByteArray(result.payload()))
                .functionError(result.functionError())
                .logResult(result.logTail())
                .executedVersion(result.executedVersion())
                .build();
    }

    /**
     * Runs one invocation of the function's current code, within its reserved concurrency: what synchronous and
     * asynchronous invocations share.
     */
    InvocationResult run(LambdaState state, FunctionConfiguration function, String invokedArn, String requestId,
                         byte[] payload, InvocationMode mode) {
        String key = state.scope.account() + "/" + state.scope.region() + "/" + function.functionName();
        AtomicInteger inFlight = running.computeIfAbsent(key, k -> new AtomicInteger());
        Integer reserved = state.reservedConcurrency.get(function.functionName());
        if (inFlight.incrementAndGet() > (reserved == null ? Integer.MAX_VALUE : reserved)) {
            inFlight.decrementAndGet();
            throw LambdaErrors.tooManyRequests("Rate Exceeded.", "ReservedFunctionConcurrentInvocationLimitExceeded");
        }
        try {
            return environments.invoke(setup(state.scope, function, code), invokedArn, requestId, payload, mode);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    /** A synchronous response over 6 MB is not returned: the caller gets Lambda's error in its place. */
    private static InvocationResult tooLargeRefused(InvocationResult result) {
        if (result.payload().length <= MAX_SYNC_PAYLOAD) {
            return result;
        }
        String error = "{\"errorMessage\":\"Response payload size exceeded maximum allowed payload size ("
                + MAX_SYNC_PAYLOAD + " bytes).\",\"errorType\":\"Function.ResponseSizeTooLarge\"}";
        return new InvocationResult(error.getBytes(StandardCharsets.UTF_8), InvocationResult.UNHANDLED,
                result.logTail(), result.executedVersion());
    }

    /** What an environment for the function (its $LATEST or a published version) is started with. */
    static FunctionSetup setup(Scope scope, FunctionConfiguration function, CodePackages code) {
        return new FunctionSetup(scope, function, function.version(), code.taskRoot(scope, function.codeSha256()));
    }

    private static void checkJson(byte[] payload) {
        if (payload.length == 0) {
            return;
        }
        try {
            Json.MAPPER.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new AwsServiceException("InvalidRequestContentException", "Could not parse request body into json: "
                    + "Could not parse payload into json: " + e.getOriginalMessage(), 400).with("Type", "User");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
