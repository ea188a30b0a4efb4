package gluelab.cloud.services.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gluelab.cloud.testing.ChildLabCloud;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.State;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * With {@code --state-dir}, what Lambda acknowledged survives {@code kill -9}: functions with their code, policies
 * and settings, the events an asynchronous Invoke accepted but had not finished retrying, and event-source
 * mappings, whose pollers start again.
 */
class LambdaRestartTest {

    static final String HANDLERS = "gluelab.cloud.services.lambda.handlers.";
    static final String RECORDER = "arn:aws:lambda:us-east-1:000000000000:function:recorder";

    @Test
    void functionsAndQueuedEventsSurviveKillNine(@TempDir Path stateDir) throws Exception {
        String requestId;
        try (ChildLabCloud first = ChildLabCloud.start(stateDir);
             IamClient iam = first.client(IamClient.builder());
             LambdaClient lambda = first.client(LambdaClient.builder())) {
            iam.createRole(r -> r.roleName("restart-role").assumeRolePolicyDocument(LambdaFixture.LAMBDA_TRUST));
            iam.attachRolePolicy(r -> r.roleName("restart-role").policyArn(LambdaFixture.BASIC_EXECUTION));
            iam.putRolePolicy(r -> r.roleName("restart-role").policyName("destinations").policyDocument("""
                    {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"lambda:InvokeFunction",\
                    "Resource":"%s"}]}""".formatted(RECORDER)));
            String role = "arn:aws:iam::000000000000:role/restart-role";
            LambdaFixture.createActive(lambda, "recorder", HANDLERS + "RecorderHandler", role, 20);
            LambdaFixture.createActive(lambda, "durable-failing", HANDLERS + "MisbehavingHandlers::fail", role, 20);
            lambda.addPermission(r -> r.functionName("durable-failing").statementId("events").principal(
                    "events.amazonaws.com").action("lambda:InvokeFunction"));
            lambda.putFunctionEventInvokeConfig(r -> r.functionName("durable-failing").maximumRetryAttempts(2)
                    .destinationConfig(d -> d.onFailure(f -> f.destination(RECORDER))));
            requestId = lambda.invoke(r -> r.functionName("durable-failing").invocationType(InvocationType.EVENT)
                    .payload(SdkBytes.fromUtf8String("{\"order\": 1}"))).responseMetadata().requestId();
            Thread.sleep(3000); // the first attempt fails now; the retry waits for a minute of lab time
            first.kill();
        }
        try (ChildLabCloud second = ChildLabCloud.start(stateDir);
             LambdaClient lambda = second.client(LambdaClient.builder());
             CloudWatchLogsClient logs = second.client(CloudWatchLogsClient.builder())) {
            var function = lambda.getFunction(r -> r.functionName("durable-failing"));
            assertThat(function.configuration().state()).isEqualTo(State.ACTIVE);
            assertThat(lambda.getPolicy(r -> r.functionName("durable-failing")).policy()).contains("events.amazonaws.com");
            assertThat(lambda.invoke(r -> r.functionName("durable-failing")
                    .payload(SdkBytes.fromUtf8String("{\"order\": 2}"))).payload().asUtf8String()).contains("boom: 2");

            advance(second, 61);
            advance(second, 121);
            JsonNode record = null;
            for (int i = 0; i < 400 && record == null; i++) {
                record = LambdaFixture.recordedEvents(logs).stream().filter(r -> r.path("requestContext").path("requestId").asText()
                        .equals(requestId)).findFirst().orElse(null);
                Thread.sleep(50);
            }
            assertThat(record).as("the OnFailure record of the event queued before the kill").isNotNull();
            assertThat(record.path("requestContext").path("condition").asText()).isEqualTo("RetriesExhausted");
            assertThat(record.path("requestContext").path("approximateInvokeCount").asInt()).isEqualTo(3);
            assertThat(record.path("requestPayload").path("order").asInt()).isEqualTo(1);
        }
    }

    @Test
    void anEventSourceMappingSurvivesKillNineAndPollsItsQueueAgain(@TempDir Path stateDir) throws Exception {
        String uuid;
        try (ChildLabCloud first = ChildLabCloud.start(stateDir);
             IamClient iam = first.client(IamClient.builder());
             LambdaClient lambda = first.client(LambdaClient.builder());
             SqsClient sqs = first.client(SqsClient.builder())) {
            iam.createRole(r -> r.roleName("restart-esm-role").assumeRolePolicyDocument(LambdaFixture.LAMBDA_TRUST));
            iam.attachRolePolicy(r -> r.roleName("restart-esm-role").policyArn(LambdaFixture.BASIC_EXECUTION));
            iam.attachRolePolicy(r -> r.roleName("restart-esm-role").policyArn(LambdaFixture.SQS_QUEUE_EXECUTION));
            String role = "arn:aws:iam::000000000000:role/restart-esm-role";
            sqs.createQueue(r -> r.queueName("durable-orders"));
            LambdaFixture.createActive(lambda, "recorder", HANDLERS + "RecorderHandler", role, 20);
            uuid = lambda.createEventSourceMapping(r -> r.functionName("recorder").batchSize(3)
                    .eventSourceArn("arn:aws:sqs:us-east-1:000000000000:durable-orders")).uuid();
            first.kill();
        }
        try (ChildLabCloud second = ChildLabCloud.start(stateDir);
             LambdaClient lambda = second.client(LambdaClient.builder());
             SqsClient sqs = second.client(SqsClient.builder());
             CloudWatchLogsClient logs = second.client(CloudWatchLogsClient.builder())) {
            var mapping = lambda.getEventSourceMapping(r -> r.uuid(uuid));
            assertThat(mapping.state()).isEqualTo("Enabled");
            assertThat(mapping.batchSize()).isEqualTo(3);

            String url = sqs.getQueueUrl(r -> r.queueName("durable-orders")).queueUrl();
            sqs.sendMessage(r -> r.queueUrl(url).messageBody("after the restart"));
            LambdaSqsPollingTest.await(() -> LambdaFixture.recordedEvents(logs).stream().anyMatch(e -> e
                    .path("Records").path(0).path("body").asText().equals("after the restart")),
                    "the restarted mapping's invocation");
        }
    }

    static void advance(ChildLabCloud cloud, int seconds) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                cloud.endpoint().resolve("/_lab/clock/advance"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"seconds\":" + seconds + "}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
    }
}
