package gluelab.cloud.services.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import gluelab.cloud.testing.RunningLabCloud;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionResponseType;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * What Lambda's pollers do with an SQS queue mapped to a function: the event the function gets, what is deleted and
 * what comes back, the dead-letter queue, FIFO order, and stopping.
 */
class LambdaSqsPollingTest {

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory();

    static final String ARN = "arn:aws:sqs:us-east-1:" + LambdaFixture.ACCOUNT + ":";
    static final String BATCHES = LambdaAsyncTest.HANDLERS + "SqsBatchHandler::handle";
    static String role;

    @BeforeAll
    static void functions() {
        role = LambdaFixture.queuePollingRole(cloud, "esm-polling-role");
        try (LambdaClient lambda = cloud.client(LambdaClient.builder())) {
            LambdaFixture.createActive(lambda, "recorder", LambdaAsyncTest.HANDLERS + "RecorderHandler", role, 5);
            LambdaFixture.createActive(lambda, "batches", BATCHES, role, 5);
        }
    }

    @Test
    void aMessageSentToAMappedQueueInvokesTheFunctionWithLambdasSqsEventAndIsThenDeleted() throws Exception {
        try (LambdaClient lambda = cloud.client(LambdaClient.builder());
             SqsClient sqs = cloud.client(SqsClient.builder());
             CloudWatchLogsClient logs = cloud.client(CloudWatchLogsClient.builder())) {
            String url = sqs.createQueue(r -> r.queueName("orders")).queueUrl();
            lambda.createEventSourceMapping(r -> r.functionName("recorder").eventSourceArn(ARN + "orders"));

            String messageId = sqs.sendMessage(r -> r.queueUrl(url).messageBody("{\"order\": 7}")
                    .messageAttributes(Map.of("store", MessageAttributeValue.builder().dataType("String")
                            .stringValue("north").build()))).messageId();

            await(() -> LambdaFixture.recordedEvents(logs).size() == 1, "the recorder's invocation");
            JsonNode record = LambdaFixture.recordedEvents(logs).get(0).path("Records").path(0);
            assertThat(record.path("messageId").asText()).isEqualTo(messageId);
            assertThat(record.path("body").asText()).isEqualTo("{\"order\": 7}");
            assertThat(record.path("receiptHandle").asText()).isNotEmpty();
            assertThat(record.path("attributes").path("ApproximateReceiveCount").asText()).isEqualTo("1");
            assertThat(record.path("attributes").path("SentTimestamp").asText()).matches("\\d{13}");
            assertThat(record.path("attributes").path("SenderId").asText()).isNotEmpty();
            assertThat(record.path("attributes").path("ApproximateFirstReceiveTimestamp").asText()).matches("\\d{13}");
            assertThat(record.path("messageAttributes").path("store").toString()).isEqualTo(
                    "{\"stringValue\":\"north\",\"stringListValues\":[],\"binaryListValues\":[],\"dataType\":\"String\"}");
            assertThat(record.path("md5OfBody").asText()).isEqualTo(md5("{\"order\": 7}"));
            assertThat(record.path("eventSource").asText()).isEqualTo("aws:sqs");
            assertThat(record.path("eventSourceARN").asText()).isEqualTo(ARN + "orders");
            assertThat(record.path("awsRegion").asText()).isEqualTo("us-east-1");
            await(() -> messagesIn(sqs, url) == 0, "the processed message deleted");
        }
    }

    @Test
    void aBatchItemFailureResponseDeletesOnlyTheSuccessfulMessages() throws Exception {
        try (LambdaClient lambda = cloud.client(LambdaClient.builder());
             SqsClient sqs = cloud.client(SqsClient.builder())) {
            String url = sqs.createQueue(r -> r.queueName("partial").attributes(Map.of(
                    QueueAttributeName.VISIBILITY_TIMEOUT, "5"))).queueUrl();
            // sent before the mapping exists, so that one poller receives them as one batch
            sqs.sendMessageBatch(r -> r.queueUrl(url).entries(entry("1", "ok-1"), entry("2", "reject-2"),
                    entry("3", "ok-3")));
            String uuid = lambda.createEventSourceMapping(r -> r.functionName("batches").eventSourceArn(ARN + "partial")
                    .functionResponseTypes(FunctionResponseType.REPORT_BATCH_ITEM_FAILURES)).uuid();

            await(() -> messagesIn(sqs, url) == 1, "only the rejected message left");
            lambda.updateEventSourceMapping(r -> r.uuid(uuid).enabled(false));
            List<Message> back = receiveWithin(sqs, url, 10);
            assertThat(back).extracting(Message::body).containsExactly("reject-2");
            assertThat(back.get(0).attributesAsStrings().get("ApproximateReceiveCount")).isEqualTo("2");
        }
    }

