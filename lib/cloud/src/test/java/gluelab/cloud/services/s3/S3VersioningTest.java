package gluelab.cloud.services.s3;

import static gluelab.cloud.services.s3.S3Failures.failure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import gluelab.cloud.testing.RunningLabCloud;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.DeleteMarkerEntry;
import software.amazon.awssdk.services.s3.model.DeleteObjectResponse;
import software.amazon.awssdk.services.s3.model.DeletedObject;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.ObjectVersion;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/** S3 versioning: version ids, delete markers, reads and deletes by version, and ListObjectVersions. */
class S3VersioningTest {

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory();

    static void enable(S3Client s3, String bucket) {
        s3.putBucketVersioning(b -> b.bucket(bucket).versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
    }

    static String put(S3Client s3, String bucket, String key, String body) {
        return s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString(body)).versionId();
    }

    static String read(S3Client s3, String bucket, String key, String versionId) {
        return s3.getObjectAsBytes(b -> b.bucket(bucket).key(key).versionId(versionId)).asUtf8String();
    }

    @Test
    void aBucketThatNeverHadVersioningListsEachObjectOnceAsItsNullVersionAndSaysNoVersionIds() {
        try (S3Client s3 = cloud.client(S3Client.builder())) {
            s3.createBucket(b -> b.bucket("never-versioned"));
            PutObjectResponse put = s3.putObject(b -> b.bucket("never-versioned").key("a"), RequestBody.fromString("1"));
            put(s3, "never-versioned", "a", "2");
            put(s3, "never-versioned", "b", "3");

            assertThat(put.versionId()).isNull();
            assertThat(s3.getBucketVersioning(b -> b.bucket("never-versioned")).status()).isNull();
            ListObjectVersionsResponse versions = s3.listObjectVersions(b -> b.bucket("never-versioned"));
            assertThat(versions.versions()).extracting(ObjectVersion::key, ObjectVersion::versionId, ObjectVersion::isLatest)
                    .containsExactly(tuple("a", "null", true),
                            tuple("b", "null", true));
            assertThat(versions.deleteMarkers()).isEmpty();
            assertThat(read(s3, "never-versioned", "a", "null")).isEqualTo("2");
            assertThat(failure(() -> read(s3, "never-versioned", "a", "3HL4kqtJlcpXroDTDmJ.rmSpXd3dIbrH"))
                    .awsErrorDetails().errorCode()).isEqualTo("InvalidArgument");

            s3.deleteObject(b -> b.bucket("never-versioned").key("a"));
            assertThat(s3.listObjectVersions(b -> b.bucket("never-versioned")).versions()).map(ObjectVersion::key)
                    .containsExactly("b");
        }
    }

    @Test
    void anEnabledBucketKeepsEveryVersionOfAKeyAndReadsEachByItsId() {
        try (S3Client s3 = cloud.client(S3Client.builder())) {
            s3.createBucket(b -> b.bucket("kept-versions"));
            enable(s3, "kept-versions");
            String first = put(s3, "kept-versions", "report.csv", "first");
            String second = put(s3, "kept-versions", "report.csv", "second");

            assertThat(s3.getBucketVersioning(b -> b.bucket("kept-versions")).status())
                    .isEqualTo(BucketVersioningStatus.ENABLED);
            assertThat(first).matches("[A-Za-z0-9._]{32}").isNotEqualTo(second);
            assertThat(read(s3, "kept-versions", "report.csv", null)).isEqualTo("second");
            assertThat(read(s3, "kept-versions", "report.csv", first)).isEqualTo("first");
            assertThat(s3.getObject(b -> b.bucket("kept-versions").key("report.csv")).response().versionId())
                    .isEqualTo(second);
            assertThat(s3.headObject(b -> b.bucket("kept-versions").key("report.csv").versionId(first)).contentLength())
                    .isEqualTo(5L);
            assertThat(s3.listObjectVersions(b -> b.bucket("kept-versions")).versions())
                    .extracting(ObjectVersion::versionId, ObjectVersion::isLatest, ObjectVersion::size)
                    .containsExactly(tuple(second, true, 6L),
                            tuple(first, false, 5L));
            S3Exception unknown = failure(() -> read(s3, "kept-versions", "report.csv", "x".repeat(32)));
            assertThat(unknown.statusCode()).isEqualTo(404);
            assertThat(unknown.awsErrorDetails().errorCode()).isEqualTo("NoSuchVersion");
        }
    }

