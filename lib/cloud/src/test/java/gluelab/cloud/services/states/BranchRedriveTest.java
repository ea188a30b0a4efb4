package gluelab.cloud.services.states;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gluelab.cloud.testing.ChildLabCloud;
import gluelab.cloud.testing.LabAdmin;
import gluelab.cloud.testing.RunningLabCloud;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * RedriveExecution in a Parallel or inline Map state (API reference, RedriveExecution: "For workflows that include
 * an Inline Map or Parallel state, RedriveExecution API action reschedules and redrives only the iterations and
 * branches that failed or aborted"). The branches and iterations that succeeded keep their outputs and do not run
 * again; a failed branch runs on from the state it failed in, as a redriven execution does; the state's output has
 * the same shape, in branch or item order, as a first-time success, also when the redrive comes after a
 * {@code kill -9} of Lab Cloud. What fails the first time is an SQS queue that
 * does not exist yet; the test creates it before the redrive.
 */
class BranchRedriveTest {

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory();

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Branch 0 succeeds at once; branch 1 prepares, waits an hour on the lab clock, then looks its queue up. */
    private static final String PARALLEL = """
            {"StartAt":"Both","States":{"Both":{"Type":"Parallel","End":true,"Branches":[\
            {"StartAt":"Count","States":{"Count":{"Type":"Pass","Result":"counted","End":true}}},\
            {"StartAt":"Prep","States":{"Prep":{"Type":"Pass","Parameters":{"QueueName.$":"$.queue"},"Next":"Hold"},\
            "Hold":{"Type":"Wait","Seconds":3600,"Next":"Find"},\
            "Find":{"Type":"Task","Resource":"arn:aws:states:::aws-sdk:sqs:getQueueUrl",\
            "ResultSelector":{"url.$":"$.QueueUrl"},"End":true}}}]}}}""";

    /** One iteration at a time, so that the iterations after a failed one never start. */
    private static final String MAP = """
            {"StartAt":"Each","States":{"Each":{"Type":"Map","ItemsPath":"$.queues","MaxConcurrency":1,"End":true,\
            "ItemProcessor":{"StartAt":"Find","States":{"Find":{"Type":"Task",\
            "Resource":"arn:aws:states:::aws-sdk:sqs:getQueueUrl","Parameters":{"QueueName.$":"$"},\
            "ResultSelector":{"url.$":"$.QueueUrl"},"End":true}}}}}}""";

    @Test
    void aParallelKeepsTheBranchThatSucceededAndRunsTheFailedOneOnFromTheStateItFailedIn() throws Exception {
        String queue = "branch-" + UUID.randomUUID().toString().substring(0, 8);
        String role = StepFunctionsFixture.role(cloud, "sfn-branch-redrive", "sqs:GetQueueUrl");
        try (SqsClient sqs = cloud.client(SqsClient.builder()); SfnClient sfn = cloud.client(SfnClient.builder())) {
            String machine = StepFunctionsFixture.machine(sfn, role, PARALLEL);
            String execution = sfn.startExecution(r -> r.stateMachineArn(machine)
                    .input("{\"queue\":\"" + queue + "\"}")).executionArn();
            awaitExited(sfn, execution, "Count");
            awaitEntered(sfn, execution, "Hold");
            LabAdmin.advanceClock(cloud, Duration.ofHours(1));
            DescribeExecutionResponse failed = StepFunctionsFixture.finished(sfn, execution);
            assertThat(failed.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(entered(sfn, execution, "Count")).isEqualTo(1);

            sqs.createQueue(r -> r.queueName(queue));
            sfn.redriveExecution(r -> r.executionArn(execution));
            DescribeExecutionResponse done = StepFunctionsFixture.finished(sfn, execution);
            assertThat(done.status()).as(done.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);

            JsonNode output = JSON.readTree(done.output());
            assertThat(output.size()).isEqualTo(2);
            assertThat(output.get(0).asText()).isEqualTo("counted");
            assertThat(output.get(1).path("url").asText()).endsWith("/" + queue);
            assertThat(entered(sfn, execution, "Count")).as("the branch that succeeded").isEqualTo(1);
            assertThat(entered(sfn, execution, "Prep")).as("states before the failed one").isEqualTo(1);
            assertThat(entered(sfn, execution, "Hold")).isEqualTo(1);
            assertThat(entered(sfn, execution, "Find")).isEqualTo(2);
            assertThat(types(sfn, execution)).containsSubsequence("ParallelStateFailed", "ExecutionFailed",
                    "ExecutionRedriven", "ParallelStateEntered", "ParallelStateStarted", "TaskStateEntered",
                    "TaskSucceeded", "ParallelStateSucceeded", "ParallelStateExited", "ExecutionSucceeded");
        }
    }

    @Test
    void anInlineMapKeepsTheIterationsThatSucceededAndRunsTheFailedAndUnstartedOnes() throws Exception {
        String prefix = "item-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        List<String> queues = List.of(prefix + "0", prefix + "1", prefix + "2");
        String role = StepFunctionsFixture.role(cloud, "sfn-branch-redrive", "sqs:GetQueueUrl");
        try (SqsClient sqs = cloud.client(SqsClient.builder()); SfnClient sfn = cloud.client(SfnClient.builder())) {
            sqs.createQueue(r -> r.queueName(queues.get(0)));
            sqs.createQueue(r -> r.queueName(queues.get(2)));
            DescribeExecutionResponse failed = StepFunctionsFixture.run(sfn, role, MAP,
                    "{\"queues\":" + JSON.writeValueAsString(queues) + "}");
            assertThat(failed.status()).isEqualTo(ExecutionStatus.FAILED);
            String execution = failed.executionArn();
            assertThat(iterationsStarted(sfn, execution)).containsExactly(0, 1);

            sqs.createQueue(r -> r.queueName(queues.get(1)));
            sfn.redriveExecution(r -> r.executionArn(execution));
            DescribeExecutionResponse done = StepFunctionsFixture.finished(sfn, execution);
            assertThat(done.status()).as(done.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);

            JsonNode output = JSON.readTree(done.output());
            assertThat(output.size()).isEqualTo(3);
            for (int i = 0; i < 3; i++) {
                assertThat(output.get(i).path("url").asText()).endsWith("/" + queues.get(i));
            }
            assertThat(iterationsStarted(sfn, execution)).as("item 0 succeeded the first time")
                    .containsExactly(0, 1, 1, 2);
            assertThat(entered(sfn, execution, "Find")).isEqualTo(4);
            assertThat(types(sfn, execution)).containsSubsequence("MapIterationFailed", "MapStateFailed",
                    "ExecutionRedriven", "MapStateEntered", "MapIterationStarted", "MapIterationSucceeded",
                    "MapIterationStarted", "MapIterationSucceeded", "MapStateSucceeded", "ExecutionSucceeded");
        }
    }

    @Test
    void anInlineMapThatFailedBeforeKillNineKeepsItsSucceededIterationsAfterTheRestart(@TempDir Path stateDir)
            throws Exception {
        String prefix = "durable-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        List<String> queues = List.of(prefix + "0", prefix + "1", prefix + "2");
        String execution;
        try (ChildLabCloud first = ChildLabCloud.start(stateDir); SfnClient sfn = first.client(SfnClient.builder());
             SqsClient sqs = first.client(SqsClient.builder()); IamClient iam = first.client(IamClient.builder())) {
            String role = iam.createRole(r -> r.roleName("sfn-durable").assumeRolePolicyDocument(
                    StepFunctionsFixture.TRUST)).role().arn();
            iam.putRolePolicy(r -> r.roleName("sfn-durable").policyName("work").policyDocument("""
                    {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sqs:GetQueueUrl",\
                    "Resource":"*"}]}"""));
            sqs.createQueue(r -> r.queueName(queues.get(0)));
            sqs.createQueue(r -> r.queueName(queues.get(2)));
            DescribeExecutionResponse failed = StepFunctionsFixture.run(sfn, role, MAP,
                    "{\"queues\":" + JSON.writeValueAsString(queues) + "}");
            assertThat(failed.status()).isEqualTo(ExecutionStatus.FAILED);
            execution = failed.executionArn();
            first.kill();
        }
        try (ChildLabCloud second = ChildLabCloud.start(stateDir); SfnClient sfn = second.client(SfnClient.builder());
             SqsClient sqs = second.client(SqsClient.builder())) {
            sqs.createQueue(r -> r.queueName(queues.get(1)));
            sfn.redriveExecution(r -> r.executionArn(execution));
            DescribeExecutionResponse done = StepFunctionsFixture.finished(sfn, execution);
            assertThat(done.status()).as(done.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(JSON.readTree(done.output())).hasSize(3);
            assertThat(iterationsStarted(sfn, execution)).containsExactly(0, 1, 1, 2);
        }
    }

    private static List<HistoryEvent> events(SfnClient sfn, String execution) {
        return StepFunctionsFixture.history(sfn, execution);
    }

    private static List<String> types(SfnClient sfn, String execution) {
        return events(sfn, execution).stream().map(HistoryEvent::typeAsString).toList();
    }

    private static long entered(SfnClient sfn, String execution, String state) {
        return events(sfn, execution).stream().filter(e -> e.stateEnteredEventDetails() != null
                && state.equals(e.stateEnteredEventDetails().name())).count();
    }

    private static List<Integer> iterationsStarted(SfnClient sfn, String execution) {
        return events(sfn, execution).stream().filter(e -> e.typeAsString().equals("MapIterationStarted"))
                .map(e -> e.mapIterationStartedEventDetails().index()).toList();
    }

    private static void awaitEntered(SfnClient sfn, String execution, String state) {
        await(sfn, execution, e -> e.stateEnteredEventDetails() != null
                && state.equals(e.stateEnteredEventDetails().name()), state + " entered");
    }

    private static void awaitExited(SfnClient sfn, String execution, String state) {
        await(sfn, execution, e -> e.stateExitedEventDetails() != null
                && state.equals(e.stateExitedEventDetails().name()), state + " exited");
    }

    private static void await(SfnClient sfn, String execution, java.util.function.Predicate<HistoryEvent> wanted,
                              String what) {
        StepFunctionsFixture.awaitHistoryEvent(sfn, execution, wanted, what);
    }
}
