package gluelab.cloud.services.lambda;

import gluelab.cloud.provider.AccountRegionStore;
import gluelab.cloud.provider.Arn;
import gluelab.cloud.provider.RequestContext;
import java.util.List;
import software.amazon.awssdk.services.lambda.model.DeleteFunctionEventInvokeConfigRequest;
import software.amazon.awssdk.services.lambda.model.DeleteFunctionEventInvokeConfigResponse;
import software.amazon.awssdk.services.lambda.model.DestinationConfig;
import software.amazon.awssdk.services.lambda.model.FunctionEventInvokeConfig;
import software.amazon.awssdk.services.lambda.model.GetFunctionEventInvokeConfigRequest;
import software.amazon.awssdk.services.lambda.model.GetFunctionEventInvokeConfigResponse;
import software.amazon.awssdk.services.lambda.model.ListFunctionEventInvokeConfigsRequest;
import software.amazon.awssdk.services.lambda.model.ListFunctionEventInvokeConfigsResponse;
import software.amazon.awssdk.services.lambda.model.PutFunctionEventInvokeConfigRequest;
import software.amazon.awssdk.services.lambda.model.PutFunctionEventInvokeConfigResponse;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionEventInvokeConfigRequest;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionEventInvokeConfigResponse;

/**
 * A function's settings for asynchronous invocation: how often Lambda retries a failed event (0 to 2), how old an event
 * may get (60 seconds to 6 hours), and where the invocation record goes on success and on failure. Put replaces
 * them, Update changes only what it names.
 */
public final class EventInvokeConfigOperations {

    private final AccountRegionStore<LambdaState> states;

    EventInvokeConfigOperations(AccountRegionStore<LambdaState> states) {
        this.states = states;
    }

    public PutFunctionEventInvokeConfigResponse putFunctionEventInvokeConfig(RequestContext context,
            PutFunctionEventInvokeConfigRequest request) {
        FunctionEventInvokeConfig stored = store(context, request.functionName(), request.qualifier(),
                request.maximumRetryAttempts(), request.maximumEventAgeInSeconds(), request.destinationConfig(), false);
        return PutFunctionEventInvokeConfigResponse.builder()
                .applyMutation(b -> ShapeCopy.members(stored, b)).build();
    }

    public UpdateFunctionEventInvokeConfigResponse updateFunctionEventInvokeConfig(RequestContext context,
            UpdateFunctionEventInvokeConfigRequest request) {
        FunctionEventInvokeConfig stored = store(context, request.functionName(), request.qualifier(),
                request.maximumRetryAttempts(), request.maximumEventAgeInSeconds(), request.destinationConfig(), true);
        return UpdateFunctionEventInvokeConfigResponse.builder()
                .applyMutation(b -> ShapeCopy.members(stored, b)).build();
    }

    public GetFunctionEventInvokeConfigResponse getFunctionEventInvokeConfig(RequestContext context,
            GetFunctionEventInvokeConfigRequest request) {
        FunctionName name = name(context, request.functionName(), request.qualifier());
        FunctionEventInvokeConfig config = states.get(context).invokeConfigs.get(name.name());
        if (config == null) {
            throw notConfigured(context, name);
        }
        return GetFunctionEventInvokeConfigResponse.builder()
                .applyMutation(b -> ShapeCopy.members(config, b)).build();
    }

    public ListFunctionEventInvokeConfigsResponse listFunctionEventInvokeConfigs(RequestContext context,
            ListFunctionEventInvokeConfigsRequest request) {
        FunctionName name = name(context, request.functionName(), null);
        FunctionEventInvokeConfig config = states.get(context).invokeConfigs.get(name.name());
        return ListFunctionEventInvokeConfigsResponse.builder()
                .functionEventInvokeConfigs(config == null ? List.of() : List.of(config)).build();
    }

    public DeleteFunctionEventInvokeConfigResponse deleteFunctionEventInvokeConfig(RequestContext context,
            DeleteFunctionEventInvokeConfigRequest request) {
        FunctionName name = name(context, request.functionName(), request.qualifier());
        if (states.get(context).invokeConfigs.remove(name.name()) == null) {
            throw notConfigured(context, name);
        }
        return DeleteFunctionEventInvokeConfigResponse.builder().build();
    }

    private FunctionEventInvokeConfig store(RequestContext context, String functionName, String qualifier,
                                            Integer retries, Integer maxAge, DestinationConfig destinations,
                                            boolean merge) {
        LambdaErrors.validation()
                .required("functionName", functionName)
                .range("maximumRetryAttempts", retries, 0, 2)
                .range("maximumEventAgeInSeconds", maxAge, 60, 21_600)
                .orThrow();
        FunctionName name = name(context, functionName, qualifier);
        checkDestination(destinations == null || destinations.onSuccess() == null ? null
                : destinations.onSuccess().destination());
        checkDestination(destinations == null || destinations.onFailure() == null ? null
                : destinations.onFailure().destination());
        LambdaState state = states.get(context);
        synchronized (state) {
            FunctionEventInvokeConfig current = state.invokeConfigs.get(name.name());
            FunctionEventInvokeConfig.Builder next = merge && current != null ? current.toBuilder()
                    : FunctionEventInvokeConfig.builder().destinationConfig(DestinationConfig.builder().build());
            next.functionArn(name.arn(context.scope()).toString() + ":$LATEST").lastModified(context.now());
            if (retries != null || !merge) {
                next.maximumRetryAttempts(retries);
            }
            if (maxAge != null || !merge) {
                next.maximumEventAgeInSeconds(maxAge);
            }
            if (destinations != null) {
                next.destinationConfig(destinations);
            }
            FunctionEventInvokeConfig stored = next.build();
            state.invokeConfigs.put(name.name(), stored);
            return stored;
        }
    }

    private static void checkDestination(String destination) {
        if (destination == null) {
            return;
        }
        Arn arn = Arn.parse(destination).orElseThrow(() -> LambdaErrors.invalidParameter(
                "The destination ARN " + destination + " is invalid."));
        if (!List.of("lambda", "events", "sqs", "sns", "s3").contains(arn.service())) {
            throw LambdaErrors.invalidParameter("The provided destination config DestinationConfig ARN "
                    + destination + " is invalid.");
        }
    }

    private FunctionName name(RequestContext context, String functionName, String qualifier) {
        FunctionName name = FunctionName.parse("functionName", functionName, qualifier, context.scope());
        states.get(context).require(new FunctionName(name.name(), null));
        if (!name.latest()) {
            throw LambdaErrors.functionNotFound(name.qualifiedArn(context.scope()).toString());
        }
        return new FunctionName(name.name(), null);
    }

    private static RuntimeException notConfigured(RequestContext context, FunctionName name) {
        return LambdaErrors.notFound("The function " + name.arn(context.scope()) + " doesn't have an "
                + "EventInvokeConfig");
    }
}
