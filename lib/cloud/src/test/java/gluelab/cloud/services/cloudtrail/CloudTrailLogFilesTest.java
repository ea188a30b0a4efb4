package gluelab.cloud.services.cloudtrail;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import gluelab.cloud.state.Json;
import gluelab.cloud.testing.LabAdmin;
import gluelab.cloud.testing.RunningLabCloud;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.DataResource;
import software.amazon.awssdk.services.cloudtrail.model.EventSelector;
import software.amazon.awssdk.services.cloudtrail.model.GetTrailStatusResponse;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/** A logging trail's log files: gzipped {"Records":[…]} in its bucket, at AWS's keys, every five minutes of the lab clock. */
class CloudTrailLogFilesTest {

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory();
    static CloudTrailClient cloudtrail;
    static S3Client s3;

    @BeforeAll
    static void clients() {
        cloudtrail = cloud.client(CloudTrailClient.builder());
        s3 = cloud.client(S3Client.builder());
        s3.createBucket(r -> r.bucket("trail-files"));
        s3.createBucket(r -> r.bucket("landing"));
    }

    @AfterAll
    static void close() {
        cloudtrail.close();
        s3.close();
    }

    @Test
    void theEventsATrailLogsAreInAGzippedLogFileInItsBucketFiveMinutesLater() throws IOException {
        cloudtrail.createTrail(r -> r.name("files").s3BucketName("trail-files").s3KeyPrefix("audit"));
        cloudtrail.putEventSelectors(r -> r.trailName("files").eventSelectors(EventSelector.builder()
                .dataResources(DataResource.builder().type("AWS::S3::Object").values("arn:aws:s3:::landing/").build()).build()));
        cloudtrail.startLogging(r -> r.name("files"));
        s3.putObject(r -> r.bucket("landing").key("orders/1.csv"), RequestBody.fromString("1"));
        s3.putObject(r -> r.bucket("landing").key("orders/2.csv"), RequestBody.fromString("2"));
        s3.listBuckets();
        assertThat(logFiles("audit/")).as("nothing before five minutes").isEmpty();

        LabAdmin.advanceClock(cloud, Duration.ofMinutes(5));

        List<S3Object> files = logFiles("audit/");
        assertThat(files).hasSize(1);
        Instant delivered = cloudtrail.getTrailStatus(r -> r.name("files")).latestDeliveryTime();
        String day = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC).format(delivered);
        String minute = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'").withZone(ZoneOffset.UTC).format(delivered);
        assertThat(files.get(0).key()).matches("audit/AWSLogs/000000000000/CloudTrail/us-east-1/" + day
                + "/000000000000_CloudTrail_us-east-1_" + minute + "_[A-Za-z0-9]{16}\\.json\\.gz");
        List<JsonNode> records = records(files.get(0).key());
        assertThat(records).extracting(r -> r.path("eventName").asText())
                .containsSubsequence("PutObject", "PutObject", "ListBuckets");
        assertThat(records).filteredOn(r -> r.path("eventName").asText().equals("PutObject"))
                .extracting(r -> r.path("requestParameters").path("key").asText()).containsExactly("orders/1.csv", "orders/2.csv");
        assertThat(records).filteredOn(r -> r.path("eventName").asText().equals("ListBuckets")).singleElement()
                .satisfies(r -> {
                    assertThat(r.path("eventCategory").asText()).isEqualTo("Management");
                    assertThat(r.path("managementEvent").asBoolean()).isTrue();
                    assertThat(r.path("readOnly").asBoolean()).isTrue();
                });
    }

    @Test
    void stoppingATrailDeliversWhatItHasAtOnceAndTheStatusSaysWhen() throws IOException {
        cloudtrail.createTrail(r -> r.name("stopping").s3BucketName("trail-files").s3KeyPrefix("stopping"));
        cloudtrail.startLogging(r -> r.name("stopping"));
        s3.createBucket(r -> r.bucket("made-while-logging"));

        cloudtrail.stopLogging(r -> r.name("stopping"));

        List<S3Object> files = logFiles("stopping/");
        assertThat(files).hasSize(1);
        assertThat(records(files.get(0).key())).extracting(r -> r.path("eventName").asText()).contains("CreateBucket");
        GetTrailStatusResponse status = cloudtrail.getTrailStatus(r -> r.name("stopping"));
        assertThat(status.latestDeliveryTime()).isNotNull();
        assertThat(status.latestDeliveryError()).isNull();
    }

    @Test
    void aDeliveryToABucketThatIsGoneIsADeliveryError() {
        s3.createBucket(r -> r.bucket("short-lived"));
        cloudtrail.createTrail(r -> r.name("orphan").s3BucketName("short-lived"));
        cloudtrail.startLogging(r -> r.name("orphan"));
        s3.deleteBucket(r -> r.bucket("short-lived"));

        LabAdmin.advanceClock(cloud, Duration.ofMinutes(6));

        assertThat(cloudtrail.getTrailStatus(r -> r.name("orphan")).latestDeliveryError()).isEqualTo("NoSuchBucket");
        cloudtrail.deleteTrail(r -> r.name("orphan"));
    }

    private static List<S3Object> logFiles(String prefix) {
        return new ArrayList<>(s3.listObjectsV2Paginator(r -> r.bucket("trail-files").prefix(prefix)).contents()
                .stream().toList());
    }

    private static List<JsonNode> records(String key) throws IOException {
        byte[] gzipped = s3.getObjectAsBytes(r -> r.bucket("trail-files").key(key)).asByteArray();
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
            List<JsonNode> records = new ArrayList<>();
            Json.MAPPER.readTree(in).path("Records").forEach(records::add);
            return records;
        }
    }
}
