package gluelab.cloud.services.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gluelab.cloud.testing.LabAdmin;
import gluelab.cloud.testing.RunningLabCloud;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchEntryIdsNotDistinctException;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchResponse;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.EmptyBatchRequestException;
import software.amazon.awssdk.services.sqs.model.InvalidMessageContentsException;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageNotInflightException;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.ReceiptHandleIsInvalidException;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageResponse;
import software.amazon.awssdk.services.sqs.model.SqsException;
import software.amazon.awssdk.services.sqs.model.TooManyEntriesInBatchRequestException;

/**
 * Messages with SDK v2, whose checksum validation is on (its default): every send and receive below is checked
 * against the MD5s Lab Cloud answers. Visibility timeouts and delays run on the lab clock, which the tests advance.
 */
class SqsMessagesTest {

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory();
    static SqsClient sqs;

    @BeforeAll
    static void clients() {
        sqs = cloud.client(SqsClient.builder().checksumValidationEnabled(true));
    }

    @AfterAll
    static void closeClients() {
        sqs.close();
    }

    private static String md5Hex(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String queue(String name, Map<String, String> attributes) {
        return sqs.createQueue(r -> r.queueName(name).attributesWithStrings(attributes)).queueUrl();
    }

    @Test
    void aSentMessageIsReceivedWithItsAttributesAndDigestsAndGoneOnceDeleted() {
        String url = queue("round-trip", Map.of());
        Map<String, MessageAttributeValue> attributes = Map.of(
                "source", MessageAttributeValue.builder().dataType("String").stringValue("s3").build(),
                "size", MessageAttributeValue.builder().dataType("Number").stringValue("42").build(),
                "raw", MessageAttributeValue.builder().dataType("Binary.gz")
                        .binaryValue(SdkBytes.fromUtf8String("\u0001\u0002")).build());

        SendMessageResponse sent = sqs.sendMessage(r -> r.queueUrl(url).messageBody("héllo 🌍")
                .messageAttributes(attributes));
        List<Message> received = sqs.receiveMessage(r -> r.queueUrl(url).messageAttributeNames("All")
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();

        assertThat(sent.md5OfMessageBody()).isEqualTo(md5Hex("héllo 🌍"));
        assertThat(received).hasSize(1);
        Message message = received.get(0);
        assertThat(message.messageId()).isEqualTo(sent.messageId());
        assertThat(message.body()).isEqualTo("héllo 🌍");
        assertThat(message.md5OfMessageAttributes()).isEqualTo(sent.md5OfMessageAttributes());
        assertThat(message.messageAttributes()).isEqualTo(attributes);
        assertThat(message.attributesAsStrings()).containsEntry("ApproximateReceiveCount", "1")
                .containsEntry("SenderId", "000000000000")
                .containsKeys("SentTimestamp", "ApproximateFirstReceiveTimestamp");

        sqs.deleteMessage(r -> r.queueUrl(url).receiptHandle(message.receiptHandle()));
        LabAdmin.advanceClock(cloud, Duration.ofSeconds(31));
        assertThat(sqs.receiveMessage(r -> r.queueUrl(url)).messages()).isEmpty();
    }

    @Test
    void onlyTheAskedForMessageAttributesComeBackAndTheirDigestCoversThoseOnly() {
        String url = queue("some-attributes", Map.of());
        sqs.sendMessage(r -> r.queueUrl(url).messageBody("b").messageAttributes(Map.of(
                "app.id", MessageAttributeValue.builder().dataType("String").stringValue("1").build(),
                "app.kind", MessageAttributeValue.builder().dataType("String").stringValue("k").build(),
                "other", MessageAttributeValue.builder().dataType("String").stringValue("o").build())));

        Message message = sqs.receiveMessage(r -> r.queueUrl(url).messageAttributeNames("app.*")).messages().get(0);

        assertThat(message.messageAttributes()).containsOnlyKeys("app.id", "app.kind");
        assertThat(message.attributes()).isEmpty();
    }

    @Test
    void aReceivedMessageIsInvisibleForTheQueuesVisibilityTimeoutThenReturnsWithAHigherReceiveCount() {
        String url = queue("visibility", Map.of("VisibilityTimeout", "20"));
        sqs.sendMessage(r -> r.queueUrl(url).messageBody("again"));

        Message first = sqs.receiveMessage(r -> r.queueUrl(url)).messages().get(0);
        assertThat(sqs.receiveMessage(r -> r.queueUrl(url)).messages()).as("in flight").isEmpty();
        assertThat(sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNamesWithStrings(
                "ApproximateNumberOfMessagesNotVisible")).attributesAsStrings())
                .containsEntry("ApproximateNumberOfMessagesNotVisible", "1");
        LabAdmin.advanceClock(cloud, Duration.ofSeconds(21));
        Message second = sqs.receiveMessage(r -> r.queueUrl(url)
                .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)).messages().get(0);

        assertThat(second.messageId()).isEqualTo(first.messageId());
        assertThat(second.receiptHandle()).isNotEqualTo(first.receiptHandle());
        assertThat(second.attributesAsStrings()).containsEntry("ApproximateReceiveCount", "2");
    }

