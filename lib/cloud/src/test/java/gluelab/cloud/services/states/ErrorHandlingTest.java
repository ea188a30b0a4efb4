package gluelab.cloud.services.states;

import static org.assertj.core.api.Assertions.assertThat;

import gluelab.cloud.testing.LabAdmin;
import gluelab.cloud.testing.RunningLabCloud;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/**
 * Retry and Catch on the lab clock, as "Handling errors in Step Functions workflows" describes them: the delay grows
 * by BackoffRate up to MaxDelaySeconds, each retrier counts its own attempts, and {@code States.TaskFailed} does not
 * match {@code States.Timeout}, which only its own name (or {@code States.ALL}) catches.
 */
class ErrorHandlingTest {

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory();

    /** A Parallel state whose one branch fails with {@code error}, with these Retry and Catch fields. */
    private static String failing(String error, String handling) {
        return """
                {"StartAt":"Try","States":{"Try":{"Type":"Parallel","Branches":[{"StartAt":"F","States":\
                {"F":{"Type":"Fail","Error":"%s","Cause":"always"}}}],%s,"End":true},\
                "Caught":{"Type":"Pass","Result":"caught","End":true}}}""".formatted(error, handling);
    }

    private static List<Instant> attempts(SfnClient sfn, String execution) {
        List<Instant> times = new ArrayList<>();
        for (HistoryEvent event : sfn.getExecutionHistory(r -> r.executionArn(execution).maxResults(1000)).events()) {
            if (event.typeAsString().equals("ParallelStateStarted")) {
                times.add(event.timestamp());
            }
        }
        return times;
    }

    @Test
    void retryDelaysGrowByBackoffRateUpToMaxDelaySecondsOnTheLabClock() {
        try (SfnClient sfn = cloud.client(SfnClient.builder())) {
            String machine = StepFunctionsFixture.machine(sfn, StepFunctionsFixture.role(cloud), failing("Flaky",
                    "\"Retry\":[{\"ErrorEquals\":[\"Flaky\"],\"IntervalSeconds\":10,\"BackoffRate\":2,"
                            + "\"MaxAttempts\":3,\"MaxDelaySeconds\":15}]"));
            String execution = sfn.startExecution(r -> r.stateMachineArn(machine)).executionArn();
            LabAdmin.advanceClock(cloud, Duration.ofMinutes(1));
            DescribeExecutionResponse done = StepFunctionsFixture.finished(sfn, execution);
            assertThat(done.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(done.error()).isEqualTo("Flaky");
            List<Instant> times = attempts(sfn, execution);
            assertThat(times).hasSize(4);
            List<Long> gaps = new ArrayList<>();
            for (int i = 1; i < times.size(); i++) {
                gaps.add(Duration.between(times.get(i - 1), times.get(i)).toSeconds());
            }
            assertThat(gaps).containsExactly(10L, 15L, 15L);
        }
    }

    @Test
    void eachRetrierCountsItsOwnAttemptsAndCatchTakesOverWhenTheyAreSpent() {
        try (SfnClient sfn = cloud.client(SfnClient.builder())) {
            DescribeExecutionResponse done = run(sfn, failing("Second",
                    "\"Retry\":[{\"ErrorEquals\":[\"First\"],\"IntervalSeconds\":1,\"MaxAttempts\":5},"
                            + "{\"ErrorEquals\":[\"Second\"],\"IntervalSeconds\":1,\"MaxAttempts\":2}],"
                            + "\"Catch\":[{\"ErrorEquals\":[\"States.ALL\"],\"Next\":\"Caught\"}]"));
            assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(done.output()).isEqualTo("\"caught\"");
            assertThat(attempts(sfn, done.executionArn())).hasSize(3);
        }
    }

    @Test
    void maxAttemptsZeroNeverRetries() {
        try (SfnClient sfn = cloud.client(SfnClient.builder())) {
            DescribeExecutionResponse done = run(sfn, failing("Once",
                    "\"Retry\":[{\"ErrorEquals\":[\"States.ALL\"],\"MaxAttempts\":0}]"));
            assertThat(done.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(attempts(sfn, done.executionArn())).hasSize(1);
        }
    }

    @Test
    void statesTaskFailedDoesNotMatchATaskTimeoutButItsOwnNameDoes() {
        try (SfnClient sfn = cloud.client(SfnClient.builder())) {
            String role = StepFunctionsFixture.role(cloud, "sfn-children", "states:StartExecution",
                    "states:DescribeExecution", "states:StopExecution");
            String child = StepFunctionsFixture.machine(sfn, role, """
                    {"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":3600,"End":true}}}""");
            String task = """
                    {"StartAt":"Child","States":{"Child":{"Type":"Task",\
                    "Resource":"arn:aws:states:::states:startExecution.sync","TimeoutSeconds":30,\
                    "Parameters":{"StateMachineArn":"%s"},\
                    "Catch":[{"ErrorEquals":["%s"],"Next":"Caught"}],"End":true},\
                    "Caught":{"Type":"Pass","Result":"caught","End":true}}}""";
            String notCaught = StepFunctionsFixture.machine(sfn, role, task.formatted(child, "States.TaskFailed"));
            String caught = StepFunctionsFixture.machine(sfn, role, task.formatted(child, "States.Timeout"));
            String first = sfn.startExecution(r -> r.stateMachineArn(notCaught)).executionArn();
            String second = sfn.startExecution(r -> r.stateMachineArn(caught)).executionArn();
            LabAdmin.advanceClock(cloud, Duration.ofMinutes(1));
            DescribeExecutionResponse failed = StepFunctionsFixture.finished(sfn, first);
            assertThat(failed.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(failed.error()).isEqualTo("States.Timeout");
            DescribeExecutionResponse handled = StepFunctionsFixture.finished(sfn, second);
            assertThat(handled.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(handled.output()).isEqualTo("\"caught\"");
        }
    }

    /** Runs a definition whose retries wait a second or so each, moving the lab clock on until it ends. */
    private static DescribeExecutionResponse run(SfnClient sfn, String definition) {
        String machine = StepFunctionsFixture.machine(sfn, StepFunctionsFixture.role(cloud), definition);
        String execution = sfn.startExecution(r -> r.stateMachineArn(machine)).executionArn();
        LabAdmin.advanceClock(cloud, Duration.ofMinutes(1));
        return StepFunctionsFixture.finished(sfn, execution);
    }
}
