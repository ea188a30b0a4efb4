package gluelab.cloud.services.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gluelab.cloud.services.glue.jobs.GlueLabSupport;
import gluelab.cloud.testing.RunningLabCloud;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/**
 * Asynchronous invocations: Invoke answers 202 at once, the event runs in an environment, a failing event is retried
 * on the lab clock as Lambda retries it, and the destinations receive Lambda's invocation record.
 */
class LambdaAsyncTest {

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory();

    static final String HANDLERS = "gluelab.cloud.services.lambda.handlers.";
    static final String RECORDER = "arn:aws:lambda:us-east-1:000000000000:function:recorder";
    static final String DEFAULT_BUS = "arn:aws:events:us-east-1:000000000000:event-bus/default";

    @BeforeAll
    static void functions() {
        String role = LambdaFixture.executionRole(cloud, "fn-async-role");
        try (IamClient iam = cloud.client(IamClient.builder()); LambdaClient lambda = cloud.client(LambdaClient.builder())) {
            iam.putRolePolicy(r -> r.roleName("fn-async-role").policyName("destinations").policyDocument("""
                    {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"lambda:InvokeFunction",\
                    "Resource":"%s"},{"Effect":"Allow","Action":"events:PutEvents","Resource":"%s"}]}"""
                    .formatted(RECORDER, DEFAULT_BUS)));
            LambdaFixture.createActive(lambda, "recorder", HANDLERS + "RecorderHandler", role, 20);
            LambdaFixture.createActive(lambda, "async-failing", HANDLERS + "MisbehavingHandlers::fail", role, 20);
            LambdaFixture.createActive(lambda, "async-greeting", HANDLERS + "MisbehavingHandlers::greet", role, 20);
        }
    }

    /** Waits for the recorder to log the record; on a loaded machine, its environment may take a while to start. */
    static Optional<JsonNode> awaitRecord(CloudWatchLogsClient logs, String requestId) throws InterruptedException {
        for (int i = 0; i < 1200; i++) {
            Optional<JsonNode> found = LambdaFixture.recordedEvents(logs).stream()
                    .filter(r -> r.path("requestContext").path("requestId").asText().equals(requestId)).findFirst();
            if (found.isPresent()) {
                return found;
            }
            Thread.sleep(50);
        }
        return Optional.empty();
    }

