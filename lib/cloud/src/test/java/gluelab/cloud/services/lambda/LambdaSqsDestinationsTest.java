package gluelab.cloud.services.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * SQS queues where asynchronous invocations end: a destination gets Lambda's invocation record as a message, and the
 * function's own dead-letter queue gets the failed event itself; both are sent as the function's execution role. (A
 * Lab Cloud of its own, so its functions' environments do not wait for a slot behind LambdaAsyncTest's.)
 */
class LambdaSqsDestinationsTest {

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory();

    static final String FAILURES_QUEUE = "arn:aws:sqs:us-east-1:000000000000:async-failures";

    /** A queue, and a function that always fails whose execution role may send to it; the queue's URL. */
    private static String failingFunctionThatMaySendTo(String queue, String function) {
        String roleName = function + "-role";
        String role = LambdaFixture.executionRole(cloud, roleName);
        try (IamClient iam = cloud.client(IamClient.builder());
             LambdaClient lambda = cloud.client(LambdaClient.builder());
             SqsClient sqs = cloud.client(SqsClient.builder())) {
            iam.putRolePolicy(r -> r.roleName(roleName).policyName("send").policyDocument("""
                    {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sqs:SendMessage",\
                    "Resource":"arn:aws:sqs:us-east-1:000000000000:%s"}]}""".formatted(queue)));
            String url = sqs.createQueue(r -> r.queueName(queue)).queueUrl();
            LambdaFixture.createActive(lambda, function, LambdaAsyncTest.HANDLERS + "MisbehavingHandlers::fail", role,
                    20);
            return url;
        }
    }

    @Test
    void aQueueDestinationGetsTheRecordAsAMessageSentAsTheFunctionsRole() throws Exception {
        try (LambdaClient lambda = cloud.client(LambdaClient.builder());
             SqsClient sqs = cloud.client(SqsClient.builder())) {
            String url = failingFunctionThatMaySendTo("async-failures", "failing-to-queue");
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

    @Test
    void aFailedEventGoesUnchangedToTheFunctionsDeadLetterQueueWithWhyInItsAttributes() throws Exception {
        String dlq = "arn:aws:sqs:us-east-1:000000000000:function-dead-letters";
        try (LambdaClient lambda = cloud.client(LambdaClient.builder());
             SqsClient sqs = cloud.client(SqsClient.builder())) {
            String url = failingFunctionThatMaySendTo("function-dead-letters", "failing-to-dlq");
            lambda.updateFunctionConfiguration(r -> r.functionName("failing-to-dlq")
                    .deadLetterConfig(d -> d.targetArn(dlq)));
            lambda.waiter().waitUntilFunctionUpdatedV2(r -> r.functionName("failing-to-dlq"));
            assertThat(lambda.getFunctionConfiguration(r -> r.functionName("failing-to-dlq")).deadLetterConfig()
                    .targetArn()).isEqualTo(dlq);
            lambda.putFunctionEventInvokeConfig(r -> r.functionName("failing-to-dlq").maximumRetryAttempts(0));

            String requestId = lambda.invoke(r -> r.functionName("failing-to-dlq")
                    .invocationType(InvocationType.EVENT).payload(SdkBytes.fromUtf8String("{\"order\": 7}")))
                    .responseMetadata().requestId();

            Message message = null;
            for (int i = 0; i < 6 && message == null; i++) {
                List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(url).waitTimeSeconds(10)
                        .messageAttributeNames("All")).messages();
                message = messages.isEmpty() ? null : messages.get(0);
            }
            assertThat(message).as("the failed event in the dead-letter queue").isNotNull();
            assertThat(Json.MAPPER.readTree(message.body())).as("the event, unchanged")
                    .isEqualTo(Json.MAPPER.readTree("{\"order\": 7}"));
            assertThat(message.messageAttributes().get("RequestID").stringValue()).isEqualTo(requestId);
            assertThat(message.messageAttributes().get("ErrorCode").dataType()).isEqualTo("Number");
            assertThat(message.messageAttributes().get("ErrorMessage").stringValue()).isEqualTo("boom: 7");

            lambda.updateFunctionConfiguration(r -> r.functionName("failing-to-dlq")
                    .deadLetterConfig(d -> d.targetArn("")));
            lambda.waiter().waitUntilFunctionUpdatedV2(r -> r.functionName("failing-to-dlq"));
            assertThat(lambda.getFunctionConfiguration(r -> r.functionName("failing-to-dlq")).deadLetterConfig())
                    .as("an empty target removes the dead-letter queue").isNull();
        }
    }

    @Test
    void aDeadLetterTargetThatIsNotAQueueIsRefusedWhenTheFunctionIsCreated() {
        String role = LambdaFixture.executionRole(cloud, "fn-bad-dead-letter-role");
        try (LambdaClient lambda = cloud.client(LambdaClient.builder())) {
            for (String target : List.of("not-an-arn", "arn:aws:s3:::a-bucket",
                    "arn:aws:sns:us-east-1:000000000000:a-topic")) {
                assertThatThrownBy(() -> lambda.createFunction(r -> r.functionName("bad-dead-letters")
                        .runtime("java17").role(role).handler(LambdaAsyncTest.HANDLERS + "MisbehavingHandlers::fail")
                        .code(c -> c.zipFile(SdkBytes.fromByteArray(new byte[] {0})))
                        .deadLetterConfig(d -> d.targetArn(target))))
                        .as(target)
                        .isInstanceOfSatisfying(LambdaException.class, e -> {
                            assertThat(e.statusCode()).isEqualTo(400);
                            assertThat(e.awsErrorDetails().errorCode()).isIn("InvalidParameterValueException",
                                    "ValidationException");
                        });
            }
            assertThat(lambda.listFunctions().functions()).noneMatch(f -> f.functionName().equals("bad-dead-letters"));
        }
    }
}
