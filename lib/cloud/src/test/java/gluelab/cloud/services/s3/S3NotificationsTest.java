package gluelab.cloud.services.s3;

import static gluelab.cloud.services.s3.S3Failures.errorCode;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import gluelab.cloud.state.Json;
import gluelab.cloud.testing.RunningLabCloud;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.Event;
import software.amazon.awssdk.services.s3.model.FilterRule;
import software.amazon.awssdk.services.s3.model.FilterRuleName;
import software.amazon.awssdk.services.s3.model.GetBucketNotificationConfigurationResponse;
import software.amazon.awssdk.services.s3.model.LambdaFunctionConfiguration;
import software.amazon.awssdk.services.s3.model.NotificationConfigurationFilter;
import software.amazon.awssdk.services.s3.model.QueueConfiguration;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.TopicConfiguration;

/** Notification configuration, and the internal events S3 publishes after each successful write. */
class S3NotificationsTest {

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory();

    static S3Client s3;

    @BeforeAll
    static void bucket() {
        s3 = cloud.client(S3Client.builder());
        s3.createBucket(b -> b.bucket("notified"));
        S3QueueNotificationsTest.queueS3MaySendTo(cloud, "landing", "notified");
    }

    @AfterAll
    static void close() {
        s3.close();
    }

    static NotificationConfigurationFilter keyFilter(String prefix, String suffix) {
        return NotificationConfigurationFilter.builder().key(k -> k.filterRules(
                FilterRule.builder().name(FilterRuleName.PREFIX).value(prefix).build(),
                FilterRule.builder().name(FilterRuleName.SUFFIX).value(suffix).build())).build();
    }

    @Test
    void aNotificationConfigurationRoundTripsWithGeneratedIds() {
        s3.putBucketNotificationConfiguration(b -> b.bucket("notified").notificationConfiguration(n -> n
                .eventBridgeConfiguration(e -> { })
                .queueConfigurations(QueueConfiguration.builder().id("to-queue")
                        .queueArn("arn:aws:sqs:us-east-1:000000000000:landing")
                        .events(Event.S3_OBJECT_CREATED).filter(keyFilter("incoming/", ".csv")).build())
                .lambdaFunctionConfigurations(LambdaFunctionConfiguration.builder()
                        .lambdaFunctionArn("arn:aws:lambda:us-east-1:000000000000:function:on-delete")
                        .events(Event.S3_OBJECT_REMOVED, Event.S3_OBJECT_CREATED_COPY).build())
                .topicConfigurations(TopicConfiguration.builder()
                        .topicArn("arn:aws:sns:us-east-1:000000000000:alerts")
                        .eventsWithStrings("s3:ObjectCreated:CompleteMultipartUpload").build())));
        GetBucketNotificationConfigurationResponse got =
                s3.getBucketNotificationConfiguration(b -> b.bucket("notified"));
        assertThat(got.eventBridgeConfiguration()).isNotNull();
        assertThat(got.queueConfigurations()).singleElement().satisfies(q -> {
            assertThat(q.id()).isEqualTo("to-queue");
            assertThat(q.queueArn()).isEqualTo("arn:aws:sqs:us-east-1:000000000000:landing");
            assertThat(q.events()).containsExactly(Event.S3_OBJECT_CREATED);
            assertThat(q.filter().key().filterRules()).extracting(FilterRule::value).containsExactly("incoming/", ".csv");
        });
        assertThat(got.lambdaFunctionConfigurations()).singleElement().satisfies(l -> {
            assertThat(l.id()).isNotBlank();
            assertThat(l.events()).containsExactly(Event.S3_OBJECT_REMOVED, Event.S3_OBJECT_CREATED_COPY);
        });
        assertThat(got.topicConfigurations()).singleElement()
                .satisfies(t -> assertThat(t.eventsAsStrings()).containsExactly("s3:ObjectCreated:CompleteMultipartUpload"));
        s3.putBucketNotificationConfiguration(b -> b.bucket("notified").notificationConfiguration(n -> { }));
        GetBucketNotificationConfigurationResponse cleared = s3.getBucketNotificationConfiguration(b -> b.bucket("notified"));
        assertThat(cleared.eventBridgeConfiguration()).isNull();
        assertThat(cleared.queueConfigurations()).isEmpty();
    }

