package gluelab.cloud.services.states;

import gluelab.cloud.testing.RunningLabCloud;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import java.util.UUID;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/**
 * What the Step Functions tests share: a role the service may assume, running a definition to its end, and reading
 * and awaiting an execution's history.
 */
final class StepFunctionsFixture {

    static final String TRUST = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"states.amazonaws.com"},\
            "Action":"sts:AssumeRole"}]}""";

    private StepFunctionsFixture() {
    }

    /** A role that trusts Step Functions and may do {@code actions} (e.g. {@code "lambda:InvokeFunction"}). */
    static String role(RunningLabCloud cloud, String name, String... actions) {
        try (IamClient iam = cloud.client(IamClient.builder())) {
            String arn;
            try {
                arn = iam.createRole(r -> r.roleName(name).assumeRolePolicyDocument(TRUST)).role().arn();
            } catch (EntityAlreadyExistsException exists) {
                arn = iam.getRole(r -> r.roleName(name)).role().arn();
            }
            if (actions.length > 0) {
                String list = String.join("\",\"", actions);
                iam.putRolePolicy(r -> r.roleName(name).policyName("work").policyDocument(
                        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"" + list
                                + "\"],\"Resource\":\"*\"}]}"));
            }
            return arn;
        }
    }

    static String role(RunningLabCloud cloud) {
        return role(cloud, "sfn-plain");
    }

    /** Creates a machine with a fresh name and returns its ARN. */
    static String machine(SfnClient sfn, String roleArn, String definition) {
        String name = "m-" + UUID.randomUUID().toString().substring(0, 8);
        return sfn.createStateMachine(r -> r.name(name).roleArn(roleArn).definition(definition)).stateMachineArn();
    }

    /** Waits (real time, at most 20 s) until the execution is no longer RUNNING. */
    static DescribeExecutionResponse finished(SfnClient sfn, String executionArn) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            DescribeExecutionResponse described = sfn.describeExecution(r -> r.executionArn(executionArn));
            if (described.status() != ExecutionStatus.RUNNING || System.nanoTime() > deadline) {
                return described;
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return described;
            }
        }
    }

    /** Runs {@code definition} on {@code input} to its end. */
    static DescribeExecutionResponse run(SfnClient sfn, String roleArn, String definition, String input) {
        String machine = machine(sfn, roleArn, definition);
        String execution = sfn.startExecution(r -> r.stateMachineArn(machine).input(input)).executionArn();
        return finished(sfn, execution);
    }

    /** An execution's history, oldest first (at most 1,000 events: the tests' executions have fewer). */
    static List<HistoryEvent> history(SfnClient sfn, String executionArn) {
        return sfn.getExecutionHistory(r -> r.executionArn(executionArn).maxResults(1000)).events();
    }

    /** Waits (real time, at most about 4 s) until the execution's history holds an event {@code wanted} accepts. */
    static void awaitHistoryEvent(SfnClient sfn, String executionArn, Predicate<HistoryEvent> wanted, String what) {
        for (int i = 0; i < 400; i++) {
            if (history(sfn, executionArn).stream().anyMatch(wanted)) {
                return;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new AssertionError("no " + what + " in " + executionArn);
    }
}
