package gluelab.cloud.services.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gluelab.cloud.testing.LabAdmin;
import gluelab.cloud.testing.RunningLabCloud;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageResponse;
import software.amazon.awssdk.services.sqs.model.SqsException;

/** FIFO queues: deduplication within five minutes, content-based deduplication, and message groups in order. */
class SqsFifoQueuesTest {

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory();
    static SqsClient sqs;

    @BeforeAll
    static void clients() {
        sqs = cloud.client(SqsClient.builder());
    }

    @AfterAll
    static void closeClients() {
        sqs.close();
    }

    private static String fifo(String name, Map<String, String> attributes) {
        return sqs.createQueue(r -> r.queueName(name).attributesWithStrings(attributes)).queueUrl();
    }

    @Test
    void aFifoQueueNeedsTheFifoSuffixAndHasFifoAttributes() {
        assertThatThrownBy(() -> sqs.createQueue(r -> r.queueName("no-suffix")
                .attributesWithStrings(Map.of("FifoQueue", "true")))).isInstanceOf(SqsException.class)
                .satisfies(e -> assertThat(((SqsException) e).statusCode()).isEqualTo(400));

        String url = fifo("attrs.fifo", Map.of("FifoQueue", "true", "DeduplicationScope", "messageGroup",
                "FifoThroughputLimit", "perMessageGroupId"));

        assertThat(sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNamesWithStrings("All"))
                .attributesAsStrings()).containsEntry("FifoQueue", "true")
                .containsEntry("ContentBasedDeduplication", "false")
                .containsEntry("DeduplicationScope", "messageGroup")
                .containsEntry("FifoThroughputLimit", "perMessageGroupId");
    }

    @Test
    void aDuplicateWithinFiveMinutesIsAcceptedButNotDeliveredEvenAfterTheFirstIsDeleted() {
        String url = fifo("dedup.fifo", Map.of("FifoQueue", "true"));
        SendMessageResponse first = sqs.sendMessage(r -> r.queueUrl(url).messageBody("pay 10").messageGroupId("g")
                .messageDeduplicationId("payment-1"));
        Message received = sqs.receiveMessage(r -> r.queueUrl(url)).messages().get(0);
        sqs.deleteMessage(r -> r.queueUrl(url).receiptHandle(received.receiptHandle()));

        SendMessageResponse duplicate = sqs.sendMessage(r -> r.queueUrl(url).messageBody("pay 10")
                .messageGroupId("g").messageDeduplicationId("payment-1"));

        assertThat(duplicate.messageId()).isEqualTo(first.messageId());
        assertThat(duplicate.sequenceNumber()).isEqualTo(first.sequenceNumber());
        assertThat(sqs.receiveMessage(r -> r.queueUrl(url)).messages()).isEmpty();
        LabAdmin.advanceClock(cloud, Duration.ofMinutes(5).plusSeconds(1));
        sqs.sendMessage(r -> r.queueUrl(url).messageBody("pay 10").messageGroupId("g")
                .messageDeduplicationId("payment-1"));
        assertThat(sqs.receiveMessage(r -> r.queueUrl(url)).messages()).hasSize(1);
    }

    @Test
    void contentBasedDeduplicationUsesTheBodyAndWithoutItADeduplicationIdIsRequired() {
        String plain = fifo("needs-id.fifo", Map.of("FifoQueue", "true"));
        assertThatThrownBy(() -> sqs.sendMessage(r -> r.queueUrl(plain).messageBody("x").messageGroupId("g")))
                .isInstanceOf(SqsException.class).hasMessageContaining("ContentBasedDeduplication");
        assertThatThrownBy(() -> sqs.sendMessage(r -> r.queueUrl(plain).messageBody("x")
                .messageDeduplicationId("1"))).isInstanceOf(SqsException.class).hasMessageContaining("MessageGroupId");

        String url = fifo("content.fifo", Map.of("FifoQueue", "true", "ContentBasedDeduplication", "true"));
        String id = sqs.sendMessage(r -> r.queueUrl(url).messageBody("same").messageGroupId("g")).messageId();
        assertThat(sqs.sendMessage(r -> r.queueUrl(url).messageBody("same").messageGroupId("g")).messageId())
                .isEqualTo(id);
        sqs.sendMessage(r -> r.queueUrl(url).messageBody("different").messageGroupId("g"));
        Message message = sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10)
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages().get(0);
        assertThat(message.attributesAsStrings()).containsEntry("MessageDeduplicationId",
                        "0967115f2813a3541eaef77de9d9d5773f1c0c04314b0bbfe4ff3b3b1c55b5d5")
                .containsEntry("MessageGroupId", "g").containsKey("SequenceNumber");
    }

    @Test
    void aGroupIsReceivedInOrderAndIsBlockedWhileOneOfItsMessagesIsInFlight() {
        String url = fifo("groups.fifo", Map.of("FifoQueue", "true", "ContentBasedDeduplication", "true"));
        for (String body : List.of("a1", "b1", "a2", "b2", "a3")) {
            sqs.sendMessage(r -> r.queueUrl(url).messageBody(body).messageGroupId(body.substring(0, 1)));
        }

        Message a1 = sqs.receiveMessage(r -> r.queueUrl(url)).messages().get(0);
        assertThat(a1.body()).isEqualTo("a1");
        assertThat(sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10)).messages())
                .as("group a is blocked while a1 is in flight").extracting(Message::body).containsExactly("b1", "b2");
        sqs.deleteMessage(r -> r.queueUrl(url).receiptHandle(a1.receiptHandle()));
        assertThat(sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10)).messages())
                .extracting(Message::body).containsExactly("a2", "a3");
    }

    @Test
    void deduplicationScopedToTheMessageGroupLetsTheSameIdInAnotherGroupThrough() {
        String url = fifo("group-scope.fifo", Map.of("FifoQueue", "true", "DeduplicationScope", "messageGroup"));
        sqs.sendMessage(r -> r.queueUrl(url).messageBody("x").messageGroupId("g1").messageDeduplicationId("d"));
        sqs.sendMessage(r -> r.queueUrl(url).messageBody("x").messageGroupId("g2").messageDeduplicationId("d"));
        sqs.sendMessage(r -> r.queueUrl(url).messageBody("x").messageGroupId("g2").messageDeduplicationId("d"));

        assertThat(sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10)).messages()).hasSize(2);
    }

    @Test
    void aFifoQueueRefusesAPerMessageDelay() {
        String url = fifo("no-delay.fifo", Map.of("FifoQueue", "true", "ContentBasedDeduplication", "true"));

        assertThatThrownBy(() -> sqs.sendMessage(r -> r.queueUrl(url).messageBody("x").messageGroupId("g")
                .delaySeconds(5))).isInstanceOf(SqsException.class).hasMessageContaining("DelaySeconds");
    }
}
