package gluelab.cloud.services.lambda;

import gluelab.cloud.provider.AccountRegionStore;
import gluelab.cloud.provider.Arn;
import gluelab.cloud.provider.Pages;
import gluelab.cloud.provider.RequestContext;
import gluelab.cloud.provider.RoleSessions;
import gluelab.cloud.provider.Scope;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.lambda.model.Architecture;
import software.amazon.awssdk.services.lambda.model.Concurrency;
import software.amazon.awssdk.services.lambda.model.CreateFunctionRequest;
import software.amazon.awssdk.services.lambda.model.CreateFunctionResponse;
import software.amazon.awssdk.services.lambda.model.DeadLetterConfig;
import software.amazon.awssdk.services.lambda.model.DeleteFunctionRequest;
import software.amazon.awssdk.services.lambda.model.DeleteFunctionResponse;
import software.amazon.awssdk.services.lambda.model.EnvironmentResponse;
import software.amazon.awssdk.services.lambda.model.EphemeralStorage;
import software.amazon.awssdk.services.lambda.model.FunctionCodeLocation;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationRequest;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse;
import software.amazon.awssdk.services.lambda.model.GetFunctionRequest;
import software.amazon.awssdk.services.lambda.model.GetFunctionResponse;
import software.amazon.awssdk.services.lambda.model.ListFunctionsRequest;
import software.amazon.awssdk.services.lambda.model.ListFunctionsResponse;
import software.amazon.awssdk.services.lambda.model.LogFormat;
import software.amazon.awssdk.services.lambda.model.LoggingConfig;
import software.amazon.awssdk.services.lambda.model.PackageType;
import software.amazon.awssdk.services.lambda.model.TracingConfigResponse;
import software.amazon.awssdk.services.lambda.model.TracingMode;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionCodeRequest;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionCodeResponse;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionConfigurationRequest;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionConfigurationResponse;

/**
 * Functions: CreateFunction, GetFunction, GetFunctionConfiguration, ListFunctions, UpdateFunctionCode,
 * UpdateFunctionConfiguration and DeleteFunction, with AWS's checks and the State/LastUpdateStatus life cycle of
 * {@link FunctionStateMachine}. Lab Cloud runs Java functions (java17, java21) from zip packages.
 */
public final class FunctionOperations {

    public static final String LAMBDA_PRINCIPAL = "lambda.amazonaws.com";
    static final List<String> RUNTIMES = List.of("java17", "java21");
    static final int DEFAULT_TIMEOUT = 3;
    static final int DEFAULT_MEMORY = 128;
    /** Lambda's limit on the environment variables of one function, all names and values together. */
    static final int MAX_ENVIRONMENT_BYTES = 4096;
    private static final String ROLE_PATTERN = "arn:(aws[a-zA-Z-]*)?:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+";
    private static final String HANDLER_PATTERN = "[^\\s]+";
    private static final Pattern ENVIRONMENT_KEY = Pattern.compile("[a-zA-Z]([a-zA-Z0-9_])+");
    private static final Pattern DEAD_LETTER_TARGET = Pattern.compile("arn:(aws[a-zA-Z-]*)?:[a-z0-9-.]+:.*");
    private static final Set<String> RESERVED_KEYS = Set.of("_HANDLER", "_X_AMZN_TRACE_ID", "AWS_DEFAULT_REGION",
            "AWS_REGION", "AWS_EXECUTION_ENV", "AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
            "AWS_LAMBDA_FUNCTION_VERSION", "AWS_LAMBDA_INITIALIZATION_TYPE", "AWS_LAMBDA_LOG_GROUP_NAME",
            "AWS_LAMBDA_LOG_STREAM_NAME", "AWS_ACCESS_KEY", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
            "AWS_SESSION_TOKEN", "AWS_LAMBDA_RUNTIME_API", "LAMBDA_TASK_ROOT", "LAMBDA_RUNTIME_DIR");
    static final DateTimeFormatter LAST_MODIFIED = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")
            .withZone(ZoneOffset.UTC);
    private static final Pages PAGES = new Pages(LambdaErrors.VALIDATION,
            token -> LambdaErrors.invalidParameter("Invalid pagination token"));

