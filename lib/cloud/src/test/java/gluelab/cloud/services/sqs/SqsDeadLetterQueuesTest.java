package gluelab.cloud.services.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import gluelab.cloud.testing.LabAdmin;
import gluelab.cloud.testing.RunningLabCloud;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ListMessageMoveTasksResultEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/** Redrive: a message received too often moves to the dead-letter queue, and a message move task moves it back. */
class SqsDeadLetterQueuesTest {

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

    private static String withDeadLetterQueue(String name, String deadLetterQueue, int maxReceiveCount) {
        sqs.createQueue(r -> r.queueName(deadLetterQueue));
        String policy = "{\"deadLetterTargetArn\":\"arn:aws:sqs:us-east-1:000000000000:" + deadLetterQueue
                + "\",\"maxReceiveCount\":\"" + maxReceiveCount + "\"}";
        return sqs.createQueue(r -> r.queueName(name).attributesWithStrings(Map.of("RedrivePolicy", policy,
                "VisibilityTimeout", "10"))).queueUrl();
    }

    @Test
    void aMessageReceivedMoreThanMaxReceiveCountTimesMovesToTheDeadLetterQueue() {
        String url = withDeadLetterQueue("work", "work-dlq", 2);
        String dlq = sqs.getQueueUrl(r -> r.queueName("work-dlq")).queueUrl();
        String id = sqs.sendMessage(r -> r.queueUrl(url).messageBody("poison")).messageId();

        for (int receive = 1; receive <= 2; receive++) {
            assertThat(sqs.receiveMessage(r -> r.queueUrl(url)).messages()).as("receive " + receive).hasSize(1);
            LabAdmin.advanceClock(cloud, Duration.ofSeconds(11));
        }

        assertThat(sqs.receiveMessage(r -> r.queueUrl(url)).messages()).as("third receive").isEmpty();
        Message dead = sqs.receiveMessage(r -> r.queueUrl(dlq)
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages().get(0);
        assertThat(dead.messageId()).isEqualTo(id);
        assertThat(dead.body()).isEqualTo("poison");
        assertThat(dead.attributesAsStrings()).containsEntry("DeadLetterQueueSourceArn",
                "arn:aws:sqs:us-east-1:000000000000:work");
        assertThat(sqs.listDeadLetterSourceQueues(r -> r.queueUrl(dlq)).queueUrls())
                .containsExactly(url);
    }

    @Test
    void aMessageMoveTaskMovesDeadLettersBackToTheirSourceQueue() {
        String url = withDeadLetterQueue("redriven", "redriven-dlq", 1);
        sqs.sendMessage(r -> r.queueUrl(url).messageBody("retry me"));
        sqs.receiveMessage(r -> r.queueUrl(url));
        LabAdmin.advanceClock(cloud, Duration.ofSeconds(11));
        assertThat(sqs.receiveMessage(r -> r.queueUrl(url)).messages()).as("moved to the DLQ").isEmpty();
        String dlqArn = "arn:aws:sqs:us-east-1:000000000000:redriven-dlq";

        String handle = sqs.startMessageMoveTask(r -> r.sourceArn(dlqArn)).taskHandle();

        Message back = sqs.receiveMessage(r -> r.queueUrl(url)
                .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)).messages().get(0);
        assertThat(back.body()).isEqualTo("retry me");
        assertThat(back.attributesAsStrings()).containsEntry("ApproximateReceiveCount", "1");
        ListMessageMoveTasksResultEntry task = sqs.listMessageMoveTasks(r -> r.sourceArn(dlqArn)).results().get(0);
        assertThat(task.taskHandle()).isEqualTo(handle);
        assertThat(task.status()).isEqualTo("COMPLETED");
        assertThat(task.approximateNumberOfMessagesMoved()).isEqualTo(1);
    }
}
