package gluelab.cloud.services.s3;

import static gluelab.cloud.services.s3.S3Failures.errorCode;
import static gluelab.cloud.services.s3.S3Failures.errorStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gluelab.cloud.testing.RunningLabCloud;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketLocationConstraint;
import software.amazon.awssdk.services.s3.model.BucketAlreadyExistsException;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;

class S3BucketsTest {

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory();

    static S3Client s3;
    static S3Client otherAccount;

    @BeforeAll
    static void clients() {
        s3 = cloud.client(S3Client.builder());
        otherAccount = cloud.client(S3Client.builder(),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test-b", "test-b")));
    }

    @AfterAll
    static void close() {
        s3.close();
        otherAccount.close();
    }

    @Test
    void createdBucketIsListedHeadableAndDeletable() {
        s3.createBucket(b -> b.bucket("buckets-basic"));
        assertThat(s3.listBuckets().buckets()).anySatisfy(b -> {
            assertThat(b.name()).isEqualTo("buckets-basic");
            assertThat(b.creationDate()).isNotNull();
        });
        assertThat(s3.headBucket(b -> b.bucket("buckets-basic")).bucketRegion()).isEqualTo("us-east-1");
        s3.deleteBucket(b -> b.bucket("buckets-basic"));
        assertThatThrownBy(() -> s3.headBucket(b -> b.bucket("buckets-basic"))).isInstanceOf(NoSuchBucketException.class);
    }

    @Test
    void listBucketsNamesTheCallersCanonicalOwner() {
        s3.createBucket(b -> b.bucket("buckets-owner"));
        var listed = s3.listBuckets();
        assertThat(listed.owner().id()).hasSize(64);
        var other = otherAccount.listBuckets();
        assertThat(other.owner().id()).isNotEqualTo(listed.owner().id());
    }

    @Test
    void recreatingYourOwnBucketInUsEast1Succeeds() {
        s3.createBucket(b -> b.bucket("buckets-again"));
        s3.createBucket(b -> b.bucket("buckets-again"));
        assertThat(s3.headBucket(b -> b.bucket("buckets-again")).sdkHttpResponse().statusCode()).isEqualTo(200);
    }

    @Test
    void recreatingYourOwnBucketElsewhereIsBucketAlreadyOwnedByYou() {
        try (S3Client west = cloud.client(S3Client.builder(), RunningLabCloud.TEST_CREDENTIALS, Region.EU_WEST_1)) {
            west.createBucket(b -> b.bucket("buckets-west")
                    .createBucketConfiguration(c -> c.locationConstraint(BucketLocationConstraint.EU_WEST_1)));
            assertThatThrownBy(() -> west.createBucket(b -> b.bucket("buckets-west")
                    .createBucketConfiguration(c -> c.locationConstraint(BucketLocationConstraint.EU_WEST_1))))
                    .isInstanceOfSatisfying(BucketAlreadyOwnedByYouException.class,
                            e -> assertThat(e.statusCode()).isEqualTo(409));
        }
    }

    @Test
    void anotherAccountsBucketNameIsBucketAlreadyExists() {
        s3.createBucket(b -> b.bucket("buckets-taken"));
        assertThatThrownBy(() -> otherAccount.createBucket(b -> b.bucket("buckets-taken")))
                .isInstanceOfSatisfying(BucketAlreadyExistsException.class, e -> assertThat(e.statusCode()).isEqualTo(409));
    }

    @Test
    void anotherAccountTouchingYourBucketIsDeniedWith403() {
        s3.createBucket(b -> b.bucket("buckets-private"));
        s3.putObject(b -> b.bucket("buckets-private").key("secret.txt"), RequestBody.fromString("mine"));
        assertThat(errorStatus(() -> otherAccount.headBucket(b -> b.bucket("buckets-private")))).isEqualTo(403);
        assertThat(errorCode(() -> otherAccount.getObjectAsBytes(b -> b.bucket("buckets-private").key("secret.txt"))))
                .isEqualTo("AccessDenied");
        assertThat(errorCode(() -> otherAccount.listObjectsV2(b -> b.bucket("buckets-private")))).isEqualTo("AccessDenied");
        assertThat(errorCode(() -> otherAccount.putObject(b -> b.bucket("buckets-private").key("x"),
                RequestBody.fromString("theirs")))).isEqualTo("AccessDenied");
        assertThat(errorCode(() -> otherAccount.deleteBucket(b -> b.bucket("buckets-private")))).isEqualTo("AccessDenied");
        assertThat(otherAccount.listBuckets().buckets()).noneMatch(b -> b.name().equals("buckets-private"));
        assertThat(s3.getObjectAsBytes(b -> b.bucket("buckets-private").key("secret.txt")).asUtf8String()).isEqualTo("mine");
    }

    @Test
    void aPrefixResetRemovesOnlyMatchingBucketsWithTheirObjects() {
        s3.createBucket(b -> b.bucket("reset-me-1"));
        s3.putObject(b -> b.bucket("reset-me-1").key("k"), RequestBody.fromString("v"));
        s3.createBucket(b -> b.bucket("reset-keep"));
        var reset = cloud.http(cloud.request("/_lab/reset?prefix=reset-me")
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()));
        assertThat(reset.statusCode()).isEqualTo(200);
        assertThat(reset.body()).contains("\"s3\":2");
        assertThat(errorStatus(() -> s3.headBucket(b -> b.bucket("reset-me-1")))).isEqualTo(404);
        assertThat(s3.headBucket(b -> b.bucket("reset-keep")).sdkHttpResponse().statusCode()).isEqualTo(200);
        s3.createBucket(b -> b.bucket("reset-me-1"));
        assertThat(s3.listObjectsV2(b -> b.bucket("reset-me-1")).contents()).isEmpty();
    }