    /** What runs a function's code: told when the code or configuration its environments were started with ends. */
    public interface Environments {
        void retire(Scope scope, String functionName);
    }

    private final AccountRegionStore<LambdaState> states;
    private final CodePackages code;
    private final RoleSessions roles;
    private final FunctionStateMachine lifeCycle;
    private final Environments environments;

    FunctionOperations(AccountRegionStore<LambdaState> states, CodePackages code, RoleSessions roles,
                       FunctionStateMachine lifeCycle, Environments environments) {
        this.states = states;
        this.code = code;
        this.roles = roles;
        this.lifeCycle = lifeCycle;
        this.environments = environments;
    }

    public CreateFunctionResponse createFunction(RequestContext context, CreateFunctionRequest request) {
        LambdaErrors.validation()
                .required("functionName", request.functionName())
                .required("role", request.role())
                .required("code", request.code())
                .pattern("role", request.role(), ROLE_PATTERN)
                .pattern("handler", request.handler(), HANDLER_PATTERN)
                .length("handler", request.handler(), 0, 128)
                .range("timeout", request.timeout(), 1, Integer.MAX_VALUE)
                .range("memorySize", request.memorySize(), 128, 10_240)
                .length("description", request.description(), 0, 256)
                .orThrow();
        FunctionName name = FunctionName.parse("functionName", request.functionName(), null, context.scope());
        if (name.qualifier() != null) {
            throw LambdaErrors.invalidParameter("Unsupported function name: " + request.functionName());
        }
        if (request.packageType() == PackageType.IMAGE) {
            throw LambdaErrors.invalidParameter("Lab Cloud runs functions from .zip file archives: container images "
                    + "are not supported");
        }
        checkRuntime(request.runtimeAsString());
        if (request.handler() == null) {
            throw LambdaErrors.invalidParameter("Handler is required for Zip package type.");
        }
        checkTimeout(request.timeout());
        checkEnvironment(request.environment() == null ? null : request.environment().variables());
        List<String> architectures = architectures(request.architecturesAsStrings());
        Arn role = checkRole(request.role());
        DeadLetterConfig deadLetters = deadLetterQueue(request.deadLetterConfig());
        LambdaState state = states.get(context);
        if (state.functions.containsKey(name.name())) {
            throw LambdaErrors.conflict("Function already exist: " + name.name());
        }
        var codeInput = request.code();
        CodePackages.Stored stored = code.accept(context, codeInput.zipFile() == null ? null
                : codeInput.zipFile().asByteArray(), codeInput.s3Bucket(), codeInput.s3Key(), codeInput.s3ObjectVersion());
        FunctionConfiguration function = FunctionConfiguration.builder()
                .functionName(name.name())
                .functionArn(name.arn(context.scope()).toString())
                .runtime(request.runtimeAsString())
                .role(role.toString())
                .handler(request.handler())
                .description(request.description() == null ? "" : request.description())
                .timeout(request.timeout() == null ? DEFAULT_TIMEOUT : request.timeout())
                .memorySize(request.memorySize() == null ? DEFAULT_MEMORY : request.memorySize())
                .architecturesWithStrings(architectures)
                .environment(request.environment() == null || !request.environment().hasVariables() ? null
                        : EnvironmentResponse.builder().variables(request.environment().variables()).build())
                .deadLetterConfig(deadLetters)
                .codeSha256(stored.sha256())
                .codeSize(stored.size())
                .lastModified(LAST_MODIFIED.format(context.now()))
                .revisionId(UUID.randomUUID().toString())
                .version("$LATEST")
                .packageType(PackageType.ZIP)
                .tracingConfig(TracingConfigResponse.builder().mode(TracingMode.PASS_THROUGH).build())
                .ephemeralStorage(EphemeralStorage.builder().size(512).build())
                .loggingConfig(LoggingConfig.builder().logFormat(LogFormat.TEXT)
                        .logGroup("/aws/lambda/" + name.name()).build())
                .build();
        FunctionConfiguration created = lifeCycle.created(function);
        synchronized (state) {
            if (state.functions.putIfAbsent(name.name(), created) != null) {
                throw LambdaErrors.conflict("Function already exist: " + name.name());
            }
        }
        lifeCycle.settle(state, name.name());
        return CreateFunctionResponse.builder().applyMutation(b -> ShapeCopy.members(created, b)).build();
    }

