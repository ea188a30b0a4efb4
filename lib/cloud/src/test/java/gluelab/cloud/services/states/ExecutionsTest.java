package gluelab.cloud.services.states;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gluelab.cloud.testing.LabAdmin;
import gluelab.cloud.testing.RunningLabCloud;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;
import software.amazon.awssdk.services.sfn.model.SfnException;

/**
 * Executions through the AWS SDK: start (a name is idempotent while its execution runs), describe, list by status,
 * stop, the history with AWS's event types, ids and previousEventId (either order, in pages), the definition an
 * execution started with, and Wait states on the lab clock.
 */
class ExecutionsTest {

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory();

    private static final String WAIT_AN_HOUR = """
            {"StartAt":"Hold","States":{"Hold":{"Type":"Wait","Seconds":3600,"Next":"Done"},\
            "Done":{"Type":"Pass","Result":"done","End":true}}}""";

    private static SfnClient client() {
        return cloud.client(SfnClient.builder());
    }

    private static void assertError(Runnable call, String code, String message) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(SfnException.class, e -> {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
            assertThat(e.awsErrorDetails().errorMessage()).contains(message);
        });
    }

    @Test
    void aWaitStateHoldsTheExecutionUntilTheLabClockPassesItsEnd() {
        try (SfnClient sfn = client()) {
            String machine = StepFunctionsFixture.machine(sfn, StepFunctionsFixture.role(cloud), WAIT_AN_HOUR);
            String execution = sfn.startExecution(r -> r.stateMachineArn(machine).name("hold-1")).executionArn();
            assertThat(execution).endsWith(":execution:" + machine.substring(machine.lastIndexOf(':') + 1)
                    + ":hold-1");
            LabAdmin.advanceClock(cloud, Duration.ofMinutes(59));
            assertThat(sfn.describeExecution(r -> r.executionArn(execution)).status())
                    .isEqualTo(ExecutionStatus.RUNNING);
            LabAdmin.advanceClock(cloud, Duration.ofMinutes(1));
            DescribeExecutionResponse done = StepFunctionsFixture.finished(sfn, execution);
            assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(done.output()).isEqualTo("\"done\"");
            // The lab clock also runs on in real time: the hour, and the moments the test itself took.
            assertThat(Duration.between(done.startDate(), done.stopDate())).isBetween(Duration.ofHours(1),
                    Duration.ofHours(1).plusSeconds(5));
        }
    }

    @Test
    void aNameIsIdempotentForTheSameInputWhileRunningAndTakenOtherwise() {
        try (SfnClient sfn = client()) {
            String machine = StepFunctionsFixture.machine(sfn, StepFunctionsFixture.role(cloud), WAIT_AN_HOUR);
            String first = sfn.startExecution(r -> r.stateMachineArn(machine).name("once").input("{\"a\":1}"))
                    .executionArn();
            assertThat(sfn.startExecution(r -> r.stateMachineArn(machine).name("once").input("{\"a\":1}"))
                    .executionArn()).isEqualTo(first);
            assertError(() -> sfn.startExecution(r -> r.stateMachineArn(machine).name("once").input("{\"a\":2}")),
                    "ExecutionAlreadyExists", "Execution Already Exists: '" + first + "'");
            assertError(() -> sfn.startExecution(r -> r.stateMachineArn(machine).input("{not json")),
                    "InvalidExecutionInput", "Invalid State Machine Execution Input");
            assertError(() -> sfn.startExecution(r -> r.stateMachineArn(machine + "-gone")),
                    "StateMachineDoesNotExist", machine + "-gone");
            sfn.stopExecution(r -> r.executionArn(first));
            assertError(() -> sfn.startExecution(r -> r.stateMachineArn(machine).name("once").input("{\"a\":1}")),
                    "ExecutionAlreadyExists", first);
        }
    }

    @Test
    void aStoppedExecutionIsAbortedWithTheGivenErrorAndCauseAndListedByStatus() {
        try (SfnClient sfn = client()) {
            String machine = StepFunctionsFixture.machine(sfn, StepFunctionsFixture.role(cloud), WAIT_AN_HOUR);
            String stopped = sfn.startExecution(r -> r.stateMachineArn(machine).name("to-stop")).executionArn();
            String running = sfn.startExecution(r -> r.stateMachineArn(machine).name("keeps-running"))
                    .executionArn();
            sfn.stopExecution(r -> r.executionArn(stopped).error("Operator").cause("changed my mind"));
            DescribeExecutionResponse described = sfn.describeExecution(r -> r.executionArn(stopped));
            assertThat(described.status()).isEqualTo(ExecutionStatus.ABORTED);
            assertThat(described.error()).isEqualTo("Operator");
            assertThat(described.cause()).isEqualTo("changed my mind");
            List<HistoryEvent> history = sfn.getExecutionHistory(r -> r.executionArn(stopped)).events();
            assertThat(history.get(history.size() - 1).type()).isEqualTo(HistoryEventType.EXECUTION_ABORTED);
            assertThat(history.get(history.size() - 1).executionAbortedEventDetails().cause())
                    .isEqualTo("changed my mind");

            assertThat(sfn.listExecutions(r -> r.stateMachineArn(machine).statusFilter(ExecutionStatus.RUNNING))
                    .executions()).extracting(ExecutionListItem::executionArn).containsExactly(running);
            assertThat(sfn.listExecutions(r -> r.stateMachineArn(machine).statusFilter(ExecutionStatus.ABORTED))
                    .executions()).extracting(ExecutionListItem::executionArn).containsExactly(stopped);
            assertThat(sfn.listExecutionsPaginator(r -> r.stateMachineArn(machine).maxResults(1)).executions()
                    .stream().map(ExecutionListItem::name).toList()).containsExactlyInAnyOrder("to-stop",
                    "keeps-running");
            assertError(() -> sfn.describeExecution(r -> r.executionArn(stopped + "x")), "ExecutionDoesNotExist",
                    stopped + "x");
        }
    }

    @Test
    void theHistoryHasAwsEventTypesChainedByPreviousEventIdInEitherOrderAndInPages() {
        try (SfnClient sfn = client()) {
            String machine = StepFunctionsFixture.machine(sfn, StepFunctionsFixture.role(cloud), """
                    {"StartAt":"A","States":{"A":{"Type":"Pass","Result":{"x":1},"Next":"B"},\
                    "B":{"Type":"Succeed"}}}""");
            String execution = sfn.startExecution(r -> r.stateMachineArn(machine).input("{\"in\":true}"))
                    .executionArn();
            StepFunctionsFixture.finished(sfn, execution);
            List<HistoryEvent> events = sfn.getExecutionHistory(r -> r.executionArn(execution)).events();
            assertThat(events).extracting(HistoryEvent::typeAsString).containsExactly("ExecutionStarted",
                    "PassStateEntered", "PassStateExited", "SucceedStateEntered", "SucceedStateExited",
                    "ExecutionSucceeded");
            assertThat(events).extracting(HistoryEvent::id).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
            assertThat(events).extracting(HistoryEvent::previousEventId).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
            assertThat(events.get(0).executionStartedEventDetails().input()).isEqualTo("{\"in\":true}");
            assertThat(events.get(1).stateEnteredEventDetails().name()).isEqualTo("A");
            assertThat(events.get(2).stateExitedEventDetails().output()).isEqualTo("{\"x\":1}");
            assertThat(events.get(5).executionSucceededEventDetails().output()).isEqualTo("{\"x\":1}");

            List<Long> reversed = sfn.getExecutionHistoryPaginator(r -> r.executionArn(execution).reverseOrder(true)
                    .maxResults(4)).events().stream().map(HistoryEvent::id).toList();
            assertThat(reversed).containsExactly(6L, 5L, 4L, 3L, 2L, 1L);
            assertThat(sfn.getExecutionHistory(r -> r.executionArn(execution).maxResults(2)).nextToken())
                    .isNotNull();
            assertThat(sfn.getExecutionHistory(r -> r.executionArn(execution).includeExecutionData(false))
                    .events().get(0).executionStartedEventDetails().input()).isNull();
        }
    }

    @Test
    void describeStateMachineForExecutionShowsTheDefinitionTheExecutionStartedWith() {
        try (SfnClient sfn = client()) {
            String role = StepFunctionsFixture.role(cloud);
            String machine = StepFunctionsFixture.machine(sfn, role, WAIT_AN_HOUR);
            String execution = sfn.startExecution(r -> r.stateMachineArn(machine)).executionArn();
            sfn.updateStateMachine(r -> r.stateMachineArn(machine).definition("""
                    {"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}"""));
            assertThat(sfn.describeStateMachineForExecution(r -> r.executionArn(execution)).definition())
                    .isEqualTo(WAIT_AN_HOUR);
            assertThat(sfn.describeStateMachineForExecution(r -> r.executionArn(execution)).roleArn())
                    .isEqualTo(role);
            sfn.stopExecution(r -> r.executionArn(execution));
        }
    }

    @Test
    void aResetRemovesMachinesAndTheirExecutionsRunningOnesToo() {
        try (SfnClient sfn = client()) {
            String machine = sfn.createStateMachine(r -> r.name("reset-me").roleArn(StepFunctionsFixture.role(cloud))
                    .definition(WAIT_AN_HOUR)).stateMachineArn();
            String execution = sfn.startExecution(r -> r.stateMachineArn(machine)).executionArn();
            var reset = cloud.http(cloud.request("/_lab/reset?prefix=reset-")
                    .POST(java.net.http.HttpRequest.BodyPublishers.noBody()));
            assertThat(LabAdmin.json(reset).path("removed").path("states").asInt()).isEqualTo(1);
            assertError(() -> sfn.describeStateMachine(r -> r.stateMachineArn(machine)), "StateMachineDoesNotExist",
                    machine);
            assertError(() -> sfn.describeExecution(r -> r.executionArn(execution)), "ExecutionDoesNotExist",
                    execution);
            LabAdmin.advanceClock(cloud, Duration.ofHours(2));
            assertError(() -> sfn.getExecutionHistory(r -> r.executionArn(execution)), "ExecutionDoesNotExist",
                    execution);
        }
    }

    @Test
    void anExecutionPastItsMachinesTimeoutSecondsTimesOut() {
        try (SfnClient sfn = client()) {
            String machine = StepFunctionsFixture.machine(sfn, StepFunctionsFixture.role(cloud),
                    WAIT_AN_HOUR.replace("{\"StartAt\"", "{\"TimeoutSeconds\":60,\"StartAt\""));
            String execution = sfn.startExecution(r -> r.stateMachineArn(machine)).executionArn();
            LabAdmin.advanceClock(cloud, Duration.ofMinutes(2));
            DescribeExecutionResponse described = StepFunctionsFixture.finished(sfn, execution);
            assertThat(described.status()).isEqualTo(ExecutionStatus.TIMED_OUT);
            assertThat(described.error()).isEqualTo("States.Timeout");
        }
    }
}