    @Test
    void invalidBucketNamesAreRefused() {
        // The SDK itself refuses too short, too long, upper-case and underscored names before sending them.
        for (String name : new String[] {"xn--punycode", "sthree-bucket", "ends-s3alias",
                "bucket--ol-s3"}) {
            assertThat(errorCode(() -> s3.createBucket(b -> b.bucket(name)))).as(name).isEqualTo("InvalidBucketName");
        }
    }

    @Test
    void deletingABucketWithObjectsIsBucketNotEmpty() {
        s3.createBucket(b -> b.bucket("buckets-full"));
        s3.putObject(b -> b.bucket("buckets-full").key("a"), RequestBody.fromString("a"));
        assertThatThrownBy(() -> s3.deleteBucket(b -> b.bucket("buckets-full"))).isInstanceOfSatisfying(S3Exception.class, e -> {
            assertThat(e.statusCode()).isEqualTo(409);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("BucketNotEmpty");
        });
        s3.deleteObject(b -> b.bucket("buckets-full").key("a"));
        s3.deleteBucket(b -> b.bucket("buckets-full"));
    }

    @Test
    void deletingAMissingBucketIsNoSuchBucket() {
        assertThatThrownBy(() -> s3.deleteBucket(b -> b.bucket("buckets-never"))).isInstanceOfSatisfying(
                NoSuchBucketException.class, e -> assertThat(e.statusCode()).isEqualTo(404));
    }

    @Test
    void bucketLocationIsEmptyForUsEast1AndTheConstraintElsewhere() {
        s3.createBucket(b -> b.bucket("buckets-east"));
        assertThat(s3.getBucketLocation(b -> b.bucket("buckets-east")).locationConstraintAsString()).isEmpty();
        s3.createBucket(b -> b.bucket("buckets-frankfurt")
                .createBucketConfiguration(c -> c.locationConstraint(BucketLocationConstraint.EU_CENTRAL_1)));
        assertThat(s3.getBucketLocation(b -> b.bucket("buckets-frankfurt")).locationConstraint())
                .isEqualTo(BucketLocationConstraint.EU_CENTRAL_1);
        assertThat(s3.headBucket(b -> b.bucket("buckets-frankfurt")).bucketRegion()).isEqualTo("eu-central-1");
    }

    @Test
    void aRegionalEndpointRefusesAnotherRegionsLocationConstraint() {
        try (S3Client west = cloud.client(S3Client.builder(), RunningLabCloud.TEST_CREDENTIALS, Region.US_WEST_2)) {
            assertThat(errorCode(() -> west.createBucket(b -> b.bucket("buckets-elsewhere")
                    .createBucketConfiguration(c -> c.locationConstraint(BucketLocationConstraint.EU_WEST_1)))))
                    .isEqualTo("IllegalLocationConstraintException");
        }
    }

    @Test
    void theSdkFillsInTheLocationConstraintOfARegionalClient() {
        try (S3Client west = cloud.client(S3Client.builder(), RunningLabCloud.TEST_CREDENTIALS, Region.US_WEST_2)) {
            west.createBucket(b -> b.bucket("buckets-oregon"));
            assertThat(west.getBucketLocation(b -> b.bucket("buckets-oregon")).locationConstraintAsString())
                    .isEqualTo("us-west-2");
        }
    }

    @Test
    void explicitUsEast1ConstraintIsInvalidLocationConstraint() {
        assertThat(errorCode(() -> s3.createBucket(b -> b.bucket("buckets-explicit-east")
                .createBucketConfiguration(c -> c.locationConstraint("us-east-1")))))
                .isEqualTo("InvalidLocationConstraint");
    }
}
