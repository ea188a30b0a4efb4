package gluelab.lab.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import gluelab.cloud.testing.RunningLabCloud;
import gluelab.lab.DataTable;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** Queues shown as a table of their counters, as a notebook shows a queue and its dead-letter queue. */
class QueueDepthsTest {

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory();

    @Test
    void aQueueShowsItsWaitingInFlightAndDelayedMessagesAndItsDeadLetterQueue() {
        try (SqsClient sqs = cloud.client(SqsClient.builder())) {
            sqs.createQueue(r -> r.queueName("uploads-dlq"));
            String url = sqs.createQueue(r -> r.queueName("uploads").attributes(Map.of(
                    QueueAttributeName.REDRIVE_POLICY, "{\"deadLetterTargetArn\":"
                            + "\"arn:aws:sqs:us-east-1:000000000000:uploads-dlq\",\"maxReceiveCount\":\"3\"}")))
                    .queueUrl();
            sqs.sendMessage(r -> r.queueUrl(url).messageBody("a"));
            sqs.sendMessage(r -> r.queueUrl(url).messageBody("b"));
            sqs.sendMessage(r -> r.queueUrl(url).messageBody("later").delaySeconds(60));
            sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(1));

            DataTable depths = QueueDepths.of(sqs, List.of("uploads", "uploads-dlq"));

            assertThat(depths.values("queue")).containsExactly("uploads", "uploads-dlq");
            assertThat(depths.values("visible")).containsExactly(1, 0);
            assertThat(depths.values("in_flight")).containsExactly(1, 0);
            assertThat(depths.values("delayed")).containsExactly(1, 0);
            assertThat(depths.values("dead_letter_queue")).containsExactly("uploads-dlq", null);
        }
    }
}
