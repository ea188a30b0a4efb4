package gluelab.cloud.services.events;

import static gluelab.cloud.services.events.ForwardingRules.forwardingRule;
import static gluelab.cloud.services.glue.jobs.GlueLabSupport.awaitEnd;
import static gluelab.cloud.services.glue.jobs.GlueLabSupport.sparkJob;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import gluelab.cloud.state.Json;
import gluelab.cloud.testing.RunningLabCloud;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.EventBridgeConfiguration;
import software.amazon.awssdk.services.s3.model.GetBucketNotificationConfigurationResponse;

/**
 * The events AWS services put on the account's default bus reach rules there: S3's "Object Created" only from buckets
 * with EventBridge turned on, Glue's "Glue Job State Change" always. Each matching rule forwards to a bus of its own,
 * whose delivery (with the event as AWS wraps it) is on the timeline.
 */
class AwsServiceEventsTest {

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory().withGlueRoles();
    static EventBridgeClient events;
    static S3Client s3;
    static GlueClient glue;

    @BeforeAll
    static void clients() {
        events = cloud.client(EventBridgeClient.builder());
        s3 = cloud.client(S3Client.builder().forcePathStyle(true));
        glue = cloud.client(GlueClient.builder());
    }

    @AfterAll
    static void closeClients() {
        events.close();
        s3.close();
        glue.close();
    }

    @Test
    void anUploadToAnEventBridgeEnabledBucketReachesARuleAndTheSameUploadElsewhereDoesNot() throws Exception {
        s3.createBucket(r -> r.bucket("eb-on"));
        s3.createBucket(r -> r.bucket("eb-off"));
        s3.putBucketNotificationConfiguration(r -> r.bucket("eb-on").notificationConfiguration(
                n -> n.eventBridgeConfiguration(EventBridgeConfiguration.builder().build())));
        GetBucketNotificationConfigurationResponse stored = s3.getBucketNotificationConfiguration(r -> r.bucket("eb-on"));
        assertThat(stored.eventBridgeConfiguration()).as("round-trips").isNotNull();
        assertThat(s3.getBucketNotificationConfiguration(r -> r.bucket("eb-off")).eventBridgeConfiguration()).isNull();
        String rule = forwardingRule(events, "uploads", """
                {"source":["aws.s3"],"detail-type":["Object Created"],"detail":{"object":{"key":[{"prefix":"landing/"}]}}}""");

        s3.putObject(r -> r.bucket("eb-off").key("landing/a.csv"), RequestBody.fromString("a,b\n"));
        s3.putObject(r -> r.bucket("eb-on").key("landing/a.csv"), RequestBody.fromString("a,b\n"));

        List<JsonNode> delivered = EventsTimeline.await(cloud, EventTimeline.TARGET_DELIVERED, 1, EventsTimeline.forRule(rule));
        assertThat(delivered).hasSize(1);
        JsonNode event = Json.MAPPER.readTree(delivered.get(0).path("detail").path("input").asText());
        assertThat(event.path("source").asText()).isEqualTo("aws.s3");
        assertThat(event.path("detail-type").asText()).isEqualTo("Object Created");
        assertThat(event.path("account").asText()).isEqualTo("000000000000");
        assertThat(event.path("resources")).extracting(JsonNode::asText).containsExactly("arn:aws:s3:::eb-on");
        JsonNode detail = event.path("detail");
        assertThat(detail.path("version").asText()).isEqualTo("0");
        assertThat(detail.path("bucket").path("name").asText()).isEqualTo("eb-on");
        assertThat(detail.path("object").path("key").asText()).isEqualTo("landing/a.csv");
        assertThat(detail.path("object").path("size").asLong()).isEqualTo(4);
        assertThat(detail.path("object").path("etag").asText()).isNotEmpty();
        assertThat(detail.path("object").path("sequencer").asText()).isNotEmpty();
        assertThat(detail.path("reason").asText()).isEqualTo("PutObject");
        assertThat(detail.path("requester").asText()).isEqualTo("000000000000");

        s3.deleteObject(r -> r.bucket("eb-on").key("landing/a.csv"));
        String deletes = forwardingRule(events, "deletes",
                "{\"source\":[\"aws.s3\"],\"detail-type\":[\"Object Deleted\"]}");
        s3.putObject(r -> r.bucket("eb-on").key("landing/b.csv"), RequestBody.fromString("b"));
        s3.deleteObject(r -> r.bucket("eb-on").key("landing/b.csv"));
        JsonNode deleted = Json.MAPPER.readTree(EventsTimeline.await(cloud, EventTimeline.TARGET_DELIVERED, 1,
                EventsTimeline.forRule(deletes)).get(0).path("detail").path("input").asText());
        assertThat(deleted.path("detail").path("reason").asText()).isEqualTo("DeleteObject");
        assertThat(deleted.path("detail").path("deletion-type").asText()).isEqualTo("Permanently Deleted");
    }

    @Test
    void aGlueJobStateChangeMatchesARuleOnTheDefaultBus() throws Exception {
        String rule = forwardingRule(events, "failed-jobs", """
                {"source":["aws.glue"],"detail-type":["Glue Job State Change"],"detail":{"state":["FAILED"]}}""");
        glue.createJob(sparkJob("watched", "com.example.Job").build());

        String runId = glue.startJobRun(r -> r.jobName("watched")).jobRunId();
        awaitEnd(glue, "watched", runId);

        List<JsonNode> delivered = EventsTimeline.await(cloud, EventTimeline.TARGET_DELIVERED, 1, EventsTimeline.forRule(rule));
        assertThat(delivered).hasSize(1);
        JsonNode event = Json.MAPPER.readTree(delivered.get(0).path("detail").path("input").asText());
        assertThat(event.path("source").asText()).isEqualTo("aws.glue");
        assertThat(event.path("resources").isArray() && event.path("resources").isEmpty()).isTrue();
        assertThat(event.path("detail").path("jobName").asText()).isEqualTo("watched");
        assertThat(event.path("detail").path("jobRunId").asText()).isEqualTo(runId);
        assertThat(event.path("detail").path("state").asText()).isEqualTo("FAILED");
        assertThat(event.path("detail").path("severity").asText()).isEqualTo("ERROR");
    }
}
