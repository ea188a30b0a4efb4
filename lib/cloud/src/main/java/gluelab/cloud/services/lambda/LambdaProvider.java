package gluelab.cloud.services.lambda;

import gluelab.cloud.console.ConsoleView;
import gluelab.cloud.http.HttpExchange;
import gluelab.cloud.http.HttpResponse;
import gluelab.cloud.provider.AccessRules;
import gluelab.cloud.provider.AccountRegionStore;
import gluelab.cloud.provider.AdminRoute;
import gluelab.cloud.provider.ConsoleReads;
import gluelab.cloud.provider.Platform;
import gluelab.cloud.provider.Scope;
import gluelab.cloud.provider.ServiceDescriptor;
import gluelab.cloud.provider.ServiceProvider;
import gluelab.cloud.services.lambda.execution.ExecutionEnvironments;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;

/**
 * AWS Lambda: functions ({@link FunctionOperations}), invocations ({@link InvocationOperations}, with the queue of
 * {@link AsyncInvocations}), resource policies ({@link PermissionOperations}), asynchronous invocation settings
 * ({@link EventInvokeConfigOperations}) and reserved concurrency ({@link ConcurrencyOperations}). Handlers run in
 * {@link ExecutionEnvironments}: JVMs running AWS's Java Runtime Interface Client against Lab Cloud's Runtime API.
 */
public final class LambdaProvider implements ServiceProvider {

    public static final ServiceDescriptor DESCRIPTOR = ServiceDescriptor.restJson("lambda", "lambda", "2015-03-31",
            "software.amazon.awssdk.services.lambda.model");
    private static final Logger LOG = Logger.getLogger(LambdaProvider.class.getName());

    private final AccountRegionStore<LambdaState> states;
    private final CodePackages code;
    private final ExecutionEnvironments environments;
    private final FunctionStateMachine lifeCycle;
    private final AsyncInvocations async;
    private final FunctionOperations functions;
    private final InvocationOperations invocations;
    private final QueuePollers pollers;
    private final EventSourceMappingOperations mappings;
    private final List<Object> handlers;

    private final ConsoleView console;

    public LambdaProvider(Platform platform) {
        this.console = new FunctionsConsoleView(new ConsoleReads(platform.internal()));
        this.states = new AccountRegionStore<>(DESCRIPTOR.name(), platform.state(), LambdaState::new);
        Path payload = platform.state().payloadDir(DESCRIPTOR.name());
        this.code = new CodePackages(payload, platform.internal());
        this.environments = new ExecutionEnvironments(platform, payload.resolve("environments"));
        this.lifeCycle = new FunctionStateMachine(new FunctionStateMachine.CodePreparation() {
            @Override
            public void prepare(Scope scope, FunctionConfiguration function) {
                code.taskRoot(scope, function.codeSha256());
            }

            @Override
            public void ready(Scope scope, FunctionConfiguration function) {
                environments.prestart(InvocationOperations.setup(scope, function, code));
            }
        });
        this.functions = new FunctionOperations(states, code, platform.roles(), lifeCycle, environments);
        this.async = new AsyncInvocations(platform, states, this::invocations);
        this.invocations = new InvocationOperations(states, code, environments, async);
        this.pollers = new QueuePollers(platform, states, this::invocations);
        this.mappings = new EventSourceMappingOperations(states, pollers);
        this.handlers = List.of(functions, invocations, new PermissionOperations(states),
                new EventInvokeConfigOperations(states), new ConcurrencyOperations(states), new VersionOperations(states),
                mappings);
        settleInterruptedLifeCycles();
        async.resume();
        pollers.resume();
    }

    private InvocationOperations invocations() {
        return invocations;
    }

    @Override
    public List<ConsoleView> consoleViews() {
        return List.of(console);
    }

    @Override
    public ServiceDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public AccessRules accessRules() {
        return new LambdaAccessRules(states);
    }

    @Override
    public List<Object> operationHandlers() {
        return handlers;
    }

    /**
     * GetFunction's Code.Location: the deployment package, as AWS's presigned URL gives it. Like a presigned URL it
     * needs no signature; the package's SHA-256 in the path is what makes it unguessable.
     */
    @Override
    public List<AdminRoute> adminRoutes() {
        return List.of(new AdminRoute("lambda/code", this::serveCode));
    }

    @Override
    public Map<String, Supplier<String>> healthDetails() {
        return Map.of("lambdaEnvironments", () -> Integer.toString(environments.running()),
                "lambdaQueuePollers", () -> Integer.toString(pollers.threads()));
    }

    @Override
    public int reset(String prefix) {
        int removed = 0;
        for (LambdaState state : states.all().values()) {
            mappings.removeMappingsOfFunctionsNamed(state, prefix);
            for (String name : List.copyOf(state.functions.keys())) {
                if (prefix == null || name.startsWith(prefix)) {
                    functions.remove(state, name);
                    state.invokeConfigs.remove(name);
                    state.queuedEvents.values().stream().filter(e -> e.functionName().equals(name))
                            .forEach(e -> state.queuedEvents.remove(e.requestId()));
                    removed++;
                }
            }
        }
        return removed;
    }

    @Override
    public void close() {
        pollers.close();
        async.close();
        lifeCycle.close();
        environments.close();
    }

    /** A function left Pending or InProgress by a stop is settled again when Lab Cloud starts. */
    private void settleInterruptedLifeCycles() {
        for (LambdaState state : states.all().values()) {
            for (FunctionConfiguration function : state.functions.values()) {
                if (FunctionStateMachine.updateInProgress(function)) {
                    lifeCycle.settle(state, function.functionName());
                }
            }
        }
    }

    private void serveCode(HttpExchange exchange) {
        String[] parts = exchange.rawPath().substring("/_lab/lambda/code/".length()).split("/");
        HttpResponse response;
        HttpResponse missing = HttpResponse.of(404, "text/plain", "No such function code");
        if (parts.length != 4 || !exchange.method().equals("GET")) {
            response = missing;
        } else {
            Scope scope = new Scope(parts[0], parts[1]);
            FunctionConfiguration function = states.all().containsKey(scope)
                    ? states.get(scope).functions.get(parts[2]) : null;
            response = function == null || !CodePackages.hex(function.codeSha256()).equals(parts[3]) ? missing
                    : HttpResponse.of(200, "application/zip", code.read(scope, function.codeSha256()));
        }
        try {
            exchange.respond(response);
        } catch (IOException e) {
            LOG.log(Level.FINE, "A code download went away", e);
        }
    }
}
