package gluelab.cloud.services.s3;

import static org.assertj.core.api.Assertions.assertThat;

import gluelab.cloud.testing.RunningLabCloud;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.DeletedObject;
import software.amazon.awssdk.services.s3.model.EncodingType;
import software.amazon.awssdk.services.s3.model.ListObjectsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * S3 keys are exact strings: whitespace, quotes, XML's special characters, percent signs, line breaks and non-ASCII
 * text survive every XML document they travel in (listings, DeleteObjects, errors) and every URL-encoded listing.
 */
class S3ExactKeysTest {

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory();

    static final List<String> KEYS = List.of(
            " ",
            "_ ",
            "  two leading, two trailing  ",
            "\"double\" and 'single' quotes",
            "a&b&amp;",
            "<Key>not markup</Key>",
            "100% and %41 and %2F",
            "line\nfeed",
            "carriage\rreturn and\r\nboth",
            "tab\there",
            "ünïcødé 日本語 😀",
            "plus+sign");

    @Test
    void keysOfSpacesQuotesMarkupPercentsLineBreaksAndUnicodeSurvivePutListCopyAndDeleteObjects() {
        try (S3Client s3 = cloud.client(S3Client.builder())) {
            s3.createBucket(b -> b.bucket("exact-keys"));
            for (String key : KEYS) {
                s3.putObject(b -> b.bucket("exact-keys").key(key), RequestBody.fromString("body of [" + key + "]"));
            }

            List<String> plainV2 = s3.listObjectsV2(b -> b.bucket("exact-keys")).contents().stream()
                    .map(S3Object::key).toList();
            List<String> urlV2 = s3.listObjectsV2(b -> b.bucket("exact-keys").encodingType(EncodingType.URL))
                    .contents().stream().map(S3Object::key).toList();
            List<String> plainV1 = s3.listObjects(b -> b.bucket("exact-keys")).contents().stream()
                    .map(S3Object::key).toList();
            List<String> urlV1 = s3.listObjects(b -> b.bucket("exact-keys").encodingType(EncodingType.URL))
                    .contents().stream().map(S3Object::key).toList();
            assertThat(plainV2).containsExactlyInAnyOrderElementsOf(KEYS);
            assertThat(urlV2).isEqualTo(plainV2);
            assertThat(plainV1).isEqualTo(plainV2);
            assertThat(urlV1).isEqualTo(plainV2);

            for (String key : KEYS) {
                s3.copyObject(b -> b.sourceBucket("exact-keys").sourceKey(key)
                        .destinationBucket("exact-keys").destinationKey("copy/" + key));
                assertThat(s3.getObjectAsBytes(b -> b.bucket("exact-keys").key("copy/" + key)).asUtf8String())
                        .as("copy of [%s]", key).isEqualTo("body of [" + key + "]");
            }

            List<ObjectIdentifier> all = s3.listObjectsV2Paginator(b -> b.bucket("exact-keys")).contents().stream()
                    .map(o -> ObjectIdentifier.builder().key(o.key()).build()).toList();
            DeleteObjectsResponse deleted = s3.deleteObjects(b -> b.bucket("exact-keys").delete(d -> d.objects(all)));
            assertThat(deleted.errors()).isEmpty();
            assertThat(deleted.deleted()).map(DeletedObject::key)
                    .containsExactlyInAnyOrderElementsOf(all.stream().map(ObjectIdentifier::key).toList());
            assertThat(s3.listObjectsV2(b -> b.bucket("exact-keys")).contents()).isEmpty();
            s3.deleteBucket(b -> b.bucket("exact-keys"));
        }
    }

    @Test
    void aDeleteObjectsKeyOfOnlySpacesDeletesThatKeyAndNotATrimmedOne() {
        try (S3Client s3 = cloud.client(S3Client.builder())) {
            s3.createBucket(b -> b.bucket("space-keys"));
            for (String key : List.of("_", "_ ", " ")) {
                s3.putObject(b -> b.bucket("space-keys").key(key), RequestBody.fromString(key));
            }

            s3.deleteObjects(b -> b.bucket("space-keys").delete(d -> d.objects(
                    ObjectIdentifier.builder().key("_ ").build(), ObjectIdentifier.builder().key(" ").build())));

            assertThat(s3.listObjectsV2(b -> b.bucket("space-keys")).contents()).map(S3Object::key)
                    .containsExactly("_");
        }
    }

    @Test
    void aUrlEncodedListingSaysSoAndEncodesThePrefixDelimiterAndKeysItEchoes() {
        try (S3Client s3 = cloud.client(S3Client.builder())) {
            s3.createBucket(b -> b.bucket("encoded-listing"));
            for (String key : List.of("\nfirst line/a", "\nfirst line/b", "\nsolo")) {
                s3.putObject(b -> b.bucket("encoded-listing").key(key), RequestBody.fromString(key));
            }

            ListObjectsResponse v1 = s3.listObjects(b -> b.bucket("encoded-listing").prefix("\n").delimiter("/")
                    .encodingType(EncodingType.URL));
            ListObjectsV2Response v2 = s3.listObjectsV2(b -> b.bucket("encoded-listing").prefix("\n").delimiter("/")
                    .startAfter("\n").encodingType(EncodingType.URL));

            // The SDK decodes what the answer says is URL-encoded, so the fields read back as they were sent.
            assertThat(v1.encodingType()).isEqualTo(EncodingType.URL);
            assertThat(v1.prefix()).isEqualTo("\n");
            assertThat(v1.delimiter()).isEqualTo("/");
            assertThat(v1.contents()).map(S3Object::key).containsExactly("\nsolo");
            assertThat(v1.commonPrefixes()).map(CommonPrefix::prefix).containsExactly("\nfirst line/");
            assertThat(v2.encodingType()).isEqualTo(EncodingType.URL);
            assertThat(v2.prefix()).isEqualTo("\n");
            assertThat(v2.delimiter()).isEqualTo("/");
            assertThat(v2.contents()).map(S3Object::key).containsExactly("\nsolo");
            assertThat(v2.commonPrefixes()).map(CommonPrefix::prefix).containsExactly("\nfirst line/");
            assertThat(v2.startAfter()).isEqualTo("\n");
        }
    }
}
