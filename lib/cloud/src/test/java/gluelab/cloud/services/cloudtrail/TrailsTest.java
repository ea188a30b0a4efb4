package gluelab.cloud.services.cloudtrail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gluelab.cloud.testing.RunningLabCloud;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.CloudTrailException;
import software.amazon.awssdk.services.cloudtrail.model.CreateTrailResponse;
import software.amazon.awssdk.services.cloudtrail.model.DataResource;
import software.amazon.awssdk.services.cloudtrail.model.EventSelector;
import software.amazon.awssdk.services.cloudtrail.model.GetEventSelectorsResponse;
import software.amazon.awssdk.services.cloudtrail.model.GetTrailStatusResponse;
import software.amazon.awssdk.services.cloudtrail.model.InvalidEventSelectorsException;
import software.amazon.awssdk.services.cloudtrail.model.InvalidHomeRegionException;
import software.amazon.awssdk.services.cloudtrail.model.InvalidParameterCombinationException;
import software.amazon.awssdk.services.cloudtrail.model.InvalidTrailNameException;
import software.amazon.awssdk.services.cloudtrail.model.ReadWriteType;
import software.amazon.awssdk.services.cloudtrail.model.S3BucketDoesNotExistException;
import software.amazon.awssdk.services.cloudtrail.model.Trail;
import software.amazon.awssdk.services.cloudtrail.model.TrailAlreadyExistsException;
import software.amazon.awssdk.services.cloudtrail.model.TrailInfo;
import software.amazon.awssdk.services.cloudtrail.model.TrailNotFoundException;
import software.amazon.awssdk.services.s3.S3Client;

/** Trails through the SDK: their life cycle, their status, their event selectors, and what CloudTrail refuses. */
class TrailsTest {

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory();
    static CloudTrailClient cloudtrail;

    @BeforeAll
    static void clients() {
        cloudtrail = cloud.client(CloudTrailClient.builder());
        try (S3Client s3 = cloud.client(S3Client.builder())) {
            s3.createBucket(r -> r.bucket("trail-logs"));
        }
    }

    @AfterAll
    static void close() {
        cloudtrail.close();
    }

    @Test
    void aTrailIsCreatedNotLoggingStartsAndStopsAndIsDeleted() {
        CreateTrailResponse created = cloudtrail.createTrail(r -> r.name("audit").s3BucketName("trail-logs").s3KeyPrefix("lab"));

        assertThat(created.trailARN()).isEqualTo("arn:aws:cloudtrail:us-east-1:000000000000:trail/audit");
        assertThat(created.includeGlobalServiceEvents()).isTrue();
        assertThat(created.isMultiRegionTrail()).isFalse();
        Trail trail = cloudtrail.getTrail(r -> r.name("audit")).trail();
        assertThat(trail.s3BucketName()).isEqualTo("trail-logs");
        assertThat(trail.s3KeyPrefix()).isEqualTo("lab");
        assertThat(trail.homeRegion()).isEqualTo("us-east-1");
        assertThat(trail.hasCustomEventSelectors()).isFalse();
        assertThat(cloudtrail.getTrail(r -> r.name(created.trailARN())).trail()).as("by ARN too").isEqualTo(trail);
        assertThat(cloudtrail.describeTrails(r -> r.trailNameList("audit")).trailList()).containsExactly(trail);
        assertThat(cloudtrail.listTrails(r -> { }).trails()).extracting(TrailInfo::name).contains("audit");
        assertThat(cloudtrail.getTrailStatus(r -> r.name("audit")).isLogging()).isFalse();

        cloudtrail.startLogging(r -> r.name("audit"));
        GetTrailStatusResponse logging = cloudtrail.getTrailStatus(r -> r.name("audit"));
        assertThat(logging.isLogging()).isTrue();
        assertThat(logging.startLoggingTime()).isCloseTo(Instant.now(), org.assertj.core.api.Assertions.within(Duration.ofMinutes(1)));
        cloudtrail.stopLogging(r -> r.name("audit"));
        GetTrailStatusResponse stopped = cloudtrail.getTrailStatus(r -> r.name("audit"));
        assertThat(stopped.isLogging()).isFalse();
        assertThat(stopped.stopLoggingTime()).isAfterOrEqualTo(logging.startLoggingTime());

        cloudtrail.deleteTrail(r -> r.name("audit"));
        assertThatThrownBy(() -> cloudtrail.getTrail(r -> r.name("audit"))).isInstanceOf(TrailNotFoundException.class)
                .hasMessageContaining("Unknown trail: arn:aws:cloudtrail:us-east-1:000000000000:trail/audit for the user: "
                        + "000000000000");
    }

