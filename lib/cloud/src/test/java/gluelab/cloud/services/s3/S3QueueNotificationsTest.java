package gluelab.cloud.services.s3;

import static gluelab.cloud.services.s3.S3Failures.errorCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import gluelab.cloud.state.Json;
import gluelab.cloud.testing.RunningLabCloud;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Event;
import software.amazon.awssdk.services.s3.model.QueueConfiguration;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** S3 bucket notifications to SQS queues: the test event, the check of the queue's policy, and the events. */
class S3QueueNotificationsTest {

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory();

    static final String ARN = "arn:aws:sqs:us-east-1:000000000000:";

    /** A queue whose policy lets S3 send to it for {@code bucket}, as the S3 guide's example policy does. */
    static String queueS3MaySendTo(RunningLabCloud cloud, String queue, String bucket) {
        try (SqsClient sqs = cloud.client(SqsClient.builder())) {
            return sqs.createQueue(r -> r.queueName(queue).attributes(Map.of(QueueAttributeName.POLICY, """
                    {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"s3.amazonaws.com"},\
                    "Action":"sqs:SendMessage","Resource":"%s%s",\
                    "Condition":{"ArnLike":{"aws:SourceArn":"arn:aws:s3:::%s"}}}]}""".formatted(ARN, queue, bucket))))
                    .queueUrl();
        }
    }

    @Test
    void savingAQueueConfigurationSendsTheS3TestEventToTheQueue() throws Exception {
        try (S3Client s3 = cloud.client(S3Client.builder()); SqsClient sqs = cloud.client(SqsClient.builder())) {
            s3.createBucket(b -> b.bucket("tested"));
            String url = queueS3MaySendTo(cloud, "tested-uploads", "tested");

            s3.putBucketNotificationConfiguration(b -> b.bucket("tested").notificationConfiguration(n -> n
                    .queueConfigurations(QueueConfiguration.builder().queueArn(ARN + "tested-uploads")
                            .events(Event.S3_OBJECT_CREATED).build())));

            List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(url).waitTimeSeconds(2)).messages();
            assertThat(messages).hasSize(1);
            JsonNode test = Json.MAPPER.readTree(messages.get(0).body());
            assertThat(test.path("Service").asText()).isEqualTo("Amazon S3");
            assertThat(test.path("Event").asText()).isEqualTo("s3:TestEvent");
            assertThat(test.path("Bucket").asText()).isEqualTo("tested");
            assertThat(test.path("Time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z");
            assertThat(test.path("RequestId").asText()).isNotEmpty();
            assertThat(test.path("HostId").asText()).isNotEmpty();
        }
    }

    @Test
    void aQueueThatIsMissingOrWhosePolicyDoesNotLetS3SendCannotBeConfigured() {
        try (S3Client s3 = cloud.client(S3Client.builder()); SqsClient sqs = cloud.client(SqsClient.builder())) {
            s3.createBucket(b -> b.bucket("refused"));
            sqs.createQueue(r -> r.queueName("no-policy"));

            for (String queue : new String[] {"no-policy", "never-created"}) {
                Runnable configure = () -> s3.putBucketNotificationConfiguration(b -> b.bucket("refused")
                        .notificationConfiguration(n -> n.queueConfigurations(QueueConfiguration.builder()
                                .queueArn(ARN + queue).events(Event.S3_OBJECT_CREATED).build())));
                assertThat(errorCode(configure)).isEqualTo("InvalidArgument");
                assertThatThrownBy(configure::run).isInstanceOf(S3Exception.class)
                        .hasMessageContaining("Unable to validate the following destination configurations");
            }
            assertThat(s3.getBucketNotificationConfiguration(b -> b.bucket("refused")).queueConfigurations())
                    .as("nothing saved").isEmpty();
        }
    }

    @Test
    void objectsCreatedAndRemovedUnderTheFilterReachTheQueueAsS3EventMessages() throws Exception {
        try (S3Client s3 = cloud.client(S3Client.builder()); SqsClient sqs = cloud.client(SqsClient.builder())) {
            s3.createBucket(b -> b.bucket("landing-zone"));
            String url = queueS3MaySendTo(cloud, "landed", "landing-zone");
            s3.putBucketNotificationConfiguration(b -> b.bucket("landing-zone").notificationConfiguration(n -> n
                    .queueConfigurations(QueueConfiguration.builder().id("csv-arrivals").queueArn(ARN + "landed")
                            .events(Event.S3_OBJECT_CREATED, Event.S3_OBJECT_REMOVED)
                            .filter(S3NotificationsTest.keyFilter("incoming/", ".csv")).build())));
            sqs.purgeQueue(r -> r.queueUrl(url)); // the test event

            s3.putObject(b -> b.bucket("landing-zone").key("incoming/till 4.csv"), RequestBody.fromString("a,b\n"));
            s3.putObject(b -> b.bucket("landing-zone").key("incoming/notes.txt"), RequestBody.fromString("x"));
            s3.putObject(b -> b.bucket("landing-zone").key("elsewhere/till.csv"), RequestBody.fromString("x"));
            s3.deleteObject(b -> b.bucket("landing-zone").key("incoming/till 4.csv"));

            List<JsonNode> records = new ArrayList<>();
            for (int i = 0; i < 5 && records.size() < 2; i++) {
                for (Message message : sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10)
                        .waitTimeSeconds(1)).messages()) {
                    records.add(Json.MAPPER.readTree(message.body()).path("Records").path(0));
                }
            }
            assertThat(records).extracting(r -> r.path("eventName").asText())
                    .containsExactlyInAnyOrder("ObjectCreated:Put", "ObjectRemoved:Delete");
            JsonNode created = records.stream().filter(r -> r.path("eventName").asText().equals("ObjectCreated:Put"))
                    .findFirst().orElseThrow();
            assertThat(created.path("eventVersion").asText()).isEqualTo("2.1");
            assertThat(created.path("eventSource").asText()).isEqualTo("aws:s3");
            assertThat(created.path("awsRegion").asText()).isEqualTo("us-east-1");
            assertThat(created.path("s3").path("configurationId").asText()).isEqualTo("csv-arrivals");
            assertThat(created.path("s3").path("bucket").path("name").asText()).isEqualTo("landing-zone");
            assertThat(created.path("s3").path("bucket").path("arn").asText()).isEqualTo("arn:aws:s3:::landing-zone");
            assertThat(created.path("s3").path("object").path("key").asText()).isEqualTo("incoming/till+4.csv");
            assertThat(created.path("s3").path("object").path("size").asLong()).isEqualTo(4);
            assertThat(created.path("s3").path("object").path("eTag").asText()).matches("[0-9a-f]{32}");
            assertThat(created.path("s3").path("object").path("sequencer").asText()).isNotEmpty();
        }
    }
}
