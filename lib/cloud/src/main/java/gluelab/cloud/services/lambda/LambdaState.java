package gluelab.cloud.services.lambda;

import gluelab.cloud.provider.Scope;
import gluelab.cloud.state.Codec;
import gluelab.cloud.state.DurableMap;
import gluelab.cloud.state.ShapeCodec;
import gluelab.cloud.state.StateStore;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.FunctionEventInvokeConfig;

/**
 * Lambda's resources in one account and region, all durable: each function's configuration (the AWS shape, with its
 * State and LastUpdateStatus), its resource policy (the JSON GetPolicy returns), its reserved concurrency, its
 * asynchronous invocation settings and the events queued for it. The code
 * itself is kept beside the journal, in {@link FunctionCode}. Compound changes hold this object's monitor.
 */
public final class LambdaState {

    private static final String SERVICE = "lambda";

    final Scope scope;
    final DurableMap<FunctionConfiguration> functions;
    final DurableMap<String> policies;
    final DurableMap<Integer> reservedConcurrency;
    final DurableMap<FunctionEventInvokeConfig> invokeConfigs;
    final DurableMap<QueuedEvent> queuedEvents;

    public LambdaState(Scope scope, StateStore store) {
        this.scope = scope;
        this.functions = store.map(scope.mapName(SERVICE, "functions"), ShapeCodec.of(FunctionConfiguration.class));
        this.policies = store.map(scope.mapName(SERVICE, "policies"), Codec.of(String.class));
        this.reservedConcurrency = store.map(scope.mapName(SERVICE, "reserved-concurrency"), Codec.of(Integer.class));
        this.invokeConfigs = store.map(scope.mapName(SERVICE, "event-invoke-configs"),
                ShapeCodec.of(FunctionEventInvokeConfig.class));
        this.queuedEvents = store.map(scope.mapName(SERVICE, "queued-events"), Codec.of(QueuedEvent.class));
    }

    FunctionConfiguration require(FunctionName name) {
        FunctionConfiguration function = functions.get(name.name());
        if (function == null) {
            throw LambdaErrors.functionNotFound(name.arn(scope).toString());
        }
        return function;
    }
}