    public GetFunctionResponse getFunction(RequestContext context, GetFunctionRequest request) {
        LambdaState state = states.get(context);
        FunctionName name = FunctionName.parse("functionName", request.functionName(), request.qualifier(),
                context.scope());
        FunctionConfiguration function = state.resolve(name);
        Integer reserved = state.reservedConcurrency.get(name.name());
        return GetFunctionResponse.builder()
                .configuration(function)
                .code(FunctionCodeLocation.builder().repositoryType("S3")
                        .location(context.platform().edge().uri() + "/_lab/lambda/code/" + context.accountId() + "/"
                                + context.region() + "/" + name.name() + "/" + CodePackages.hex(function.codeSha256()))
                        .build())
                .concurrency(reserved == null ? null : Concurrency.builder().reservedConcurrentExecutions(reserved).build())
                .build();
    }

    public GetFunctionConfigurationResponse getFunctionConfiguration(RequestContext context,
                                                                     GetFunctionConfigurationRequest request) {
        FunctionName name = FunctionName.parse("functionName", request.functionName(), request.qualifier(),
                context.scope());
        FunctionConfiguration function = states.get(context).resolve(name);
        return GetFunctionConfigurationResponse.builder().applyMutation(b -> ShapeCopy.members(function, b)).build();
    }

    public ListFunctionsResponse listFunctions(RequestContext context, ListFunctionsRequest request) {
        LambdaErrors.validation().range("maxItems", request.maxItems(), 1, 10_000).orThrow();
        List<FunctionConfiguration> all = states.get(context).functions.values().stream()
                .sorted(Comparator.comparing(FunctionConfiguration::functionName)).toList();
        Pages.Page<FunctionConfiguration> page = PAGES.page(all, FunctionConfiguration::functionName,
                Comparator.naturalOrder(), request.marker(), request.maxItems(),
                new Pages.Limits("maxItems", 50, 10_000));
        return ListFunctionsResponse.builder().functions(page.items()).nextMarker(page.nextToken()).build();
    }

    public UpdateFunctionCodeResponse updateFunctionCode(RequestContext context, UpdateFunctionCodeRequest request) {
        FunctionName name = FunctionName.parse("functionName", request.functionName(), null, context.scope());
        LambdaState state = states.get(context);
        FunctionConfiguration current = state.require(name);
        checkUpdatable(current, request.revisionId());
        if (request.zipFile() == null && request.s3Bucket() == null && request.s3Key() == null) {
            throw LambdaErrors.invalidParameter("Please provide a source for function code.");
        }
        architectures(request.architecturesAsStrings());
        CodePackages.Stored stored = code.accept(context, request.zipFile() == null ? null
                : request.zipFile().asByteArray(), request.s3Bucket(), request.s3Key(), request.s3ObjectVersion());
        FunctionConfiguration updated = update(context, state, name, current, f -> f.codeSha256(stored.sha256())
                .codeSize(stored.size()).applyMutation(b -> {
                    if (request.hasArchitectures()) {
                        b.architecturesWithStrings(request.architecturesAsStrings());
                    }
                }));
        return UpdateFunctionCodeResponse.builder().applyMutation(b -> ShapeCopy.members(updated, b)).build();
    }

