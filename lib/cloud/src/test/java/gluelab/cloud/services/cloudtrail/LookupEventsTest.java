package gluelab.cloud.services.cloudtrail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import gluelab.cloud.state.Json;
import gluelab.cloud.testing.Await;
import gluelab.cloud.testing.RunningLabCloud;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.Event;
import software.amazon.awssdk.services.cloudtrail.model.InvalidLookupAttributesException;
import software.amazon.awssdk.services.cloudtrail.model.InvalidTimeRangeException;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttribute;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttributeKey;
import software.amazon.awssdk.services.cloudtrail.model.LookupEventsResponse;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.s3.S3Client;

/** LookupEvents: the management events of the account and region, newest first, with no trail needed. */
class LookupEventsTest {

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory();
    static CloudTrailClient cloudtrail;

    @BeforeAll
    static void clients() {
        cloudtrail = cloud.client(CloudTrailClient.builder());
    }

    @AfterAll
    static void close() {
        cloudtrail.close();
    }

    @Test
    void managementEventsAreFoundByNameAndResourceWithTheirRecordButDataEventsAreNot() throws Exception {
        Instant before = Instant.now().minusSeconds(1);
        try (GlueClient glue = cloud.client(GlueClient.builder()); S3Client s3 = cloud.client(S3Client.builder())) {
            glue.createDatabase(r -> r.databaseInput(d -> d.name("lookup_db")));
            s3.createBucket(r -> r.bucket("lookup-bucket"));
            s3.putObject(r -> r.bucket("lookup-bucket").key("data.csv"), RequestBody.fromString("x"));
        }

        List<Event> created = await(LookupAttributeKey.EVENT_NAME, "CreateBucket", 1);
        Event bucket = created.get(0);
        assertThat(bucket.eventSource()).isEqualTo("s3.amazonaws.com");
        assertThat(bucket.username()).isEqualTo("root");
        assertThat(bucket.accessKeyId()).isEqualTo("test");
        assertThat(bucket.readOnly()).isEqualTo("false");
        assertThat(bucket.eventTime()).isAfter(before);
        assertThat(bucket.resources()).anySatisfy(r -> {
            assertThat(r.resourceType()).isEqualTo("AWS::S3::Bucket");
            assertThat(r.resourceName()).isEqualTo("lookup-bucket");
        });
        JsonNode record = Json.MAPPER.readTree(bucket.cloudTrailEvent());
        assertThat(record.path("eventID").asText()).isEqualTo(bucket.eventId());
        assertThat(record.path("requestParameters").path("bucketName").asText()).isEqualTo("lookup-bucket");
        assertThat(record.path("managementEvent").asBoolean()).isTrue();

        Event database = await(LookupAttributeKey.EVENT_NAME, "CreateDatabase", 1).get(0);
        JsonNode glueRecord = Json.MAPPER.readTree(database.cloudTrailEvent());
        assertThat(glueRecord.path("eventSource").asText()).isEqualTo("glue.amazonaws.com");
        assertThat(glueRecord.path("requestParameters").path("databaseInput").path("name").asText()).isEqualTo("lookup_db");
        assertThat(lookup(LookupAttributeKey.RESOURCE_NAME, "lookup-bucket")).extracting(Event::eventName)
                .contains("CreateBucket");
        assertThat(lookup(LookupAttributeKey.RESOURCE_TYPE, "AWS::S3::Bucket")).extracting(Event::eventName)
                .contains("CreateBucket");
        assertThat(lookup(LookupAttributeKey.EVENT_NAME, "PutObject")).as("data events are not in the history").isEmpty();
    }

    @Test
    void eventsComeNewestFirstInPagesWithinTheTimeRange() {
        try (GlueClient glue = cloud.client(GlueClient.builder())) {
            for (int i = 0; i < 7; i++) {
                int n = i;
                glue.createDatabase(r -> r.databaseInput(d -> d.name("paged_" + n)));
            }
        }
        await(LookupAttributeKey.EVENT_NAME, "CreateDatabase", 7);

        List<Event> all = new ArrayList<>();
        String token = null;
        do {
            String current = token;
            LookupEventsResponse page = cloudtrail.lookupEvents(r -> r.maxResults(3).nextToken(current)
                    .lookupAttributes(a -> a.attributeKey(LookupAttributeKey.EVENT_SOURCE).attributeValue("glue.amazonaws.com")));
            assertThat(page.events()).hasSizeLessThanOrEqualTo(3);
            all.addAll(page.events());
            token = page.nextToken();
        } while (token != null);

        assertThat(all).extracting(Event::eventId).doesNotHaveDuplicates();
        assertThat(all).extracting(Event::eventTime).isSortedAccordingTo((a, b) -> b.compareTo(a));
        assertThat(all.stream().filter(e -> e.eventName().equals("CreateDatabase")).count()).isGreaterThanOrEqualTo(7);
        assertThat(cloudtrail.lookupEvents(r -> r.endTime(Instant.now().minusSeconds(3600))).events())
                .as("nothing an hour ago").isEmpty();
    }

    @Test
    void badLookupsAreRefused() {
        assertThatThrownBy(() -> cloudtrail.lookupEvents(r -> r.lookupAttributes(
                LookupAttribute.builder().attributeKey(LookupAttributeKey.EVENT_NAME).attributeValue("a").build(),
                LookupAttribute.builder().attributeKey(LookupAttributeKey.USERNAME).attributeValue("b").build())))
                .isInstanceOf(InvalidLookupAttributesException.class);
        assertThatThrownBy(() -> cloudtrail.lookupEvents(r -> r.startTime(Instant.now()).endTime(Instant.now().minusSeconds(60))))
                .isInstanceOf(InvalidTimeRangeException.class);
    }

    private static List<Event> lookup(LookupAttributeKey key, String value) {
        return cloudtrail.lookupEvents(r -> r.lookupAttributes(a -> a.attributeKey(key).attributeValue(value))).events();
    }

    /** The events CloudTrail heard of, which it does just after each call is answered. */
    private static List<Event> await(LookupAttributeKey key, String value, int count) {
        return Await.until(() -> lookup(key, value), events -> events.size() >= count, count + " events " + key + "=" + value);
    }
}
