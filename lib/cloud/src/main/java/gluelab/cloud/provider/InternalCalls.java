package gluelab.cloud.provider;

import gluelab.cloud.auth.Authentication;
import gluelab.cloud.auth.Credential;
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

    @SuppressWarnings("unchecked")
    private <R> R call(String service, Scope scope, String principalArn, Arn sourceArn, Object request,
                       Object... extraArguments) {
        ServiceProvider provider = registry.byName(service)
                .orElseThrow(() -> new IllegalStateException("No service " + service + " in this Lab Cloud"));
        OperationCatalog operations = registry.catalog(provider);
        String requestName = request.getClass().getSimpleName();
        String operationName = requestName.substring(0, requestName.length() - "Request".length());
        Operation operation = operations.require(operationName);
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
