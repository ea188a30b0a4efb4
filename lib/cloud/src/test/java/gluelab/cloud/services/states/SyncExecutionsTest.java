package gluelab.cloud.services.states;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gluelab.cloud.testing.RunningLabCloud;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.SfnException;
import software.amazon.awssdk.services.sfn.model.StartSyncExecutionResponse;
import software.amazon.awssdk.services.sfn.model.SyncExecutionStatus;

/**
 * StartSyncExecution through the AWS SDK (API reference, "StartSyncExecution"): an EXPRESS machine's execution,
 * answered once it has ended with its status, output or error and cause, and its billing details; a STANDARD
 * machine is StateMachineTypeNotSupported. The SDK sends it to the {@code sync-} host on AWS; a client aimed at
 * Lab Cloud's address leaves the prefix off.
 */
class SyncExecutionsTest {

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory();

    /**
     * A client that neither retries nor waits long: an answer that never comes (an execution's end missed) fails the
     * test instead of passing on a retry minutes later.
     */
    private static SfnClient sfn() {
        return cloud.client(SfnClient.builder().overrideConfiguration(o -> o.apiCallTimeout(Duration.ofSeconds(20))
                .retryStrategy(AwsRetryStrategy.doNotRetry())));
    }

    private static String express(SfnClient sfn, String definition) {
        String name = "x-" + UUID.randomUUID().toString().substring(0, 8);
        return sfn.createStateMachine(r -> r.name(name).type("EXPRESS").roleArn(StepFunctionsFixture.role(cloud))
                .definition(definition)).stateMachineArn();
    }

    @Test
    void aSyncExpressExecutionAnswersWithItsOutputOnceItHasEnded() {
        try (SfnClient sfn = sfn()) {
            String machine = express(sfn, """
                    {"StartAt":"Add","States":{"Add":{"Type":"Pass",\
                    "Parameters":{"sum.$":"States.MathAdd($.a, $.b)"},"End":true}}}""");
            StartSyncExecutionResponse done = sfn.startSyncExecution(r -> r.stateMachineArn(machine).name("adds")
                    .input("{\"a\":2,\"b\":3}"));
            assertThat(done.status()).isEqualTo(SyncExecutionStatus.SUCCEEDED);
            assertThat(done.output()).isEqualTo("{\"sum\":5}");
            assertThat(done.input()).isEqualTo("{\"a\":2,\"b\":3}");
            assertThat(done.name()).isEqualTo("adds");
            assertThat(done.stateMachineArn()).isEqualTo(machine);
            assertThat(done.executionArn()).startsWith(machine.replace(":stateMachine:", ":express:") + ":adds:");
            assertThat(done.stopDate()).isAfterOrEqualTo(done.startDate());
            assertThat(done.billingDetails().billedDurationInMilliseconds()).isPositive();
            assertThat(done.billingDetails().billedMemoryUsedInMB()).isPositive();

            // Many in a row: each ends at once, racing the request that waits for it.
            for (int i = 0; i < 20; i++) {
                int n = i;
                assertThat(sfn.startSyncExecution(r -> r.stateMachineArn(machine).input("{\"a\":" + n + ",\"b\":1}"))
                        .output()).isEqualTo("{\"sum\":" + (n + 1) + "}");
            }
            StartSyncExecutionResponse again = sfn.startSyncExecution(r -> r.stateMachineArn(machine).name("adds")
                    .input("{\"a\":1,\"b\":1}"));
            assertThat(again.output()).isEqualTo("{\"sum\":2}");
            assertThat(again.executionArn()).isNotEqualTo(done.executionArn());
        }
    }

    @Test
    void aFailedSyncExecutionAnswersWithItsErrorAndCause() {
        try (SfnClient sfn = sfn()) {
            String machine = express(sfn, """
                    {"StartAt":"F","States":{"F":{"Type":"Fail","Error":"Broke","Cause":"on purpose"}}}""");
            StartSyncExecutionResponse done = sfn.startSyncExecution(r -> r.stateMachineArn(machine));
            assertThat(done.status()).isEqualTo(SyncExecutionStatus.FAILED);
            assertThat(done.error()).isEqualTo("Broke");
            assertThat(done.cause()).isEqualTo("on purpose");
            assertThat(done.output()).isNull();
        }
    }

    @Test
    void aStandardMachineCannotRunSynchronously() {
        try (SfnClient sfn = sfn()) {
            String machine = StepFunctionsFixture.machine(sfn, StepFunctionsFixture.role(cloud), """
                    {"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}""");
            assertThatThrownBy(() -> sfn.startSyncExecution(r -> r.stateMachineArn(machine)))
                    .isInstanceOfSatisfying(SfnException.class, e -> assertThat(e.awsErrorDetails().errorCode())
                            .isEqualTo("StateMachineTypeNotSupported"));
        }
    }
}
