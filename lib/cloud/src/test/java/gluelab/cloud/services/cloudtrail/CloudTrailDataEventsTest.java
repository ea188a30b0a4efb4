package gluelab.cloud.services.cloudtrail;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import gluelab.cloud.testing.Await;
import gluelab.cloud.testing.LabAdmin;
import gluelab.cloud.testing.RunningLabCloud;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.DataResource;
import software.amazon.awssdk.services.cloudtrail.model.EventSelector;
import software.amazon.awssdk.services.cloudtrail.model.ReadWriteType;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * S3 data events through CloudTrail: while a trail logs and its selectors cover an object, every S3 call on the object
 * is an "AWS API Call via CloudTrail" event on the default bus, with CloudTrail's record as its detail.
 */
class CloudTrailDataEventsTest {

    private static final String DETAIL_TYPE = "AWS API Call via CloudTrail";

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory();
    static CloudTrailClient cloudtrail;
    static S3Client s3;

    @BeforeAll
    static void clients() {
        cloudtrail = cloud.client(CloudTrailClient.builder());
        s3 = cloud.client(S3Client.builder());
        s3.createBucket(r -> r.bucket("audit-logs"));
        s3.createBucket(r -> r.bucket("raw"));
        cloudtrail.createTrail(r -> r.name("raw-objects").s3BucketName("audit-logs"));
        cloudtrail.putEventSelectors(r -> r.trailName("raw-objects").eventSelectors(EventSelector.builder()
                .readWriteType(ReadWriteType.ALL).includeManagementEvents(true)
                .dataResources(DataResource.builder().type("AWS::S3::Object").values("arn:aws:s3:::raw/incoming/").build())
                .build()));
        cloudtrail.startLogging(r -> r.name("raw-objects"));
    }

    @AfterAll
    static void close() {
        cloudtrail.close();
        s3.close();
    }