    public UpdateFunctionConfigurationResponse updateFunctionConfiguration(RequestContext context,
                                                                           UpdateFunctionConfigurationRequest request) {
        LambdaErrors.validation()
                .pattern("role", request.role(), ROLE_PATTERN)
                .pattern("handler", request.handler(), HANDLER_PATTERN)
                .range("timeout", request.timeout(), 1, Integer.MAX_VALUE)
                .range("memorySize", request.memorySize(), 128, 10_240)
                .length("description", request.description(), 0, 256)
                .orThrow();
        FunctionName name = FunctionName.parse("functionName", request.functionName(), null, context.scope());
        LambdaState state = states.get(context);
        FunctionConfiguration current = state.require(name);
        checkUpdatable(current, request.revisionId());
        if (request.runtimeAsString() != null) {
            checkRuntime(request.runtimeAsString());
        }
        checkTimeout(request.timeout());
        if (request.environment() != null) {
            checkEnvironment(request.environment().variables());
        }
        Arn role = request.role() == null ? null : checkRole(request.role());
        DeadLetterConfig deadLetters = deadLetterQueue(request.deadLetterConfig());
        FunctionConfiguration updated = update(context, state, name, current, f -> {
            if (request.deadLetterConfig() != null) {
                f.deadLetterConfig(deadLetters);
            }
            if (role != null) {
                f.role(role.toString());
            }
            if (request.handler() != null) {
                f.handler(request.handler());
            }
            if (request.runtimeAsString() != null) {
                f.runtime(request.runtimeAsString());
            }
            if (request.description() != null) {
                f.description(request.description());
            }
            if (request.timeout() != null) {
                f.timeout(request.timeout());
            }
            if (request.memorySize() != null) {
                f.memorySize(request.memorySize());
            }
            if (request.environment() != null) {
                Map<String, String> variables = request.environment().variables();
                f.environment(variables == null || variables.isEmpty() ? null
                        : EnvironmentResponse.builder().variables(variables).build());
            }
        });
        return UpdateFunctionConfigurationResponse.builder().applyMutation(b -> ShapeCopy.members(updated, b)).build();
    }

    public DeleteFunctionResponse deleteFunction(RequestContext context, DeleteFunctionRequest request) {
        FunctionName name = FunctionName.parse("functionName", request.functionName(), request.qualifier(),
                context.scope());
        LambdaState state = states.get(context);
        state.require(new FunctionName(name.name(), null));
        if (name.qualifier() != null) {
            if (name.latest()) {
                throw LambdaErrors.invalidParameter("Deletion of $LATEST version is not allowed. Please provide the "
                        + "unqualified function name.");
            }
            state.resolve(name);
            state.versions.remove(name.name() + ":" + name.qualifier());
            return DeleteFunctionResponse.builder().build();
        }
        remove(state, name.name());
        return DeleteFunctionResponse.builder().build();
    }

    /** Removes a function with its policy and concurrency, and ends its environments. */
    void remove(LambdaState state, String name) {
        synchronized (state) {
            state.functions.remove(name);
            state.policies.remove(name);
            state.reservedConcurrency.remove(name);
            state.versions.keys().stream().filter(k -> k.startsWith(name + ":")).toList().forEach(state.versions::remove);
            state.aliases.keys().stream().filter(k -> k.startsWith(name + ":")).toList().forEach(state.aliases::remove);
        }
        environments.retire(state.scope, name);
    }

    private FunctionConfiguration update(RequestContext context, LambdaState state, FunctionName name,
                                         FunctionConfiguration current,
                                         java.util.function.Consumer<FunctionConfiguration.Builder> change) {
        FunctionConfiguration updated;
        synchronized (state) {
            FunctionConfiguration latest = state.require(name);
            if (!latest.revisionId().equals(current.revisionId())) {
                throw inProgress(latest);
            }
            FunctionConfiguration.Builder next = latest.toBuilder();
            change.accept(next);
            next.lastModified(LAST_MODIFIED.format(context.now())).revisionId(UUID.randomUUID().toString());
            updated = lifeCycle.updating(next.build());
            state.functions.put(name.name(), updated);
        }
        environments.retire(state.scope, name.name());
        lifeCycle.settle(state, name.name());
        return updated;
    }

    private void checkUpdatable(FunctionConfiguration function, String revisionId) {
        if (revisionId != null && !revisionId.equals(function.revisionId())) {
            throw LambdaErrors.preconditionFailed("The Revision Id provided does not match the latest Revision Id. "
                    + "Call the GetFunction/GetAlias API to retrieve the latest Revision Id");
        }
        if (FunctionStateMachine.updateInProgress(function)) {
            throw inProgress(function);
        }
    }

