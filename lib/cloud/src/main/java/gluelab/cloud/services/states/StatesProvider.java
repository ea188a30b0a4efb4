package gluelab.cloud.services.states;

import gluelab.cloud.console.ConsoleView;
import gluelab.cloud.provider.AccessRules;
import gluelab.cloud.provider.AccountRegionStore;
import gluelab.cloud.provider.AwsServiceException;
import gluelab.cloud.provider.ConsoleReads;
import gluelab.cloud.provider.Pages;
import gluelab.cloud.provider.Platform;
import gluelab.cloud.provider.Protocol;
import gluelab.cloud.provider.ServiceDescriptor;
import gluelab.cloud.provider.ServiceProvider;
import gluelab.cloud.provider.ServiceRoleSessions;
import gluelab.cloud.services.states.asl.TaskIntegration;
import gluelab.cloud.services.states.integrations.GlueJobRunSync;
import gluelab.cloud.services.states.integrations.LambdaInvoke;
import gluelab.cloud.services.states.integrations.MapRunObjects;
import gluelab.cloud.services.states.integrations.SdkRequestResponse;
import gluelab.cloud.services.states.integrations.ServiceCalls;
import gluelab.cloud.services.states.integrations.StartExecutionSync;
import gluelab.cloud.services.states.integrations.TerminalEvents;
import java.util.List;

/**
 * AWS Step Functions: state machines ({@link StateMachineOperations}), their executions
 * ({@link ExecutionOperations}, run by {@link ExecutionRunner} with our own interpreter of the Amazon States
 * Language in {@code asl}), the map runs of Distributed Map states ({@link MapRunOperations}) and tags
 * ({@link StatesTagOperations}). Tasks call Lambda, Glue (with {@code .sync}),
 * Step Functions itself, SQS, DynamoDB and EventBridge, and any operation through {@code aws-sdk:*}, as a session
 * of the machine's role ({@code integrations}); a task with {@code .waitForTaskToken} waits for
 * {@link TaskCallbackOperations}. Waits, retries and timeouts run on the lab clock.
 *
 * <p>Where Lab Cloud differs from AWS: executions do not resume after a restart (one that was running ends FAILED
 * with {@code States.Runtime}, and cannot be redriven); Assign is evaluated in JSONata states only (a JSONata
 * catcher's and Choice rule's too); activities, versions and aliases are not implemented; a Distributed Map runs at
 * most 40 child executions at once whatever its MaxConcurrency, and has no WriterConfig, MaxConcurrencyPath or
 * redrive of its map run; a redrive reruns a Parallel or Map state whole; EXPRESS machines run as STANDARD ones do
 * (with their history kept), StartSyncExecution waiting for the end; logging configurations are stored, not written
 * to.
 */
public final class StatesProvider implements ServiceProvider {

    public static final String SERVICE = "states";
    static final String SERVICE_PRINCIPAL = "states.amazonaws.com";

    public static final ServiceDescriptor DESCRIPTOR = ServiceDescriptor.json(SERVICE, "states", Protocol.JSON_1_0,
            "AWSStepFunctions", "2016-11-23", "software.amazon.awssdk.services.sfn.model", "message");
    static final Pages PAGES = new Pages(StatesErrors.VALIDATION,
            token -> new AwsServiceException("InvalidToken", "Invalid Token: '" + token + "'", 400));

    private final AccountRegionStore<StatesState> states;
    private final ExecutionRunner runner;
    private final List<Object> operations;

    private final ConsoleView console;

    public StatesProvider(Platform platform) {
        this.console = new StateMachinesConsoleView(new ConsoleReads(platform.internal()));
        this.states = new AccountRegionStore<>(SERVICE, platform.state(), StatesState::new);
        ServiceCalls calls = new ServiceCalls(platform.internal(), new ServiceRoleSessions(platform.roles(),
                platform.clock(), SERVICE_PRINCIPAL, "StepFunctions"));
        TerminalEvents terminal = new TerminalEvents(platform.events());
        List<TaskIntegration> integrations = List.of(
                new LambdaInvoke(calls),
                new GlueJobRunSync(calls, terminal),
                new StartExecutionSync(calls, terminal),
                new SdkRequestResponse(calls));
        this.runner = new ExecutionRunner(platform, states, integrations, new MapRunObjects(calls));
        this.operations = List.of(
                new StateMachineOperations(states, runner, platform.roles()),
                new ExecutionOperations(states, runner),
                new StatesTagOperations(states),
                new MapRunOperations(states, runner.mapRuns()),
                new TaskCallbackOperations(runner.tokens()));
        runner.failInterrupted();
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
        return new StatesAccessRules();
    }

    @Override
    public List<Object> operationHandlers() {
        return operations;
    }

    @Override
    public int reset(String prefix) {
        int removed = 0;
        for (StatesState state : states.all().values()) {
            synchronized (state) {
                removed += state.reset(prefix, runner::discard);
            }
        }
        return removed;
    }

    @Override
    public void close() {
        runner.close();
    }
}