    @Test
    void aMultipartUploadUnderALoggedPrefixIsOneDataEventPerCallWithCloudTrailsRecord() {
        CreateMultipartUploadResponse upload = s3.createMultipartUpload(r -> r.bucket("raw").key("incoming/big.csv"));
        String uploadId = upload.uploadId();
        String part1 = s3.uploadPart(r -> r.bucket("raw").key("incoming/big.csv").uploadId(uploadId).partNumber(1),
                RequestBody.fromString("a".repeat(5 * 1024 * 1024))).eTag();
        String part2 = s3.uploadPart(r -> r.bucket("raw").key("incoming/big.csv").uploadId(uploadId).partNumber(2),
                RequestBody.fromString("tail")).eTag();
        String completeRequestId = s3.completeMultipartUpload(r -> r.bucket("raw").key("incoming/big.csv").uploadId(uploadId)
                .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(part1).build(),
                        CompletedPart.builder().partNumber(2).eTag(part2).build()))).responseMetadata().requestId();

        List<JsonNode> events = awaitEvents(4, e -> e.path("resource").asText().equals("raw/incoming/big.csv"));

        assertThat(events).extracting(e -> e.path("detail").path("eventName").asText())
                .containsExactly("CreateMultipartUpload", "UploadPart", "UploadPart", "CompleteMultipartUpload");
        assertThat(events).allSatisfy(event -> {
            assertThat(event.path("service").asText()).as("the event's source is aws.s3").isEqualTo("s3");
            JsonNode detail = event.path("detail");
            assertThat(detail.path("eventVersion").asText()).isEqualTo("1.09");
            assertThat(detail.path("eventSource").asText()).isEqualTo("s3.amazonaws.com");
            assertThat(detail.path("awsRegion").asText()).isEqualTo("us-east-1");
            assertThat(detail.path("sourceIPAddress").asText()).isEqualTo("127.0.0.1");
            assertThat(detail.path("userAgent").asText()).contains("aws-sdk-java");
            assertThat(detail.path("userIdentity").path("type").asText()).isEqualTo("Root");
            assertThat(detail.path("userIdentity").path("arn").asText()).isEqualTo("arn:aws:iam::000000000000:root");
            assertThat(detail.path("userIdentity").path("accessKeyId").asText()).isEqualTo("test");
            assertThat(detail.path("requestParameters").path("bucketName").asText()).isEqualTo("raw");
            assertThat(detail.path("requestParameters").path("key").asText()).isEqualTo("incoming/big.csv");
            assertThat(detail.path("requestParameters").path("Host").asText()).isNotEmpty();
            assertThat(detail.path("readOnly").asBoolean(true)).isFalse();
            assertThat(detail.path("eventType").asText()).isEqualTo("AwsApiCall");
            assertThat(detail.path("managementEvent").asBoolean(true)).isFalse();
            assertThat(detail.path("eventCategory").asText()).isEqualTo("Data");
            assertThat(detail.path("recipientAccountId").asText()).isEqualTo("000000000000");
            assertThat(detail.path("eventID").asText()).matches("[0-9a-f-]{36}");
            assertThat(Instant.parse(detail.path("eventTime").asText())).isCloseTo(Instant.now(),
                    org.assertj.core.api.Assertions.within(Duration.ofMinutes(5)));
            assertThat(detail.path("resources")).hasSize(2);
            assertThat(detail.path("resources").get(0).path("type").asText()).isEqualTo("AWS::S3::Object");
            assertThat(detail.path("resources").get(0).path("ARN").asText()).isEqualTo("arn:aws:s3:::raw/incoming/big.csv");
            assertThat(detail.path("resources").get(1).path("type").asText()).isEqualTo("AWS::S3::Bucket");
            assertThat(detail.path("resources").get(1).path("accountId").asText()).isEqualTo("000000000000");
        });
        assertThat(events.get(0).path("detail").path("responseElements").path("uploadId").asText()).isEqualTo(uploadId);
        assertThat(events.get(1).path("detail").path("requestParameters").path("partNumber").asText()).isEqualTo("1");
        assertThat(events.get(2).path("detail").path("requestParameters").path("uploadId").asText()).isEqualTo(uploadId);
        assertThat(events.get(3).path("detail").path("requestID").asText()).as("the request id the client got")
                .isEqualTo(completeRequestId);
    }

    @Test
    void onlyObjectsTheSelectorsCoverAreLoggedAndFailedCallsCarryTheirError() {
        s3.putObject(r -> r.bucket("raw").key("elsewhere/x.csv"), RequestBody.fromString("x"));
        PutObjectResponse put = s3.putObject(r -> r.bucket("raw").key("incoming/x.csv"), RequestBody.fromString("x"));
        try {
            s3.getObject(r -> r.bucket("raw").key("incoming/missing.csv"));
        } catch (software.amazon.awssdk.services.s3.model.NoSuchKeyException expected) {
            // recorded with its error
        }

        List<JsonNode> logged = awaitEvents(2, e -> e.path("resource").asText().startsWith("raw/incoming/")
                && List.of("incoming/x.csv", "incoming/missing.csv").contains(e.path("detail").path("requestParameters")
                .path("key").asText()));

        assertThat(logged.get(0).path("detail").path("eventName").asText()).isEqualTo("PutObject");
        assertThat(logged.get(0).path("detail").path("requestID").asText()).isEqualTo(put.responseMetadata().requestId());
        JsonNode missing = logged.get(1).path("detail");
        assertThat(missing.path("eventName").asText()).isEqualTo("GetObject");
        assertThat(missing.path("readOnly").asBoolean()).isTrue();
        assertThat(missing.path("errorCode").asText()).isEqualTo("NoSuchKey");
        assertThat(missing.path("responseElements").isNull()).isTrue();
        assertThat(LabAdmin.events(cloud, "s3", DETAIL_TYPE)).extracting(e -> e.path("resource").asText())
                .doesNotContain("raw/elsewhere/x.csv");
    }

    @Test
    void aRoleSessionIsAnAssumedRoleWithItsSessionIssuer() {
        String roleArn;
        try (IamClient iam = cloud.client(IamClient.builder())) {
            roleArn = iam.createRole(r -> r.roleName("Uploader").path("/lab/").assumeRolePolicyDocument("""
                    {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::000000000000:root"},\
                    "Action":"sts:AssumeRole"}]}""")).role().arn();
            iam.putRolePolicy(r -> r.roleName("Uploader").policyName("put").policyDocument("""
                    {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:PutObject","Resource":"arn:aws:s3:::raw/*"}]}"""));
        }
        Credentials session;
        try (StsClient sts = cloud.client(StsClient.builder())) {
            session = sts.assumeRole(r -> r.roleArn(roleArn).roleSessionName("nightly-upload")).credentials();
        }
        try (S3Client asRole = cloud.client(S3Client.builder(), StaticCredentialsProvider.create(
                AwsSessionCredentials.create(session.accessKeyId(), session.secretAccessKey(), session.sessionToken())))) {
            asRole.putObject(r -> r.bucket("raw").key("incoming/by-role.csv"), RequestBody.fromString("r"));
        }

        JsonNode identity = awaitEvents(1, e -> e.path("resource").asText().equals("raw/incoming/by-role.csv")).get(0)
                .path("detail").path("userIdentity");

        assertThat(identity.path("type").asText()).isEqualTo("AssumedRole");
        assertThat(identity.path("arn").asText()).isEqualTo("arn:aws:sts::000000000000:assumed-role/Uploader/nightly-upload");
        assertThat(identity.path("principalId").asText()).matches("AROA[A-Z0-9]+:nightly-upload");
        assertThat(identity.path("accessKeyId").asText()).isEqualTo(session.accessKeyId());
        JsonNode issuer = identity.path("sessionContext").path("sessionIssuer");
        assertThat(issuer.path("type").asText()).isEqualTo("Role");
        assertThat(issuer.path("arn").asText()).isEqualTo("arn:aws:iam::000000000000:role/lab/Uploader");
        assertThat(issuer.path("userName").asText()).isEqualTo("Uploader");
        assertThat(identity.path("principalId").asText()).startsWith(issuer.path("principalId").asText() + ":");
    }

    @Test
    void aWriteOnlyAdvancedSelectorLogsWritesButNotReadsAndAStoppedTrailLogsNothing() {
        s3.createBucket(r -> r.bucket("curated"));
        cloudtrail.createTrail(r -> r.name("curated-writes").s3BucketName("audit-logs"));
        cloudtrail.putEventSelectors(r -> r.trailName("curated-writes").advancedEventSelectors(a -> a.name("writes").fieldSelectors(
                f -> f.field("eventCategory").equalsValue("Data"),
                f -> f.field("resources.type").equalsValue("AWS::S3::Object"),
                f -> f.field("readOnly").equalsValue("false"),
                f -> f.field("resources.ARN").startsWith("arn:aws:s3:::curated/"))));
        cloudtrail.startLogging(r -> r.name("curated-writes"));

        s3.putObject(r -> r.bucket("curated").key("a.parquet"), RequestBody.fromString("a"));
        s3.getObject(r -> r.bucket("curated").key("a.parquet"), (response, in) -> in.readAllBytes());
        s3.deleteObject(r -> r.bucket("curated").key("a.parquet"));
        List<JsonNode> logged = awaitEvents(2, e -> e.path("resource").asText().equals("curated/a.parquet"));
        cloudtrail.stopLogging(r -> r.name("curated-writes"));
        s3.putObject(r -> r.bucket("curated").key("b.parquet"), RequestBody.fromString("b"));
        awaitEvents(1, e -> e.path("resource").asText().equals("raw/incoming/marker"), () ->
                s3.putObject(r -> r.bucket("raw").key("incoming/marker"), RequestBody.fromString("m")));

        assertThat(logged).extracting(e -> e.path("detail").path("eventName").asText())
                .containsExactly("PutObject", "DeleteObject");
        assertThat(LabAdmin.events(cloud, "s3", DETAIL_TYPE)).extracting(e -> e.path("resource").asText())
                .as("after StopLogging").doesNotContain("curated/b.parquet");
    }

    private static List<JsonNode> awaitEvents(int count, Predicate<JsonNode> which) {
        return awaitEvents(count, which, () -> { });
    }

    /** The data events on the timeline that {@code which} selects, once there are {@code count} of them. */
    private static List<JsonNode> awaitEvents(int count, Predicate<JsonNode> which, Runnable first) {
        first.run();
        return Await.until(() -> LabAdmin.events(cloud, "s3", DETAIL_TYPE).stream().filter(which).toList(),
                events -> events.size() >= count, count + " CloudTrail events");
    }
}