    @Test
    void aDeleteWithoutAVersionLeavesADeleteMarkerThatHidesTheKeyUntilTheMarkerIsRemoved() {
        try (S3Client s3 = cloud.client(S3Client.builder())) {
            s3.createBucket(b -> b.bucket("delete-markers"));
            enable(s3, "delete-markers");
            String original = put(s3, "delete-markers", "data.json", "{}");

            DeleteObjectResponse deleted = s3.deleteObject(b -> b.bucket("delete-markers").key("data.json"));

            assertThat(deleted.deleteMarker()).isTrue();
            String marker = deleted.versionId();
            assertThat(marker).matches("[A-Za-z0-9._]{32}");
            S3Exception gone = failure(() -> read(s3, "delete-markers", "data.json", null));
            assertThat(gone.awsErrorDetails().errorCode()).isEqualTo("NoSuchKey");
            assertThat(gone.awsErrorDetails().sdkHttpResponse().firstMatchingHeader("x-amz-delete-marker"))
                    .contains("true");
            assertThat(gone.awsErrorDetails().sdkHttpResponse().firstMatchingHeader("x-amz-version-id"))
                    .contains(marker);
            S3Exception markerRead = failure(() -> read(s3, "delete-markers", "data.json", marker));
            assertThat(markerRead.statusCode()).isEqualTo(405);
            assertThat(markerRead.awsErrorDetails().errorCode()).isEqualTo("MethodNotAllowed");
            assertThat(s3.listObjectsV2(b -> b.bucket("delete-markers")).contents()).isEmpty();
            ListObjectVersionsResponse versions = s3.listObjectVersions(b -> b.bucket("delete-markers"));
            assertThat(versions.deleteMarkers()).extracting(DeleteMarkerEntry::versionId, DeleteMarkerEntry::isLatest)
                    .containsExactly(tuple(marker, true));
            assertThat(versions.versions()).extracting(ObjectVersion::versionId, ObjectVersion::isLatest)
                    .containsExactly(tuple(original, false));
            assertThat(failure(() -> s3.deleteBucket(b -> b.bucket("delete-markers"))).awsErrorDetails().errorCode())
                    .isEqualTo("BucketNotEmpty");

            DeleteObjectResponse unmarked = s3.deleteObject(b -> b.bucket("delete-markers").key("data.json")
                    .versionId(marker));

            assertThat(unmarked.deleteMarker()).isTrue();
            assertThat(unmarked.versionId()).isEqualTo(marker);
            assertThat(read(s3, "delete-markers", "data.json", null)).isEqualTo("{}");
            s3.deleteObject(b -> b.bucket("delete-markers").key("data.json").versionId(original));
            assertThat(s3.listObjectVersions(b -> b.bucket("delete-markers")).versions()).isEmpty();
            s3.deleteBucket(b -> b.bucket("delete-markers"));
        }
    }

    @Test
    void deleteObjectsLeavesMarkersForKeysAndRemovesNamedVersionsSoCleanupCodeCanEmptyAVersionedBucket() {
        try (S3Client s3 = cloud.client(S3Client.builder())) {
            s3.createBucket(b -> b.bucket("cleanup"));
            enable(s3, "cleanup");
            for (int i = 0; i < 3; i++) {
                put(s3, "cleanup", "k" + i, "v1");
                put(s3, "cleanup", "k" + i, "v2");
            }

            List<DeletedObject> markers = s3.deleteObjects(b -> b.bucket("cleanup").delete(d -> d.objects(
                    ObjectIdentifier.builder().key("k0").build(), ObjectIdentifier.builder().key("k1").build())))
                    .deleted();
            assertThat(markers).allSatisfy(m -> {
                assertThat(m.deleteMarker()).isTrue();
                assertThat(m.deleteMarkerVersionId()).matches("[A-Za-z0-9._]{32}");
            });
            assertThat(s3.listObjectsV2(b -> b.bucket("cleanup")).contents()).map(S3Object::key).containsExactly("k2");

            // What cleanup code does: list every version and marker, and delete each by its id.
            List<ObjectIdentifier> everything = new ArrayList<>();
            for (ListObjectVersionsResponse page : s3.listObjectVersionsPaginator(b -> b.bucket("cleanup").maxKeys(3))) {
                page.versions().forEach(v -> everything.add(ObjectIdentifier.builder().key(v.key()).versionId(v.versionId()).build()));
                page.deleteMarkers().forEach(m -> everything.add(ObjectIdentifier.builder().key(m.key()).versionId(m.versionId()).build()));
            }
            assertThat(everything).hasSize(8);
            List<DeletedObject> removed = s3.deleteObjects(b -> b.bucket("cleanup").delete(d -> d.objects(everything)))
                    .deleted();
            assertThat(removed).hasSize(8);
            assertThat(removed.stream().filter(r -> Boolean.TRUE.equals(r.deleteMarker()))).hasSize(2);
            s3.deleteBucket(b -> b.bucket("cleanup"));
        }
    }