    @Test
    void aBucketWithoutConfigurationAnswersAnEmptyOne() {
        s3.createBucket(b -> b.bucket("notified-never"));
        GetBucketNotificationConfigurationResponse got = s3.getBucketNotificationConfiguration(b -> b.bucket("notified-never"));
        assertThat(got.queueConfigurations()).isEmpty();
        assertThat(got.eventBridgeConfiguration()).isNull();
    }

    @Test
    void unknownEventNamesAndFilterRulesAreInvalidArgument() {
        assertThat(errorCode(() -> s3.putBucketNotificationConfiguration(b -> b.bucket("notified")
                .notificationConfiguration(n -> n.queueConfigurations(QueueConfiguration.builder()
                        .queueArn("arn:aws:sqs:us-east-1:000000000000:q").eventsWithStrings("s3:ObjectExploded:*")
                        .build()))))).isEqualTo("InvalidArgument");
        assertThat(errorCode(() -> s3.putBucketNotificationConfiguration(b -> b.bucket("notified")
                .notificationConfiguration(n -> n.queueConfigurations(QueueConfiguration.builder()
                        .queueArn("arn:aws:sqs:us-east-1:000000000000:q").events(Event.S3_OBJECT_CREATED)
                        .filter(f -> f.key(k -> k.filterRules(FilterRule.builder().name("middle").value("x").build())))
                        .build()))))).isEqualTo("InvalidArgument");
        assertThat(errorCode(() -> s3.putBucketNotificationConfiguration(b -> b.bucket("notified")
                .notificationConfiguration(n -> n.queueConfigurations(QueueConfiguration.builder()
                        .queueArn("arn:aws:sqs:us-east-1:000000000000:q").events(Event.S3_OBJECT_CREATED)
                        .filter(f -> f.key(k -> k.filterRules(
                                FilterRule.builder().name(FilterRuleName.PREFIX).value("a").build(),
                                FilterRule.builder().name(FilterRuleName.PREFIX).value("b").build())))
                        .build()))))).isEqualTo("InvalidArgument");
        assertThat(errorCode(() -> s3.putBucketNotificationConfiguration(b -> b.bucket("notified")
                .notificationConfiguration(n -> n.queueConfigurations(QueueConfiguration.builder()
                        .queueArn("not-an-arn").events(Event.S3_OBJECT_CREATED).build()))))).isEqualTo("InvalidArgument");
    }

    static List<JsonNode> s3Events(long since) throws Exception {
        var response = cloud.http(cloud.request("/_lab/events?service=s3&since=" + since).GET());
        List<JsonNode> events = new ArrayList<>();
        Json.MAPPER.readTree(response.body()).get("events").forEach(e -> {
            if (e.get("kind").asText().equals("event")) {
                events.add(e);
            }
        });
        return events;
    }

    static long timelineEnd() throws Exception {
        var response = cloud.http(cloud.request("/_lab/events?limit=10000").GET());
        JsonNode body = Json.MAPPER.readTree(response.body());
        long last = 0;
        for (JsonNode event : body.get("events")) {
            last = Math.max(last, event.get("seq").asLong());
        }
        return last;
    }

