package gluelab.cloud.services.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import gluelab.cloud.state.Json;
import gluelab.cloud.testing.RunningLabCloud;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * An SQS queue as an asynchronous invocation's destination: Lambda sends its invocation record as a message, as the
 * function's execution role. (A Lab Cloud of its own, so its function's environment does not wait for a slot
 * behind LambdaAsyncTest's.)
 */
class LambdaSqsDestinationsTest {

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory();

    static final String FAILURES_QUEUE = "arn:aws:sqs:us-east-1:000000000000:async-failures";

    @Test
    void aQueueDestinationGetsTheRecordAsAMessageSentAsTheFunctionsRole() throws Exception {
        String role = LambdaFixture.executionRole(cloud, "fn-queue-destination-role");
        try (IamClient iam = cloud.client(IamClient.builder());
             LambdaClient lambda = cloud.client(LambdaClient.builder());
             SqsClient sqs = cloud.client(SqsClient.builder())) {
            iam.putRolePolicy(r -> r.roleName("fn-queue-destination-role").policyName("destination").policyDocument("""
                    {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sqs:SendMessage",\
                    "Resource":"%s"}]}""".formatted(FAILURES_QUEUE)));
            String url = sqs.createQueue(r -> r.queueName("async-failures")).queueUrl();
            LambdaFixture.createActive(lambda, "failing-to-queue", LambdaAsyncTest.HANDLERS + "MisbehavingHandlers::fail",
                    role, 20);
            lambda.putFunctionEventInvokeConfig(r -> r.functionName("failing-to-queue").maximumRetryAttempts(0)
                    .destinationConfig(d -> d.onFailure(f -> f.destination(FAILURES_QUEUE))));

            String requestId = lambda.invoke(r -> r.functionName("failing-to-queue")
                    .invocationType(InvocationType.EVENT).payload(SdkBytes.fromUtf8String("{\"order\": 4}")))
                    .responseMetadata().requestId();

            Message message = null;
            for (int i = 0; i < 6 && message == null; i++) {
                List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(url).waitTimeSeconds(10)).messages();
                message = messages.isEmpty() ? null : messages.get(0);
            }
            assertThat(message).as("the OnFailure record in the queue").isNotNull();
            JsonNode record = Json.MAPPER.readTree(message.body());
            assertThat(record.path("requestContext").path("requestId").asText()).isEqualTo(requestId);
            assertThat(record.path("requestContext").path("condition").asText()).isEqualTo("RetriesExhausted");
            assertThat(record.path("requestPayload").path("order").asInt()).isEqualTo(4);
        }
    }
}