    @Test
    void anItemIdentifierThatNamesNoMessageOfTheBatchFailsTheWholeBatch() throws Exception {
        try (LambdaClient lambda = cloud.client(LambdaClient.builder());
             SqsClient sqs = cloud.client(SqsClient.builder());
             CloudWatchLogsClient logs = cloud.client(CloudWatchLogsClient.builder())) {
            String url = sqs.createQueue(r -> r.queueName("confused").attributes(Map.of(
                    QueueAttributeName.VISIBILITY_TIMEOUT, "5"))).queueUrl();
            // sent before the mapping exists, so that one poller receives them as one batch
            sqs.sendMessageBatch(r -> r.queueUrl(url).entries(entry("1", "ok-1"), entry("2", "unknown-2")));
            String uuid = lambda.createEventSourceMapping(r -> r.functionName("batches").eventSourceArn(ARN + "confused")
                    .functionResponseTypes(FunctionResponseType.REPORT_BATCH_ITEM_FAILURES)).uuid();

            await(() -> LambdaFixture.loggedLines(logs, "batches", "message ").contains("unknown-2"),
                    "the batch handled");
            Thread.sleep(300); // the poller's answer to the response follows the invocation at once
            lambda.updateEventSourceMapping(r -> r.uuid(uuid).enabled(false));
            assertThat(messagesIn(sqs, url)).as("nothing of the batch deleted").isEqualTo(2);
        }
    }

    @Test
    void aPoisonMessageReachesTheDeadLetterQueueAfterMaxReceiveCount() throws Exception {
        try (LambdaClient lambda = cloud.client(LambdaClient.builder());
             SqsClient sqs = cloud.client(SqsClient.builder())) {
            String dlq = sqs.createQueue(r -> r.queueName("poison-dlq")).queueUrl();
            String url = sqs.createQueue(r -> r.queueName("poisoned").attributes(Map.of(
                    QueueAttributeName.VISIBILITY_TIMEOUT, "5",
                    QueueAttributeName.REDRIVE_POLICY, "{\"deadLetterTargetArn\":\"" + ARN + "poison-dlq\","
                            + "\"maxReceiveCount\":\"2\"}"))).queueUrl();
            lambda.createEventSourceMapping(r -> r.functionName("batches").eventSourceArn(ARN + "poisoned")
                    .batchSize(1));

            sqs.sendMessage(r -> r.queueUrl(url).messageBody("fail-poison"));
            sqs.sendMessage(r -> r.queueUrl(url).messageBody("ok-fine"));

            List<Message> dead = receiveWithin(sqs, dlq, 30);
            assertThat(dead).extracting(Message::body).containsExactly("fail-poison");
            assertThat(messagesIn(sqs, url)).isZero();
        }
    }

    @Test
    void aFifoQueuesMessagesReachTheFunctionInGroupOrder() throws Exception {
        try (LambdaClient lambda = cloud.client(LambdaClient.builder());
             SqsClient sqs = cloud.client(SqsClient.builder());
             CloudWatchLogsClient logs = cloud.client(CloudWatchLogsClient.builder())) {
            LambdaFixture.createActive(lambda, "ordered", BATCHES, role, 5);
            String url = sqs.createQueue(r -> r.queueName("steps.fifo").attributes(Map.of(
                    QueueAttributeName.FIFO_QUEUE, "true", QueueAttributeName.CONTENT_BASED_DEDUPLICATION, "true")))
                    .queueUrl();
            for (int i = 1; i <= 6; i++) {
                String body = "ok-step-" + i;
                sqs.sendMessage(r -> r.queueUrl(url).messageBody(body).messageGroupId("till-1"));
            }
            lambda.createEventSourceMapping(r -> r.functionName("ordered").eventSourceArn(ARN + "steps.fifo")
                    .batchSize(2));

            await(() -> LambdaFixture.loggedLines(logs, "ordered", "message ").size() == 6, "six messages handled");
            assertThat(LambdaFixture.loggedLines(logs, "ordered", "message ")).containsExactly("ok-step-1",
                    "ok-step-2", "ok-step-3", "ok-step-4", "ok-step-5", "ok-step-6");
            await(() -> messagesIn(sqs, url) == 0, "all deleted");
        }
    }