    @Test
    void listObjectVersionsPagesByKeyAndVersionMarkersAndRollsUpCommonPrefixes() {
        try (S3Client s3 = cloud.client(S3Client.builder())) {
            s3.createBucket(b -> b.bucket("version-pages"));
            enable(s3, "version-pages");
            List<String> expected = new ArrayList<>();
            for (String key : List.of("a", "b", "c")) {
                String older = put(s3, "version-pages", key, "1");
                String newer = put(s3, "version-pages", key, "2");
                expected.add(key + "@" + newer);
                expected.add(key + "@" + older);
            }
            put(s3, "version-pages", "dir/x", "x");

            ListObjectVersionsResponse firstPage = s3.listObjectVersions(b -> b.bucket("version-pages").maxKeys(3)
                    .delimiter("/"));
            assertThat(firstPage.isTruncated()).isTrue();
            assertThat(firstPage.nextKeyMarker()).isEqualTo("b");
            assertThat(firstPage.nextVersionIdMarker()).isEqualTo(expected.get(2).substring(2));
            List<String> listed = new ArrayList<>();
            List<String> prefixes = new ArrayList<>();
            for (ListObjectVersionsResponse page : s3.listObjectVersionsPaginator(b -> b.bucket("version-pages")
                    .maxKeys(3).delimiter("/"))) {
                page.versions().forEach(v -> listed.add(v.key() + "@" + v.versionId()));
                page.commonPrefixes().forEach(p -> prefixes.add(p.prefix()));
            }
            assertThat(listed).isEqualTo(expected);
            assertThat(prefixes).containsExactly("dir/");
            assertThat(failure(() -> s3.listObjectVersions(b -> b.bucket("version-pages").versionIdMarker(
                    expected.get(0).substring(2)))).awsErrorDetails().errorCode()).isEqualTo("InvalidArgument");
        }
    }

    @Test
    void aSuspendedBucketWritesTheNullVersionOverAndKeepsTheVersionsMadeWhileEnabled() {
        try (S3Client s3 = cloud.client(S3Client.builder())) {
            s3.createBucket(b -> b.bucket("suspended"));
            enable(s3, "suspended");
            String kept = put(s3, "suspended", "k", "enabled");
            s3.putBucketVersioning(b -> b.bucket("suspended").versioningConfiguration(v -> v.status(
                    BucketVersioningStatus.SUSPENDED)));

            assertThat(put(s3, "suspended", "k", "null one")).isEqualTo("null");
            assertThat(put(s3, "suspended", "k", "null two")).isEqualTo("null");

            assertThat(s3.listObjectVersions(b -> b.bucket("suspended")).versions())
                    .extracting(ObjectVersion::versionId, ObjectVersion::isLatest)
                    .containsExactly(tuple("null", true),
                            tuple(kept, false));
            assertThat(read(s3, "suspended", "k", "null")).isEqualTo("null two");
            DeleteObjectResponse deleted = s3.deleteObject(b -> b.bucket("suspended").key("k"));
            assertThat(deleted.deleteMarker()).isTrue();
            assertThat(deleted.versionId()).isEqualTo("null");
            ListObjectVersionsResponse after = s3.listObjectVersions(b -> b.bucket("suspended"));
            assertThat(after.deleteMarkers()).map(DeleteMarkerEntry::versionId).containsExactly("null");
            assertThat(after.versions()).map(ObjectVersion::versionId).containsExactly(kept);
            assertThat(failure(() -> s3.putBucketVersioning(b -> b.bucket("suspended")
                    .versioningConfiguration(v -> v.status("Disabled")))).awsErrorDetails().errorCode())
                    .isEqualTo("MalformedXML");
        }
    }

    @Test
    void copiesAndMultipartUploadsMakeNewVersionsAndACopyCanReadAnOlderVersion() {
        try (S3Client s3 = cloud.client(S3Client.builder())) {
            s3.createBucket(b -> b.bucket("versioned-writes"));
            enable(s3, "versioned-writes");
            String old = put(s3, "versioned-writes", "source", "old");
            put(s3, "versioned-writes", "source", "new");

            var copy = s3.copyObject(b -> b.sourceBucket("versioned-writes").sourceKey("source").sourceVersionId(old)
                    .destinationBucket("versioned-writes").destinationKey("restored"));
            String upload = s3.createMultipartUpload(b -> b.bucket("versioned-writes").key("restored")).uploadId();
            String etag = s3.uploadPart(b -> b.bucket("versioned-writes").key("restored").uploadId(upload).partNumber(1),
                    RequestBody.fromString("multipart")).eTag();
            var completed = s3.completeMultipartUpload(b -> b.bucket("versioned-writes").key("restored").uploadId(upload)
                    .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(etag).build())));

            assertThat(copy.copySourceVersionId()).isEqualTo(old);
            assertThat(copy.versionId()).matches("[A-Za-z0-9._]{32}");
            assertThat(completed.versionId()).matches("[A-Za-z0-9._]{32}").isNotEqualTo(copy.versionId());
            assertThat(read(s3, "versioned-writes", "restored", copy.versionId())).isEqualTo("old");
            assertThat(read(s3, "versioned-writes", "restored", null)).isEqualTo("multipart");
        }
    }
}