    private static RuntimeException inProgress(FunctionConfiguration function) {
        return LambdaErrors.conflict("The operation cannot be performed at this time. An update is in progress for "
                + "resource: " + function.functionArn());
    }

    private Arn checkRole(String roleText) {
        Arn role = Arn.parse(roleText).orElseThrow();
        if (!roles.admitsService(LAMBDA_PRINCIPAL, role)) {
            throw LambdaErrors.invalidParameter("The role defined for the function cannot be assumed by Lambda.");
        }
        return role;
    }

    /** The function's dead-letter queue, checked; none for an empty target, which is how an update removes it. */
    private static DeadLetterConfig deadLetterQueue(DeadLetterConfig requested) {
        String target = requested == null ? null : requested.targetArn();
        if (target == null || target.isEmpty()) {
            return null;
        }
        LambdaErrors.validation().pattern("deadLetterConfig.targetArn", target, DEAD_LETTER_TARGET,
                DEAD_LETTER_TARGET.pattern()).orThrow();
        Arn queue = Arn.parse(target).orElseThrow(() -> LambdaErrors.invalidParameter("The target ARN of a "
                + "dead-letter queue is not a valid ARN: " + target));
        if (queue.service().equals("sns")) {
            throw LambdaErrors.invalidParameter("Lab Cloud sends dead letters to SQS queues: SNS topics are not served "
                    + "yet");
        }
        if (!queue.service().equals("sqs")) {
            throw LambdaErrors.invalidParameter("The target ARN of a dead-letter queue must be an SQS queue or an SNS "
                    + "topic: " + target);
        }
        return DeadLetterConfig.builder().targetArn(target).build();
    }

    private static void checkRuntime(String runtime) {
        if (runtime == null) {
            throw LambdaErrors.invalidParameter("Runtime is required for Zip package type.");
        }
        if (!RUNTIMES.contains(runtime)) {
            throw LambdaErrors.invalidParameter("Value " + runtime + " at 'runtime' failed to satisfy constraint: "
                    + "Lab Cloud runs Java functions on java17 and java21");
        }
    }

    private static void checkTimeout(Integer timeout) {
        if (timeout != null && timeout > 900) {
            throw LambdaErrors.invalidParameter("1 validation error detected: Value '" + timeout + "' at 'timeout' "
                    + "failed to satisfy constraint: Member must have value less than or equal to 900");
        }
    }

    private static List<String> architectures(List<String> requested) {
        if (requested == null || requested.isEmpty()) {
            return List.of(Architecture.X86_64.toString());
        }
        LambdaErrors.validation().size("architectures", requested, 1, 1).orThrow();
        if (Architecture.fromValue(requested.get(0)) == Architecture.UNKNOWN_TO_SDK_VERSION) {
            throw LambdaErrors.validation().oneOf("architectures", requested.get(0),
                    List.of("x86_64", "arm64")).error();
        }
        return List.copyOf(requested);
    }

    private static void checkEnvironment(Map<String, String> variables) {
        if (variables == null) {
            return;
        }
        List<String> reserved = variables.keySet().stream().filter(RESERVED_KEYS::contains).sorted().toList();
        if (!reserved.isEmpty()) {
            throw LambdaErrors.invalidParameter("Lambda was unable to configure your environment variables because the "
                    + "environment variables you have provided contains reserved keys that are currently not supported "
                    + "for modification. Reserved keys used in this request: " + String.join(", ", reserved));
        }
        for (String key : variables.keySet()) {
            if (!ENVIRONMENT_KEY.matcher(key).matches()) {
                throw LambdaErrors.validation().pattern("environment.variables", key, ENVIRONMENT_KEY,
                        ENVIRONMENT_KEY.pattern()).error();
            }
        }
        int size = variables.entrySet().stream().mapToInt(e -> e.getKey().length() + e.getValue().length()).sum();
        if (size > MAX_ENVIRONMENT_BYTES) {
            throw LambdaErrors.invalidParameter("Lambda was unable to configure your environment variables because the "
                    + "environment variables you have provided exceeded the 4KB limit. String measured: "
                    + size);
        }
    }
}