    @Test
    void aDisabledMappingLeavesItsQueueAloneUntilEnabledAndClosingLabCloudLeavesNoPoller() throws Exception {
        try (LambdaClient lambda = cloud.client(LambdaClient.builder());
             SqsClient sqs = cloud.client(SqsClient.builder())) {
            String url = sqs.createQueue(r -> r.queueName("paused")).queueUrl();
            String uuid = lambda.createEventSourceMapping(r -> r.functionName("batches").eventSourceArn(ARN + "paused")
                    .enabled(false)).uuid();

            sqs.sendMessage(r -> r.queueUrl(url).messageBody("ok-waiting"));
            Thread.sleep(1_000);
            assertThat(attribute(sqs, url, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).isEqualTo(1);
            assertThat(LambdaEventSourceMappingsTest.pollerThreads(uuid)).isZero();

            lambda.updateEventSourceMapping(r -> r.uuid(uuid).enabled(true));
            await(() -> messagesIn(sqs, url) == 0, "the message handled once enabled");
            assertThat(LambdaEventSourceMappingsTest.pollerThreads(uuid)).isEqualTo(QueuePollers.MAX_POLLERS);
        }
    }

    @Test
    void closingLabCloudStopsEveryPollerThread() throws Exception {
        RunningLabCloud other = RunningLabCloud.inMemory();
        other.beforeAll(null);
        String uuid;
        try {
            String otherRole = LambdaFixture.queuePollingRole(other, "esm-closing-role");
            try (LambdaClient lambda = other.client(LambdaClient.builder());
                 SqsClient sqs = other.client(SqsClient.builder())) {
                sqs.createQueue(r -> r.queueName("closing"));
                LambdaFixture.createActive(lambda, "closing", BATCHES, otherRole, 5);
                uuid = lambda.createEventSourceMapping(r -> r.functionName("closing").eventSourceArn(ARN + "closing"))
                        .uuid();
                assertThat(LambdaEventSourceMappingsTest.pollerThreads(uuid)).isEqualTo(QueuePollers.MAX_POLLERS);
            }
        } finally {
            other.afterAll(null);
        }
        assertThat(LambdaEventSourceMappingsTest.pollerThreads(uuid)).isZero();
    }

    private static SendMessageBatchRequestEntry entry(String id, String body) {
        return SendMessageBatchRequestEntry.builder().id(id).messageBody(body).build();
    }

    private static int messagesIn(SqsClient sqs, String url) {
        return attribute(sqs, url, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)
                + attribute(sqs, url, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)
                + attribute(sqs, url, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED);
    }

    private static int attribute(SqsClient sqs, String url, QueueAttributeName name) {
        return Integer.parseInt(sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNames(name))
                .attributes().get(name));
    }

    private static List<Message> receiveWithin(SqsClient sqs, String url, int seconds) {
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        while (System.nanoTime() < deadline) {
            List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(url).waitTimeSeconds(5)
                    .messageSystemAttributeNamesWithStrings("All")).messages();
            if (!messages.isEmpty()) {
                return messages;
            }
        }
        return List.of();
    }

    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting for " + what);
            }
            Thread.sleep(100);
        }
    }

    private static String md5(String text) throws Exception {
        byte[] digest = java.security.MessageDigest.getInstance("MD5").digest(text.getBytes(
                java.nio.charset.StandardCharsets.UTF_8));
        return java.util.HexFormat.of().formatHex(digest);
    }
}
