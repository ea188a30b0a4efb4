package gluelab.cloud.services.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import gluelab.cloud.LabCloud;
import gluelab.cloud.LabCloudConfig;
import gluelab.cloud.testing.RunningLabCloud;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * With a state directory, acknowledged messages, their receive counts, the queues and the FIFO deduplication
 * window are there after a restart (one Lab Cloud closed, another started on the same directory).
 */
class SqsDurabilityTest {

    @TempDir
    Path stateDir;

    private LabCloud start() {
        return LabCloud.start(LabCloudConfig.defaults().withPort(0)
                .withGlueWorker(LabCloudConfig.GlueWorkerMode.OFF).withStateDir(stateDir));
    }

    private static SqsClient client(LabCloud cloud) {
        return SqsClient.builder().endpointOverride(cloud.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(RunningLabCloud.TEST_CREDENTIALS)
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    @Test
    void acknowledgedSendsQueuesAndDeduplicationSurviveARestart() {
        String firstId;
        try (LabCloud cloud = start(); SqsClient sqs = client(cloud)) {
            String url = sqs.createQueue(r -> r.queueName("durable").attributesWithStrings(
                    Map.of("VisibilityTimeout", "0"))).queueUrl();
            firstId = sqs.sendMessage(r -> r.queueUrl(url).messageBody("first")).messageId();
            sqs.sendMessage(r -> r.queueUrl(url).messageBody("second"));
            sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10));
            String fifo = sqs.createQueue(r -> r.queueName("durable.fifo").attributesWithStrings(
                    Map.of("FifoQueue", "true"))).queueUrl();
            sqs.sendMessage(r -> r.queueUrl(fifo).messageBody("once").messageGroupId("g")
                    .messageDeduplicationId("d"));
        }

        try (LabCloud cloud = start(); SqsClient sqs = client(cloud)) {
            String url = sqs.getQueueUrl(r -> r.queueName("durable")).queueUrl();
            List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10)
                    .messageSystemAttributeNamesWithStrings("ApproximateReceiveCount")).messages();
            assertThat(messages).extracting(Message::body).containsExactly("first", "second");
            assertThat(messages.get(0).messageId()).isEqualTo(firstId);
            assertThat(messages).allSatisfy(m -> assertThat(m.attributesAsStrings())
                    .containsEntry("ApproximateReceiveCount", "2"));
            String fifo = sqs.getQueueUrl(r -> r.queueName("durable.fifo")).queueUrl();
            sqs.sendMessage(r -> r.queueUrl(fifo).messageBody("once").messageGroupId("g")
                    .messageDeduplicationId("d"));
            assertThat(sqs.receiveMessage(r -> r.queueUrl(fifo).maxNumberOfMessages(10)).messages()).hasSize(1);
        }
    }
}
