package gluelab.cloud.provider;

import com.fasterxml.jackson.databind.JsonNode;
import gluelab.cloud.auth.Authentication;
import gluelab.cloud.auth.Credential;
import gluelab.cloud.shape.JsonShapeCodec;
import gluelab.cloud.shape.ShapeReadException;
import java.util.UUID;

/**
 * How one service calls another: in-process, through the same typed operations the edge dispatches to,
 * acting as a named principal in an account. Glue writes its job logs to CloudWatch Logs this way, and
 * S3 will deliver notifications to SQS this way; no provider holds another's objects.
 */
public final class InternalCalls {

    private final ServiceRegistry registry;
    private volatile Platform platform;
    private final CloudWatchLogsWriter logsWriter = new CloudWatchLogsWriter(this);

    public InternalCalls(ServiceRegistry registry) {
        this.registry = registry;
    }

    void bind(Platform platform) {
        this.platform = platform;
    }

    /** Whether this Lab Cloud has {@code service} (Lambda, SQS and others arrive one at a time). */
    public boolean serves(String service) {
        return registry.byName(service).isPresent();
    }

    /** The writer services share for their own logs, calling CloudWatch Logs through this. */
    CloudWatchLogsWriter logsWriter() {
        return logsWriter;
    }

    /**
     * Calls {@code service}'s operation for {@code request}'s type, e.g. a {@code PutLogEventsRequest}, as
     * {@code principalArn} in {@code scope}. Errors come out as the {@link AwsServiceException} the
     * provider threw.
     *
     * @param extraArguments what the operation takes after the request, e.g. an S3 upload's body
     */
    public <R> R call(String service, Scope scope, String principalArn, Object request, Object... extraArguments) {
        return call(service, scope, principalArn, null, request, extraArguments);
    }

    /**
     * Calls as an AWS service principal ({@code events.amazonaws.com}) on behalf of one of its resources, e.g. an
     * EventBridge rule invoking a function: the callee's resource policy decides, seeing {@code sourceArn} as
     * {@code aws:SourceArn} and its account as {@code aws:SourceAccount}, as on AWS.
     */
    public <R> R callAsService(String service, Scope scope, String servicePrincipal, Arn sourceArn, Object request,
                               Object... extraArguments) {
        return call(service, scope, servicePrincipal, sourceArn, request, extraArguments);
    }

    private <R> R call(String service, Scope scope, String principalArn, Arn sourceArn, Object request,
                       Object... extraArguments) {
        // SQS, Step Functions and others arrive one at a time: a call to one not here yet fails as the caller's error.
        ServiceProvider provider = registry.byName(service)
                .orElseThrow(() -> new AwsServiceException("UnknownServiceException",
                        "The " + service + " service is not available in this Lab Cloud", 400));
        String requestName = request.getClass().getSimpleName();
        String operationName = requestName.substring(0, requestName.length() - "Request".length());
        return invoke(provider, registry.catalog(provider).require(operationName), scope, principalArn, sourceArn,
                request, extraArguments);
    }

    /**
     * Calls an operation named as the AWS SDKs name it: the service by its SDK identifier ({@code glue},
     * {@code cloudwatchlogs}, {@code sfn}: the package of its model classes) and the action in camel case
     * ({@code startJobRun}), with the request as JSON of the model's member names ({@code {"JobName":"etl"}}), as
     * {@code principalArn} in {@code scope}. This is what EventBridge Scheduler's universal targets do.
     *
     * @return the operation's typed response
     * @throws AwsServiceException the operation's own errors; {@code UnknownOperationException} when this Lab Cloud
     *                             has no such operation, {@code UnknownServiceException} no such service; {@code SerializationException} when the JSON does
     *                             not fit the request
     */
    public Object callBySdkName(String sdkServiceId, String action, Scope scope, String principalArn,
                                JsonNode requestMembers) {
        String modelPackage = "software.amazon.awssdk.services." + sdkServiceId + ".model";
        ServiceProvider provider = registry.providers().stream()
                .filter(p -> p.descriptor().modelPackage().equals(modelPackage)).findFirst()
                .orElseThrow(() -> new AwsServiceException("UnknownServiceException",
                        "Lab Cloud has no service the AWS SDKs call '" + sdkServiceId + "'", 400));
        String operationName = action.isEmpty() ? action : Character.toUpperCase(action.charAt(0)) + action.substring(1);
        Operation operation = registry.catalog(provider).require(operationName);
        if (operation.extraParameterTypes().length > 0) {
            throw CommonErrors.notImplemented(provider.descriptor(), operationName + " with a streamed payload");
        }
        Object request;
        try {
            request = JsonShapeCodec.readByMemberNames(requestMembers, operation.requestClass());
        } catch (ShapeReadException e) {
            throw CommonErrors.malformedInput(provider.descriptor(), e.getMessage());
        }
        return invoke(provider, operation, scope, principalArn, null, request);
    }

    @SuppressWarnings("unchecked")
    private <R> R invoke(ServiceProvider provider, Operation operation, Scope scope, String principalArn,
                         Arn sourceArn, Object request, Object... extraArguments) {
        String operationName = operation.name();
        OperationCatalog operations = registry.catalog(provider);
        Credential caller = new Credential("internal", "", scope.account(), null, null, principalArn, principalArn);
        Authentication auth = new Authentication(caller, scope.region(), provider.descriptor().signingName(),
                null, null, null, null);
        RequestContext context = new RequestContext(UUID.randomUUID().toString(), provider.descriptor(), null,
                RequestBody.ofBytes(new byte[0]), auth, platform.clock().instant(), platform);
        context.operation(operationName);
        context.sourceArn(sourceArn);
        // A service acting as a role (a crawler reading S3 as the crawler's role) is judged as that role would be.
        platform.access().authorize(context, provider, operationName, request);
        return (R) operations.invoke(operation, context, request, extraArguments);
    }
}
