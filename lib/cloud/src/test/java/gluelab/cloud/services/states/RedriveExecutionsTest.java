package gluelab.cloud.services.states;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gluelab.cloud.testing.LabAdmin;
import gluelab.cloud.testing.RunningLabCloud;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionRedriveFilter;
import software.amazon.awssdk.services.sfn.model.ExecutionRedriveStatus;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.SfnException;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * RedriveExecution through the AWS SDK (developer guide, "Restarting state machine executions with redrive"): a
 * FAILED, ABORTED or TIMED_OUT STANDARD execution runs on from the state it stopped in, with that state's input,
 * under the same ARN, after an ExecutionRedriven event; the states that had succeeded are not run again.
 * DescribeExecution shows redriveCount, redriveDate and redriveStatus; anything else is ExecutionNotRedrivable.
 */
class RedriveExecutionsTest {

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory();

    private static final String PREP_THEN_HOLD = """
            {"StartAt":"Prep","States":{"Prep":{"Type":"Pass","Result":{"prepared":true},"ResultPath":"$.prep",\
            "Next":"Hold"},"Hold":{"Type":"Wait","Seconds":3600,"Next":"Done"},\
            "Done":{"Type":"Pass","End":true}}}""";

    private static void assertNotRedrivable(SfnClient sfn, String execution, String code) {
        assertThatThrownBy(() -> sfn.redriveExecution(r -> r.executionArn(execution)))
                .isInstanceOfSatisfying(SfnException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
                    assertThat(e.statusCode()).isEqualTo(400);
                });
    }

    private static List<String> types(SfnClient sfn, String execution) {
        return StepFunctionsFixture.history(sfn, execution).stream().map(HistoryEvent::typeAsString).toList();
    }

    @Test
    void aFailedTaskIsRunAgainWithItsInputAndTheStatesBeforeItAreNot() {
        String queue = "redrive-" + UUID.randomUUID().toString().substring(0, 8);
        String role = StepFunctionsFixture.role(cloud, "sfn-redrive", "sqs:GetQueueUrl");
        try (SqsClient sqs = cloud.client(SqsClient.builder()); SfnClient sfn = cloud.client(SfnClient.builder())) {
            DescribeExecutionResponse failed = StepFunctionsFixture.run(sfn, role, """
                    {"StartAt":"Prep","States":{"Prep":{"Type":"Pass","Parameters":{"QueueName.$":"$.queue"},\
                    "Next":"Find"},"Find":{"Type":"Task","Resource":"arn:aws:states:::aws-sdk:sqs:getQueueUrl",\
                    "End":true}}}""", "{\"queue\":\"" + queue + "\"}");
            assertThat(failed.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(failed.redriveStatus()).isEqualTo(ExecutionRedriveStatus.REDRIVABLE);
            assertThat(failed.redriveCount()).isZero();
            String execution = failed.executionArn();

            sqs.createQueue(r -> r.queueName(queue));
            var redriven = sfn.redriveExecution(r -> r.executionArn(execution));
            assertThat(redriven.redriveDate()).isNotNull();
            DescribeExecutionResponse done = StepFunctionsFixture.finished(sfn, execution);
            assertThat(done.status()).as(done.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(done.output()).contains("/" + queue + "\"");
            assertThat(done.redriveCount()).isEqualTo(1);
            assertThat(done.redriveDate()).isEqualTo(redriven.redriveDate());
            assertThat(done.redriveStatus()).isEqualTo(ExecutionRedriveStatus.NOT_REDRIVABLE);

            List<HistoryEvent> events = sfn.getExecutionHistory(r -> r.executionArn(execution)).events();
            List<String> types = events.stream().map(HistoryEvent::typeAsString).toList();
            assertThat(types).containsSubsequence("PassStateEntered", "TaskStateEntered", "TaskFailed",
                    "ExecutionFailed", "ExecutionRedriven", "TaskStateEntered", "TaskSucceeded", "ExecutionSucceeded");
            assertThat(types).filteredOn("PassStateEntered"::equals).hasSize(1);
            HistoryEvent event = events.stream().filter(e -> e.typeAsString().equals("ExecutionRedriven"))
                    .findFirst().orElseThrow();
            assertThat(event.executionRedrivenEventDetails().redriveCount()).isEqualTo(1);
            assertThat(event.previousEventId()).isEqualTo(event.id() - 1);
            assertThat(sfn.listExecutions(r -> r.stateMachineArn(done.stateMachineArn())
                    .redriveFilter(ExecutionRedriveFilter.REDRIVEN)).executions())
                    .extracting(e -> e.executionArn() + " " + e.redriveCount()).containsExactly(execution + " 1");
        }
    }

    @Test
    void anAbortedExecutionRunsOnFromTheStateItWasStoppedIn() {
        try (SfnClient sfn = cloud.client(SfnClient.builder())) {
            String machine = StepFunctionsFixture.machine(sfn, StepFunctionsFixture.role(cloud), PREP_THEN_HOLD);
            String execution = sfn.startExecution(r -> r.stateMachineArn(machine).input("{\"n\":1}")).executionArn();
            awaitEvent(sfn, execution, "WaitStateEntered");
            sfn.stopExecution(r -> r.executionArn(execution));
            sfn.redriveExecution(r -> r.executionArn(execution));
            assertThat(sfn.describeExecution(r -> r.executionArn(execution)).status())
                    .isEqualTo(ExecutionStatus.RUNNING);
            awaitEvent(sfn, execution, "ExecutionRedriven");
            LabAdmin.advanceClock(cloud, Duration.ofHours(1));
            DescribeExecutionResponse done = StepFunctionsFixture.finished(sfn, execution);
            assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(done.output()).isEqualTo("{\"n\":1,\"prep\":{\"prepared\":true}}");
            assertThat(types(sfn, execution)).filteredOn("PassStateEntered"::equals).hasSize(2);
            assertThat(types(sfn, execution)).containsSubsequence("ExecutionAborted", "ExecutionRedriven",
                    "WaitStateEntered", "WaitStateExited", "PassStateEntered", "ExecutionSucceeded");
        }
    }

    @Test
    void aTimedOutExecutionIsRedrivenWithItsTimeoutCountedFromTheRedrive() {
        try (SfnClient sfn = cloud.client(SfnClient.builder())) {
            String machine = StepFunctionsFixture.machine(sfn, StepFunctionsFixture.role(cloud),
                    PREP_THEN_HOLD.replace("{\"StartAt\"", "{\"TimeoutSeconds\":60,\"StartAt\""));
            String execution = sfn.startExecution(r -> r.stateMachineArn(machine)).executionArn();
            awaitEvent(sfn, execution, "WaitStateEntered");
            LabAdmin.advanceClock(cloud, Duration.ofMinutes(2));
            assertThat(StepFunctionsFixture.finished(sfn, execution).status()).isEqualTo(ExecutionStatus.TIMED_OUT);
            sfn.redriveExecution(r -> r.executionArn(execution));
            awaitEvent(sfn, execution, "ExecutionRedriven");
            LabAdmin.advanceClock(cloud, Duration.ofSeconds(30));
            assertThat(sfn.describeExecution(r -> r.executionArn(execution)).status())
                    .isEqualTo(ExecutionStatus.RUNNING);
            LabAdmin.advanceClock(cloud, Duration.ofSeconds(40));
            DescribeExecutionResponse again = StepFunctionsFixture.finished(sfn, execution);
            assertThat(again.status()).isEqualTo(ExecutionStatus.TIMED_OUT);
            assertThat(again.redriveCount()).isEqualTo(1);
        }
    }

    @Test
    void aRedrivenExecutionRunsOnWithTheVariablesAssignedBeforeTheStateItFailedIn() {
        try (SfnClient sfn = cloud.client(SfnClient.builder())) {
            DescribeExecutionResponse failed = StepFunctionsFixture.run(sfn, StepFunctionsFixture.role(cloud), """
                    {"StartAt":"Set","States":{"Set":{"Type":"Pass","Assign":{"n":5},"Next":"Use"},\
                    "Use":{"Type":"Pass","InputPath":"$$.Execution.RedriveTime","Parameters":{"n.$":"$n"},\
                    "End":true}}}""", "{}");
            assertThat(failed.status()).isEqualTo(ExecutionStatus.FAILED);
            sfn.redriveExecution(r -> r.executionArn(failed.executionArn()));
            awaitEvent(sfn, failed.executionArn(), "ExecutionRedriven");
            DescribeExecutionResponse again = StepFunctionsFixture.finished(sfn, failed.executionArn());
            assertThat(again.status()).as(again.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(again.output()).isEqualTo("{\"n\":5}");
        }
    }

    @Test
    void runningSucceededAndExpressExecutionsAreNotRedrivable() {
        try (SfnClient sfn = cloud.client(SfnClient.builder())) {
            String role = StepFunctionsFixture.role(cloud);
            String holding = StepFunctionsFixture.machine(sfn, role, PREP_THEN_HOLD);
            String running = sfn.startExecution(r -> r.stateMachineArn(holding)).executionArn();
            assertNotRedrivable(sfn, running, "ExecutionNotRedrivable");
            assertThat(sfn.describeExecution(r -> r.executionArn(running)).redriveStatus())
                    .isEqualTo(ExecutionRedriveStatus.NOT_REDRIVABLE);

            DescribeExecutionResponse succeeded = StepFunctionsFixture.run(sfn, role, """
                    {"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}""", "{}");
            assertNotRedrivable(sfn, succeeded.executionArn(), "ExecutionNotRedrivable");
            assertThat(succeeded.redriveStatusReason()).contains("SUCCEEDED");

            String express = sfn.createStateMachine(r -> r.name("x-" + UUID.randomUUID().toString().substring(0, 8))
                    .type("EXPRESS").roleArn(role).definition("""
                            {"StartAt":"F","States":{"F":{"Type":"Fail","Error":"E"}}}""")).stateMachineArn();
            String expressExecution = sfn.startExecution(r -> r.stateMachineArn(express)).executionArn();
            StepFunctionsFixture.finished(sfn, expressExecution);
            assertNotRedrivable(sfn, expressExecution, "ExecutionNotRedrivable");

            assertNotRedrivable(sfn, running + "-gone", "ExecutionDoesNotExist");
            assertNotRedrivable(sfn, "not-an-arn", "InvalidArn");
        }
    }

    private static void awaitEvent(SfnClient sfn, String execution, String type) {
        StepFunctionsFixture.awaitHistoryEvent(sfn, execution, e -> type.equals(e.typeAsString()), type);
    }
}