    @Test
    void successfulWritesPublishObjectCreatedAndObjectDeletedInEventBridgeFormat() throws Exception {
        s3.createBucket(b -> b.bucket("notified-events"));
        long since = timelineEnd();
        var put = s3.putObject(b -> b.bucket("notified-events").key("in/data.csv"), RequestBody.fromString("a,b\n"));
        s3.copyObject(b -> b.sourceBucket("notified-events").sourceKey("in/data.csv")
                .destinationBucket("notified-events").destinationKey("copy/data.csv"));
        String id = s3.createMultipartUpload(b -> b.bucket("notified-events").key("big/file")).uploadId();
        var part = s3.uploadPart(b -> b.bucket("notified-events").key("big/file").uploadId(id).partNumber(1),
                RequestBody.fromString("part"));
        s3.completeMultipartUpload(b -> b.bucket("notified-events").key("big/file").uploadId(id)
                .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(part.eTag()).build())));
        s3.deleteObject(b -> b.bucket("notified-events").key("in/data.csv"));

        List<JsonNode> events = s3Events(since);
        assertThat(events).extracting(e -> e.get("name").asText() + " " + e.get("detail").get("reason").asText())
                .containsExactly("Object Created PutObject", "Object Created CopyObject",
                        "Object Created CompleteMultipartUpload", "Object Deleted DeleteObject");
        JsonNode created = events.get(0);
        assertThat(created.get("account").asText()).isEqualTo("000000000000");
        assertThat(created.get("region").asText()).isEqualTo("us-east-1");
        assertThat(created.get("resource").asText()).isEqualTo("notified-events/in/data.csv");
        JsonNode detail = created.get("detail");
        assertThat(detail.get("version").asText()).isEqualTo("0");
        assertThat(detail.get("bucket").get("name").asText()).isEqualTo("notified-events");
        assertThat(detail.get("object").get("key").asText()).isEqualTo("in/data.csv");
        assertThat(detail.get("object").get("size").asLong()).isEqualTo(4);
        assertThat(detail.get("object").get("etag").asText()).isEqualTo(put.eTag().replace("\"", ""));
        assertThat(detail.get("object").get("sequencer").asText()).matches("[0-9A-F]{16,}");
        assertThat(detail.get("request-id").asText()).isNotBlank();
        assertThat(detail.get("requester").asText()).isEqualTo("000000000000");
        assertThat(detail.get("source-ip-address").asText()).isNotBlank();
        JsonNode deleted = events.get(3).get("detail");
        assertThat(deleted.get("deletion-type").asText()).isEqualTo("Permanently Deleted");
        assertThat(deleted.get("object").has("size")).isFalse();
        assertThat(events.get(0).get("detail").get("object").get("sequencer").asText())
                .isLessThan(events.get(3).get("detail").get("object").get("sequencer").asText());
    }

    @Test
    void versionedWritesAndDeletesNameTheirVersionAndADeleteMarkerIsSaidToBeOne() throws Exception {
        s3.createBucket(b -> b.bucket("notified-versions"));
        s3.putBucketVersioning(b -> b.bucket("notified-versions").versioningConfiguration(v -> v.status("Enabled")));
        long since = timelineEnd();
        String created = s3.putObject(b -> b.bucket("notified-versions").key("v"), RequestBody.fromString("1"))
                .versionId();
        String marker = s3.deleteObject(b -> b.bucket("notified-versions").key("v")).versionId();
        s3.deleteObject(b -> b.bucket("notified-versions").key("v").versionId(created));

        List<JsonNode> events = s3Events(since);
        assertThat(events).extracting(e -> e.get("name").asText() + " " + e.get("detail").get("object")
                        .get("version-id").asText() + " " + e.get("detail").path("deletion-type").asText())
                .containsExactly("Object Created " + created + " ", "Object Deleted " + marker + " Delete Marker Created",
                        "Object Deleted " + created + " Permanently Deleted");
    }

    @Test
    void refusedWritesPublishNothing() throws Exception {
        s3.createBucket(b -> b.bucket("notified-refused"));
        s3.putObject(b -> b.bucket("notified-refused").key("once"), RequestBody.fromString("1"));
        long since = timelineEnd();
        assertThat(errorCode(() -> s3.putObject(b -> b.bucket("notified-refused").key("once").ifNoneMatch("*"),
                RequestBody.fromString("2")))).isEqualTo("PreconditionFailed");
        s3.deleteObject(b -> b.bucket("notified-refused").key("never-existed"));
        assertThat(s3Events(since)).isEmpty();
    }
}
