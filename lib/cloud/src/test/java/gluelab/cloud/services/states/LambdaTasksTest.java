package gluelab.cloud.services.states;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gluelab.cloud.services.lambda.FunctionZips;
import gluelab.cloud.services.states.handlers.StepHandlers;
import gluelab.cloud.testing.LabAdmin;
import gluelab.cloud.testing.RunningLabCloud;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/**
 * Task states that call Lambda, as on AWS: {@code lambda:invoke} and a bare function ARN, run as the state machine's
 * role (whose policy IAM enforces); a function's error named by its type, caught by {@code States.TaskFailed};
 * Retry waiting on the lab clock.
 */
class LambdaTasksTest {

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LAMBDA_TRUST = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},\
            "Action":"sts:AssumeRole"}]}""";
    private static String twice;
    private static String reject;
    private static String flaky;
    private static String invoker;

    @BeforeAll
    static void functions() {
        String functionRole;
        try (IamClient iam = cloud.client(IamClient.builder())) {
            functionRole = iam.createRole(r -> r.roleName("step-fn").assumeRolePolicyDocument(LAMBDA_TRUST))
                    .role().arn();
            iam.attachRolePolicy(r -> r.roleName("step-fn")
                    .policyArn("arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"));
        }
        SdkBytes code = FunctionZips.packageWithSdk(StepHandlers.class);
        try (LambdaClient lambda = cloud.client(LambdaClient.builder())) {
            twice = create(lambda, "twice", "twice", functionRole, code);
            reject = create(lambda, "reject", "reject", functionRole, code);
            flaky = create(lambda, "flaky", "flaky", functionRole, code);
        }
        invoker = StepFunctionsFixture.role(cloud, "sfn-invoker", "lambda:InvokeFunction");
    }

    private static String create(LambdaClient lambda, String name, String method, String role, SdkBytes code) {
        String arn = lambda.createFunction(r -> r.functionName(name).runtime(Runtime.JAVA17).role(role)
                .handler(StepHandlers.class.getName() + "::" + method).timeout(30).memorySize(256)
                .code(c -> c.zipFile(code))).functionArn();
        lambda.waiter().waitUntilFunctionActiveV2(r -> r.functionName(name));
        return arn;
    }

    private static SfnClient client() {
        return cloud.client(SfnClient.builder());
    }

    @Test
    void lambdaInvokeAnswersWithThePayloadAndStatusCodeAndTheHistoryNamesTheTask() throws Exception {
        try (SfnClient sfn = client()) {
            DescribeExecutionResponse done = StepFunctionsFixture.run(sfn, invoker, """
                    {"StartAt":"Double","States":{"Double":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",\
                    "Parameters":{"FunctionName":"twice","Payload":{"n.$":"$.value"}},\
                    "ResultSelector":{"doubled.$":"$.Payload.doubled","status.$":"$.StatusCode"},"End":true}}}""",
                    "{\"value\":21}");
            assertThat(done.status()).as(done.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(JSON.readTree(done.output())).isEqualTo(JSON.readTree("{\"doubled\":42,\"status\":200}"));
            List<HistoryEvent> events = sfn.getExecutionHistory(r -> r.executionArn(done.executionArn())).events();
            assertThat(events).extracting(HistoryEvent::typeAsString).containsExactly("ExecutionStarted",
                    "TaskStateEntered", "TaskScheduled", "TaskStarted", "TaskSucceeded", "TaskStateExited",
                    "ExecutionSucceeded");
            assertThat(events.get(2).taskScheduledEventDetails().resourceType()).isEqualTo("lambda");
            assertThat(events.get(2).taskScheduledEventDetails().resource()).isEqualTo("invoke");
            assertThat(JSON.readTree(events.get(2).taskScheduledEventDetails().parameters()))
                    .isEqualTo(JSON.readTree("{\"FunctionName\":\"twice\",\"Payload\":{\"n\":21}}"));
        }
    }

    @Test
    void aBareFunctionArnGetsTheInputAndGivesItsResultWithLambdaFunctionEvents() throws Exception {
        try (SfnClient sfn = client()) {
            DescribeExecutionResponse done = StepFunctionsFixture.run(sfn, invoker, """
                    {"StartAt":"Double","States":{"Double":{"Type":"Task","Resource":"%s","End":true}}}"""
                    .formatted(twice), "{\"n\":5}");
            assertThat(done.status()).as(done.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(JSON.readTree(done.output())).isEqualTo(JSON.readTree("{\"doubled\":10}"));
            assertThat(sfn.getExecutionHistory(r -> r.executionArn(done.executionArn())).events())
                    .extracting(HistoryEvent::typeAsString).containsSubsequence("LambdaFunctionScheduled",
                            "LambdaFunctionStarted", "LambdaFunctionSucceeded");
        }
    }

    @Test
    void aFunctionErrorIsNamedByItsTypeAndStatesTaskFailedCatchesIt() throws Exception {
        try (SfnClient sfn = client()) {
            DescribeExecutionResponse failed = StepFunctionsFixture.run(sfn, invoker, """
                    {"StartAt":"Reject","States":{"Reject":{"Type":"Task","Resource":"%s","End":true}}}"""
                    .formatted(reject), "{\"order\":7}");
            assertThat(failed.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(failed.error()).isEqualTo("java.lang.IllegalArgumentException");
            assertThat(JSON.readTree(failed.cause()).path("errorMessage").asText()).isEqualTo("no such order: 7");

            DescribeExecutionResponse caught = StepFunctionsFixture.run(sfn, invoker, """
                    {"StartAt":"Reject","States":{"Reject":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",\
                    "Parameters":{"FunctionName":"reject","Payload.$":"$"},\
                    "Catch":[{"ErrorEquals":["States.TaskFailed"],"ResultPath":"$.failure","Next":"Compensate"}],\
                    "End":true},"Compensate":{"Type":"Pass","End":true}}}""", "{\"order\":8}");
            assertThat(caught.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            JsonNode output = JSON.readTree(caught.output());
            assertThat(output.path("order").asInt()).isEqualTo(8);
            assertThat(output.path("failure").path("Error").asText()).isEqualTo("java.lang.IllegalArgumentException");
        }
    }

    @Test
    void retryWaitsItsIntervalOnTheLabClockAndTheSecondAttemptSucceeds() throws Exception {
        try (SfnClient sfn = client()) {
            String machine = StepFunctionsFixture.machine(sfn, invoker, """
                    {"StartAt":"Flaky","States":{"Flaky":{"Type":"Task","Resource":"%s",\
                    "Retry":[{"ErrorEquals":["java.lang.IllegalStateException"],"IntervalSeconds":300,\
                    "MaxAttempts":2}],"End":true}}}""".formatted(flaky));
            String execution = sfn.startExecution(r -> r.stateMachineArn(machine).input("{\"key\":\"retry-1\"}"))
                    .executionArn();
            awaitEvent(sfn, execution, "LambdaFunctionFailed");
            assertThat(sfn.describeExecution(r -> r.executionArn(execution)).status())
                    .isEqualTo(ExecutionStatus.RUNNING);
            LabAdmin.advanceClock(cloud, Duration.ofMinutes(5));
            DescribeExecutionResponse done = StepFunctionsFixture.finished(sfn, execution);
            assertThat(done.status()).as(done.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(done.output()).isEqualTo("\"ok after 2\"");
            assertThat(sfn.getExecutionHistory(r -> r.executionArn(execution)).events())
                    .extracting(HistoryEvent::typeAsString)
                    .filteredOn(type -> type.startsWith("LambdaFunctionS") || type.equals("LambdaFunctionFailed"))
                    .containsExactly("LambdaFunctionScheduled", "LambdaFunctionStarted", "LambdaFunctionFailed",
                            "LambdaFunctionScheduled", "LambdaFunctionStarted", "LambdaFunctionSucceeded");
        }
    }

    @Test
    void aRoleWithoutLambdaPermissionFailsTheTaskWithLambdasAccessError() {
        try (SfnClient sfn = client()) {
            DescribeExecutionResponse done = StepFunctionsFixture.run(sfn, StepFunctionsFixture.role(cloud), """
                    {"StartAt":"Double","States":{"Double":{"Type":"Task","Resource":"%s","End":true}}}"""
                    .formatted(twice), "{\"n\":1}");
            assertThat(done.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(done.error()).startsWith("Lambda.AccessDenied");
            assertThat(done.cause()).contains("lambda:InvokeFunction");
        }
    }

    private static void awaitEvent(SfnClient sfn, String execution, String type) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (sfn.getExecutionHistory(r -> r.executionArn(execution)).events().stream()
                    .anyMatch(e -> e.typeAsString().equals(type))) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no " + type + " event");
    }
}
