package gluelab.cloud.services.lambda;

import gluelab.cloud.provider.Scope;
import gluelab.cloud.state.Codec;
import gluelab.cloud.state.DurableMap;
import gluelab.cloud.state.ShapeCodec;
import gluelab.cloud.state.StateStore;
import software.amazon.awssdk.services.lambda.model.AliasConfiguration;
import software.amazon.awssdk.services.lambda.model.EventSourceMappingConfiguration;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.FunctionEventInvokeConfig;

/**
 * Lambda's resources in one account and region, all durable: each function's configuration (the AWS shape, with its
 * State and LastUpdateStatus), its resource policy (the JSON GetPolicy returns), its reserved concurrency, its
 * asynchronous invocation settings and the events queued for it, and the event-source mappings that feed functions
 * from queues. The code
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
    /** Published versions, keyed {@code name:version}; aliases, keyed {@code name:alias}. */
    final DurableMap<FunctionConfiguration> versions;
    final DurableMap<AliasConfiguration> aliases;
    /** Event-source mappings by UUID, as GetEventSourceMapping answers them. */
    final DurableMap<EventSourceMappingConfiguration> eventSourceMappings;

    public LambdaState(Scope scope, StateStore store) {
        this.scope = scope;
        this.functions = store.map(scope.mapName(SERVICE, "functions"), ShapeCodec.of(FunctionConfiguration.class));
        this.policies = store.map(scope.mapName(SERVICE, "policies"), Codec.of(String.class));
        this.reservedConcurrency = store.map(scope.mapName(SERVICE, "reserved-concurrency"), Codec.of(Integer.class));
        this.invokeConfigs = store.map(scope.mapName(SERVICE, "event-invoke-configs"),
                ShapeCodec.of(FunctionEventInvokeConfig.class));
        this.queuedEvents = store.map(scope.mapName(SERVICE, "queued-events"), Codec.of(QueuedEvent.class));
        this.versions = store.map(scope.mapName(SERVICE, "versions"), ShapeCodec.of(FunctionConfiguration.class));
        this.aliases = store.map(scope.mapName(SERVICE, "aliases"), ShapeCodec.of(AliasConfiguration.class));
        this.eventSourceMappings = store.map(scope.mapName(SERVICE, "event-source-mappings"),
                ShapeCodec.of(EventSourceMappingConfiguration.class));
    }

    /**
     * What a possibly qualified name invokes: $LATEST, a published version, or the version an alias points to.
     *
     * @throws gluelab.cloud.provider.AwsServiceException ResourceNotFoundException naming the qualified ARN
     */
    FunctionConfiguration resolve(FunctionName name) {
        FunctionConfiguration latest = require(new FunctionName(name.name(), null));
        if (name.latest()) {
            return latest;
        }
        String qualifier = name.qualifier();
        AliasConfiguration alias = aliases.get(name.name() + ":" + qualifier);
        String version = alias != null ? alias.functionVersion() : qualifier;
        if (version.equals("$LATEST")) {
            return latest;
        }
        FunctionConfiguration published = versions.get(name.name() + ":" + version);
        if (published == null) {
            throw LambdaErrors.functionNotFound(name.qualifiedArn(scope).toString());
        }
        return published;
    }

    FunctionConfiguration require(FunctionName name) {
        FunctionConfiguration function = functions.get(name.name());
        if (function == null) {
            throw LambdaErrors.functionNotFound(name.arn(scope).toString());
        }
        return function;
    }
}