    @Test
    void aTrailNeedsItsBucketAndAUniqueValidName() {
        assertThatThrownBy(() -> cloudtrail.createTrail(r -> r.name("no-bucket").s3BucketName("no-such-bucket")))
                .isInstanceOf(S3BucketDoesNotExistException.class).hasMessageContaining("no-such-bucket");
        cloudtrail.createTrail(r -> r.name("once").s3BucketName("trail-logs"));
        assertThatThrownBy(() -> cloudtrail.createTrail(r -> r.name("once").s3BucketName("trail-logs")))
                .isInstanceOf(TrailAlreadyExistsException.class)
                .hasMessageContaining("Trail once already exists for customer: 000000000000");
        assertThatThrownBy(() -> cloudtrail.createTrail(r -> r.name("everywhere").s3BucketName("trail-logs")
                .isMultiRegionTrail(true).includeGlobalServiceEvents(false)))
                .isInstanceOf(InvalidParameterCombinationException.class);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ab", "-starts-with-dash", "ends-with-dot.", "two--dashes", "has space", "192.168.5.4"})
    void aNameCloudTrailWouldRefuseIsInvalidTrailName(String name) {
        assertThatThrownBy(() -> cloudtrail.createTrail(r -> r.name(name).s3BucketName("trail-logs")))
                .isInstanceOf(InvalidTrailNameException.class);
    }

    @Test
    void aMultiRegionTrailIsSeenInOtherRegionsButChangedOnlyAtHome() {
        cloudtrail.createTrail(r -> r.name("org-wide").s3BucketName("trail-logs").isMultiRegionTrail(true));

        try (CloudTrailClient west = cloud.client(CloudTrailClient.builder(), RunningLabCloud.TEST_CREDENTIALS,
                Region.EU_WEST_1)) {
            assertThat(west.getTrail(r -> r.name("org-wide")).trail().homeRegion()).isEqualTo("us-east-1");
            assertThat(west.describeTrails(r -> r.includeShadowTrails(true)).trailList()).extracting(Trail::name)
                    .contains("org-wide");
            assertThat(west.describeTrails(r -> r.includeShadowTrails(false)).trailList()).extracting(Trail::name)
                    .doesNotContain("org-wide");
            assertThatThrownBy(() -> west.startLogging(r -> r.name("org-wide"))).isInstanceOf(InvalidHomeRegionException.class);
            assertThatThrownBy(() -> west.createTrail(r -> r.name("org-wide").s3BucketName("trail-logs")))
                    .as("the name is taken in every region").isInstanceOf(TrailAlreadyExistsException.class);
        }
        cloudtrail.deleteTrail(r -> r.name("org-wide"));
    }

    @Test
    void eventSelectorsAreTheDefaultUntilPutAndThenWhatWasPut() {
        cloudtrail.createTrail(r -> r.name("selective").s3BucketName("trail-logs"));

        GetEventSelectorsResponse initial = cloudtrail.getEventSelectors(r -> r.trailName("selective"));
        assertThat(initial.eventSelectors()).singleElement().satisfies(s -> {
            assertThat(s.readWriteType()).isEqualTo(ReadWriteType.ALL);
            assertThat(s.includeManagementEvents()).isTrue();
            assertThat(s.dataResources()).isEmpty();
        });

        cloudtrail.putEventSelectors(r -> r.trailName("selective").eventSelectors(EventSelector.builder()
                .readWriteType(ReadWriteType.WRITE_ONLY).includeManagementEvents(false)
                .dataResources(DataResource.builder().type("AWS::S3::Object").values("arn:aws:s3:::raw/incoming/").build())
                .build()));

        GetEventSelectorsResponse put = cloudtrail.getEventSelectors(r -> r.trailName("selective"));
        assertThat(put.trailARN()).isEqualTo("arn:aws:cloudtrail:us-east-1:000000000000:trail/selective");
        assertThat(put.eventSelectors()).singleElement().satisfies(s -> {
            assertThat(s.readWriteType()).isEqualTo(ReadWriteType.WRITE_ONLY);
            assertThat(s.includeManagementEvents()).isFalse();
            assertThat(s.dataResources().get(0).values()).containsExactly("arn:aws:s3:::raw/incoming/");
        });
        assertThat(cloudtrail.getTrail(r -> r.name("selective")).trail().hasCustomEventSelectors()).isTrue();
    }

    @Test
    void eventSelectorsCloudTrailCannotUseAreRefused() {
        cloudtrail.createTrail(r -> r.name("refusing").s3BucketName("trail-logs"));

        assertThatThrownBy(() -> cloudtrail.putEventSelectors(r -> r.trailName("refusing").eventSelectors(EventSelector.builder()
                .dataResources(DataResource.builder().type("AWS::S3::Bucket").values("arn:aws:s3:::raw/").build()).build())))
                .isInstanceOf(InvalidEventSelectorsException.class);
        assertThatThrownBy(() -> cloudtrail.putEventSelectors(r -> r.trailName("refusing").eventSelectors(EventSelector.builder()
                .dataResources(DataResource.builder().type("AWS::S3::Object").values("raw/incoming/").build()).build())))
                .isInstanceOf(InvalidEventSelectorsException.class);
        assertThatThrownBy(() -> cloudtrail.putEventSelectors(r -> r.trailName("refusing")
                .eventSelectors(EventSelector.builder().build())
                .advancedEventSelectors(a -> a.fieldSelectors(f -> f.field("eventCategory").equalsValue("Data")))))
                .isInstanceOf(InvalidParameterCombinationException.class);
        assertThatThrownBy(() -> cloudtrail.putEventSelectors(r -> r.trailName("refusing")
                .advancedEventSelectors(a -> a.fieldSelectors(f -> f.field("resources.type").equalsValue("AWS::S3::Object")))))
                .as("an advanced selector names its category").isInstanceOf(InvalidEventSelectorsException.class);
        assertThatThrownBy(() -> cloudtrail.putEventSelectors(r -> r.trailName("nobody")
                .eventSelectors(EventSelector.builder().build()))).isInstanceOf(TrailNotFoundException.class);
    }

    @Test
    void whatLabCloudLacksIsRefusedSayingSo() {
        assertThatThrownBy(() -> cloudtrail.createTrail(r -> r.name("notifying").s3BucketName("trail-logs").snsTopicName("t")))
                .isInstanceOf(CloudTrailException.class).hasMessageContaining("no SNS");
    }
}