    @Test
    void aReceiveMessageVisibilityTimeoutOverridesTheQueuesAndChangeMessageVisibilityMovesIt() {
        String url = queue("own-visibility", Map.of("VisibilityTimeout", "600"));
        sqs.sendMessage(r -> r.queueUrl(url).messageBody("m"));

        Message message = sqs.receiveMessage(r -> r.queueUrl(url).visibilityTimeout(5)).messages().get(0);
        LabAdmin.advanceClock(cloud, Duration.ofSeconds(6));
        Message again = sqs.receiveMessage(r -> r.queueUrl(url)).messages().get(0);
        sqs.changeMessageVisibility(r -> r.queueUrl(url).receiptHandle(again.receiptHandle()).visibilityTimeout(0));

        assertThat(sqs.receiveMessage(r -> r.queueUrl(url)).messages()).extracting(Message::messageId)
                .containsExactly(message.messageId());
        assertThatThrownBy(() -> sqs.changeMessageVisibility(r -> r.queueUrl(url)
                .receiptHandle(again.receiptHandle()).visibilityTimeout(10)))
                .isInstanceOf(MessageNotInflightException.class);
    }

    @Test
    void aDelayedMessageIsNotReceivedBeforeItsDelay() {
        String url = queue("delayed", Map.of("DelaySeconds", "30"));
        sqs.sendMessage(r -> r.queueUrl(url).messageBody("queue delay"));
        sqs.sendMessage(r -> r.queueUrl(url).messageBody("own delay").delaySeconds(0));

        assertThat(sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10)).messages())
                .extracting(Message::body).containsExactly("own delay");
        assertThat(sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNamesWithStrings(
                "ApproximateNumberOfMessagesDelayed")).attributesAsStrings())
                .containsEntry("ApproximateNumberOfMessagesDelayed", "1");
        LabAdmin.advanceClock(cloud, Duration.ofSeconds(31));
        assertThat(sqs.receiveMessage(r -> r.queueUrl(url)).messages()).extracting(Message::body)
                .containsExactly("queue delay");
    }

    @Test
    void aMessageOlderThanTheRetentionPeriodIsGone() {
        String url = queue("retained", Map.of("MessageRetentionPeriod", "60"));
        sqs.sendMessage(r -> r.queueUrl(url).messageBody("old"));

        LabAdmin.advanceClock(cloud, Duration.ofSeconds(61));

        assertThat(sqs.receiveMessage(r -> r.queueUrl(url)).messages()).isEmpty();
    }

    @Test
    void aLongPollAnswersAsSoonAsAMessageArrivesAndAnEmptyOneWaitsItsTimeOnTheWallClock() throws Exception {
        String url = queue("long-poll", Map.of());

        long emptyStart = System.nanoTime();
        assertThat(sqs.receiveMessage(r -> r.queueUrl(url).waitTimeSeconds(1)).messages()).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - emptyStart)).isGreaterThanOrEqualTo(Duration.ofMillis(950));

        long start = System.nanoTime();
        CompletableFuture<List<Message>> poll = CompletableFuture.supplyAsync(
                () -> sqs.receiveMessage(r -> r.queueUrl(url).waitTimeSeconds(20)).messages());
        Thread.sleep(300);
        sqs.sendMessage(r -> r.queueUrl(url).messageBody("wake up"));

        assertThat(poll.get(10, TimeUnit.SECONDS)).extracting(Message::body).containsExactly("wake up");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void batchesAnswerPerEntryAndRefuseEmptyOversizedOrRepeatedIds() {
        String url = queue("batches", Map.of());

        SendMessageBatchResponse sent = sqs.sendMessageBatch(r -> r.queueUrl(url).entries(
                SendMessageBatchRequestEntry.builder().id("a").messageBody("one").build(),
                SendMessageBatchRequestEntry.builder().id("b").messageBody("two").delaySeconds(901).build(),
                SendMessageBatchRequestEntry.builder().id("c").messageBody("three").build()));
        assertThat(sent.successful()).extracting(e -> e.id()).containsExactly("a", "c");
        assertThat(sent.failed()).singleElement().satisfies(f -> {
            assertThat(f.id()).isEqualTo("b");
            assertThat(f.senderFault()).isTrue();
            assertThat(f.code()).isEqualTo("InvalidParameterValue");
        });

        List<Message> received = sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10)).messages();
        assertThat(received).extracting(Message::body).containsExactlyInAnyOrder("one", "three");
        ChangeMessageVisibilityBatchResponse changed = sqs.changeMessageVisibilityBatch(r -> r.queueUrl(url)
                .entries(e -> e.id("x").receiptHandle(received.get(0).receiptHandle()).visibilityTimeout(60),
                        e -> e.id("y").receiptHandle("not-a-handle").visibilityTimeout(60)));
        assertThat(changed.successful()).extracting(e -> e.id()).containsExactly("x");
        assertThat(changed.failed()).extracting(e -> e.code()).containsExactly("ReceiptHandleIsInvalid");
        DeleteMessageBatchResponse deleted = sqs.deleteMessageBatch(r -> r.queueUrl(url).entries(
                received.stream().map(m -> software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry
                        .builder().id("d" + received.indexOf(m)).receiptHandle(m.receiptHandle()).build()).toList()));
        assertThat(deleted.successful()).hasSize(2);

        assertThatThrownBy(() -> sqs.sendMessageBatch(r -> r.queueUrl(url).entries(List.of())))
                .isInstanceOf(EmptyBatchRequestException.class);
        assertThatThrownBy(() -> sqs.sendMessageBatch(r -> r.queueUrl(url).entries(
                java.util.stream.IntStream.range(0, 11).mapToObj(i -> SendMessageBatchRequestEntry.builder()
                        .id("e" + i).messageBody("x").build()).toList())))
                .isInstanceOf(TooManyEntriesInBatchRequestException.class);
        assertThatThrownBy(() -> sqs.sendMessageBatch(r -> r.queueUrl(url).entries(
                e -> e.id("same").messageBody("1"), e -> e.id("same").messageBody("2"))))
                .isInstanceOf(BatchEntryIdsNotDistinctException.class);
    }

    @Test
    void badMessagesGetSqsErrorsNeverAServerError() {
        String url = queue("bad-messages", Map.of("MaximumMessageSize", "1024"));

        assertThatThrownBy(() -> sqs.sendMessage(r -> r.queueUrl(url).messageBody("bad \u0000 char")))
                .isInstanceOf(InvalidMessageContentsException.class);
        assertThatThrownBy(() -> sqs.sendMessage(r -> r.queueUrl(url).messageBody("x".repeat(1025))))
                .isInstanceOf(SqsException.class).hasMessageContaining("Message must be shorter than 1024 bytes")
                .satisfies(e -> assertThat(((SqsException) e).statusCode()).isEqualTo(400));
        assertThatThrownBy(() -> sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(11)))
                .isInstanceOf(SqsException.class).hasMessageContaining("MaxNumberOfMessages");
        assertThatThrownBy(() -> sqs.deleteMessage(r -> r.queueUrl(url).receiptHandle("garbage")))
                .isInstanceOf(ReceiptHandleIsInvalidException.class);
        assertThatThrownBy(() -> sqs.sendMessage(r -> r.queueUrl(url).messageBody("x").messageAttributes(Map.of(
                "n", MessageAttributeValue.builder().dataType("Number").stringValue("twelve").build()))))
                .isInstanceOf(SqsException.class).hasMessageContaining("to a number");
    }
}