    /** Waits for the function's log to say an invocation ended; a slow machine may take a cold start to get there. */
    static void awaitAttemptEnded(CloudWatchLogsClient logs, String function, String requestId) throws InterruptedException {
        for (int i = 0; i < 1200; i++) {
            try {
                if (logs.filterLogEventsPaginator(r -> r.logGroupName("/aws/lambda/" + function)).events().stream()
                        .anyMatch(e -> e.message().startsWith("REPORT RequestId: " + requestId))) {
                    return;
                }
            } catch (software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException notYet) {
                // the log group appears with the first invocation's first line
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the first attempt of " + requestId + " never ended");
    }

    @Test
    void aFailingEventIsRetriedOnTheLabClockThenItsRecordGoesToOnFailure() throws Exception {
        try (LambdaClient lambda = cloud.client(LambdaClient.builder());
             CloudWatchLogsClient logs = cloud.client(CloudWatchLogsClient.builder())) {
            lambda.putFunctionEventInvokeConfig(r -> r.functionName("async-failing").maximumRetryAttempts(1)
                    .destinationConfig(d -> d.onFailure(f -> f.destination(RECORDER))));

            InvokeResponse accepted = lambda.invoke(r -> r.functionName("async-failing")
                    .invocationType(InvocationType.EVENT).payload(SdkBytes.fromUtf8String("{\"order\": 9}")));
            assertThat(accepted.statusCode()).isEqualTo(202);
            String requestId = accepted.responseMetadata().requestId();

            // The first attempt runs now (its REPORT line says it ended); its retry waits a minute of lab time.
            awaitAttemptEnded(logs, "async-failing", requestId);
            assertThat(LambdaFixture.recordedEvents(logs)).noneMatch(r -> r.path("requestContext").path("requestId").asText()
                    .equals(requestId));

            GlueLabSupport.advanceClock(cloud, Duration.ofSeconds(61));
            JsonNode record = awaitRecord(logs, requestId).orElseThrow(() -> new AssertionError("no OnFailure record"));
            assertThat(record.path("version").asText()).isEqualTo("1.0");
            assertThat(record.path("requestContext").path("condition").asText()).isEqualTo("RetriesExhausted");
            assertThat(record.path("requestContext").path("approximateInvokeCount").asInt()).isEqualTo(2);
            assertThat(record.path("requestContext").path("functionArn").asText())
                    .isEqualTo("arn:aws:lambda:us-east-1:000000000000:function:async-failing:$LATEST");
            assertThat(record.path("requestPayload").path("order").asInt()).isEqualTo(9);
            assertThat(record.path("responseContext").path("functionError").asText()).isEqualTo("Unhandled");
            assertThat(record.path("responsePayload").path("errorMessage").asText()).isEqualTo("boom: 9");
        }
    }

    @Test
    void aSucceedingEventsRecordGoesToOnSuccess() throws Exception {
        try (LambdaClient lambda = cloud.client(LambdaClient.builder());
             CloudWatchLogsClient logs = cloud.client(CloudWatchLogsClient.builder())) {
            lambda.putFunctionEventInvokeConfig(r -> r.functionName("async-greeting")
                    .destinationConfig(d -> d.onSuccess(f -> f.destination(RECORDER))));
            assertThat(lambda.getFunctionEventInvokeConfig(r -> r.functionName("async-greeting"))
                    .destinationConfig().onSuccess().destination()).isEqualTo(RECORDER);

            InvokeResponse accepted = lambda.invoke(r -> r.functionName("async-greeting")
                    .invocationType(InvocationType.EVENT).payload(SdkBytes.fromUtf8String("{\"name\": \"async\"}")));
            JsonNode record = awaitRecord(logs, accepted.responseMetadata().requestId())
                    .orElseThrow(() -> new AssertionError("no OnSuccess record"));
            assertThat(record.path("requestContext").path("condition").asText()).isEqualTo("Success");
            assertThat(record.path("requestContext").path("approximateInvokeCount").asInt()).isEqualTo(1);
            assertThat(record.path("responseContext").path("statusCode").asInt()).isEqualTo(200);
            assertThat(record.path("responsePayload").asText()).isEqualTo("hello async");
        }
    }

    @Test
    void anEventInvokedVersionRunsThatVersionAndItsRecordNamesIt() throws Exception {
        try (LambdaClient lambda = cloud.client(LambdaClient.builder());
             CloudWatchLogsClient logs = cloud.client(CloudWatchLogsClient.builder())) {
            LambdaFixture.createActive(lambda, "async-versioned", HANDLERS + "MisbehavingHandlers::greet",
                    LambdaFixture.executionRole(cloud, "fn-async-role"), 20);
            lambda.putFunctionEventInvokeConfig(r -> r.functionName("async-versioned")
                    .destinationConfig(d -> d.onSuccess(f -> f.destination(RECORDER))));
            String version = lambda.publishVersion(r -> r.functionName("async-versioned")).version();

            InvokeResponse accepted = lambda.invoke(r -> r.functionName("async-versioned").qualifier(version)
                    .invocationType(InvocationType.EVENT).payload(SdkBytes.fromUtf8String("{\"name\": \"v1\"}")));
            JsonNode record = awaitRecord(logs, accepted.responseMetadata().requestId())
                    .orElseThrow(() -> new AssertionError("no OnSuccess record"));

            assertThat(record.path("requestContext").path("functionArn").asText())
                    .isEqualTo("arn:aws:lambda:us-east-1:000000000000:function:async-versioned:" + version);
            assertThat(record.path("responseContext").path("executedVersion").asText()).isEqualTo(version);
        }
    }

    @Test
    void anEventBusDestinationGetsTheRecordAsLambdasOwnEventWhichARuleCanRoute() throws Exception {
        try (LambdaClient lambda = cloud.client(LambdaClient.builder());
             EventBridgeClient events = cloud.client(EventBridgeClient.builder());
             CloudWatchLogsClient logs = cloud.client(CloudWatchLogsClient.builder())) {
            LambdaFixture.createActive(lambda, "async-to-bus", HANDLERS + "MisbehavingHandlers::fail",
                    LambdaFixture.executionRole(cloud, "fn-async-role"), 20);
            lambda.putFunctionEventInvokeConfig(r -> r.functionName("async-to-bus").maximumRetryAttempts(0)
                    .destinationConfig(d -> d.onFailure(f -> f.destination(DEFAULT_BUS))));
            events.putRule(r -> r.name("lambda-failures").eventPattern("""
                    {"source":["lambda"],"detail-type":["Lambda Function Invocation Result - Failure"]}"""));
            events.putTargets(r -> r.rule("lambda-failures").targets(t -> t.id("recorder").arn(RECORDER)));
            lambda.addPermission(r -> r.functionName("recorder").statementId("lambda-failures")
                    .action("lambda:InvokeFunction").principal("events.amazonaws.com")
                    .sourceArn("arn:aws:events:us-east-1:000000000000:rule/lambda-failures"));

            InvokeResponse accepted = lambda.invoke(r -> r.functionName("async-to-bus")
                    .invocationType(InvocationType.EVENT).payload(SdkBytes.fromUtf8String("{\"order\": 12}")));
            String requestId = accepted.responseMetadata().requestId();
            JsonNode event = awaitRoutedEvent(logs, requestId)
                    .orElseThrow(() -> new AssertionError("no Lambda event reached the rule's target"));

            assertThat(event.path("source").asText()).isEqualTo("lambda");
            assertThat(event.path("detail-type").asText()).isEqualTo("Lambda Function Invocation Result - Failure");
            assertThat(event.path("resources").get(0).asText())
                    .isEqualTo("arn:aws:lambda:us-east-1:000000000000:function:async-to-bus:$LATEST");
            assertThat(event.path("detail").path("requestContext").path("condition").asText())
                    .isEqualTo("RetriesExhausted");
            assertThat(event.path("detail").path("responsePayload").path("errorMessage").asText())
                    .isEqualTo("boom: 12");
        }
    }

    static Optional<JsonNode> awaitRoutedEvent(CloudWatchLogsClient logs, String requestId)
            throws InterruptedException {
        for (int i = 0; i < 1200; i++) {
            Optional<JsonNode> found = LambdaFixture.recordedEvents(logs).stream().filter(e -> e.path("detail")
                    .path("requestContext").path("requestId").asText().equals(requestId)).findFirst();
            if (found.isPresent()) {
                return found;
            }
            Thread.sleep(50);
        }
        return Optional.empty();
    }
}
