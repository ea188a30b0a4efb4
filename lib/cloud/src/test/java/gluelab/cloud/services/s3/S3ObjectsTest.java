package gluelab.cloud.services.s3;

import static gluelab.cloud.services.s3.S3Failures.failure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gluelab.cloud.testing.RunningLabCloud;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.ChecksumType;
import software.amazon.awssdk.services.s3.model.GetObjectAttributesResponse;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectAttributes;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.StorageClass;

class S3ObjectsTest {

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory();

    static S3Client s3;
    static final String BUCKET = "objects";

    @BeforeAll
    static void bucket() {
        s3 = cloud.client(S3Client.builder());
        s3.createBucket(b -> b.bucket(BUCKET));
    }

    @AfterAll
    static void close() {
        s3.close();
    }

    static String md5Hex(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
    }

    static void put(String key, String content) {
        s3.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromString(content));
    }

    static String get(String key) {
        return s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(key)).asUtf8String();
    }

    @Test
    void putThenGetReturnsTheBytesWithAQuotedMd5Etag() throws Exception {
        byte[] content = "hello, lab cloud".getBytes(StandardCharsets.UTF_8);
        var put = s3.putObject(b -> b.bucket(BUCKET).key("greeting.txt"), RequestBody.fromBytes(content));
        assertThat(put.eTag()).isEqualTo("\"" + md5Hex(content) + "\"");
        ResponseBytes<GetObjectResponse> got = s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("greeting.txt"));
        assertThat(got.asByteArray()).isEqualTo(content);
        assertThat(got.response().eTag()).isEqualTo(put.eTag());
        assertThat(got.response().contentLength()).isEqualTo(content.length);
        assertThat(got.response().acceptRanges()).isEqualTo("bytes");
    }

    @Test
    void storedHeaderValuesComeBackExactlyAsSentLessTheAwsChunkedFraming() {
        s3.putObject(b -> b.bucket(BUCKET).key("encoded").contentEncoding("deflate, gzip")
                .contentType("text/plain;  charset=UTF-8").cacheControl("no-cache,  no-store")
                .metadata(Map.of("spaced", "a,  b ,c")), RequestBody.fromString("x"));
        s3.putObject(b -> b.bucket(BUCKET).key("chunked").contentEncoding("aws-chunked, gzip"),
                RequestBody.fromString("x"));

        HeadObjectResponse head = s3.headObject(b -> b.bucket(BUCKET).key("encoded"));
        assertThat(head.contentEncoding()).isEqualTo("deflate, gzip");
        assertThat(head.contentType()).isEqualTo("text/plain;  charset=UTF-8");
        assertThat(head.cacheControl()).isEqualTo("no-cache,  no-store");
        assertThat(head.metadata()).containsEntry("spaced", "a,  b ,c");
        assertThat(s3.headObject(b -> b.bucket(BUCKET).key("chunked")).contentEncoding()).isEqualTo("gzip");
    }

    @Test
    void userMetadataAndContentHeadersComeBackOnGetAndHead() {
        Instant expires = Instant.parse("2030-01-01T00:00:00Z");
        s3.putObject(b -> b.bucket(BUCKET).key("report.csv").contentType("text/csv").contentEncoding("identity")
                        .contentDisposition("attachment; filename=\"report.csv\"").contentLanguage("en")
                        .cacheControl("max-age=60").expires(expires)
                        .metadata(Map.of("Owner", "data-team", "run-id", "42")),
                RequestBody.fromString("a,b\n1,2\n"));
        HeadObjectResponse head = s3.headObject(b -> b.bucket(BUCKET).key("report.csv"));
        assertThat(head.contentType()).isEqualTo("text/csv");
        assertThat(head.contentEncoding()).isEqualTo("identity");
        assertThat(head.contentDisposition()).isEqualTo("attachment; filename=\"report.csv\"");
        assertThat(head.contentLanguage()).isEqualTo("en");
        assertThat(head.cacheControl()).isEqualTo("max-age=60");
        assertThat(head.expires()).isEqualTo(expires);
        assertThat(head.metadata()).containsEntry("owner", "data-team").containsEntry("run-id", "42");
        assertThat(head.contentLength()).isEqualTo(8);
        GetObjectResponse get = s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("report.csv")).response();
        assertThat(get.metadata()).isEqualTo(head.metadata());
        assertThat(get.contentType()).isEqualTo("text/csv");
    }

    @Test
    void anObjectWithoutContentTypeIsBinaryOctetStream() {
        s3.putObject(b -> b.bucket(BUCKET).key("raw"), RequestBody.fromBytes(new byte[] {1, 2, 3}));
        // The SDK sends application/octet-stream for bytes; that is what S3 keeps.
        assertThat(s3.headObject(b -> b.bucket(BUCKET).key("raw")).contentType()).isEqualTo("application/octet-stream");
    }

    @Test
    void lastModifiedComesFromTheLabClockToTheSecond() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        put("clock.txt", "tick");
        Instant modified = s3.headObject(b -> b.bucket(BUCKET).key("clock.txt")).lastModified();
        assertThat(modified).isBetween(before, Instant.now().plusSeconds(1));
        assertThat(modified.getNano()).isZero();
    }

    @Test
    void overwritingReplacesTheBytes() {
        put("overwrite.txt", "first version");
        put("overwrite.txt", "second");
        assertThat(get("overwrite.txt")).isEqualTo("second");
    }

    @Test
    void emptyObjectsRoundTrip() {
        put("empty", "");
        assertThat(get("empty")).isEmpty();
        assertThat(s3.headObject(b -> b.bucket(BUCKET).key("empty")).contentLength()).isZero();
    }

    @Test
    void missingKeyIsNoSuchKeyOnGetAnd404OnHead() {
        assertThatThrownBy(() -> s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("nope")))
                .isInstanceOfSatisfying(NoSuchKeyException.class, e -> assertThat(e.statusCode()).isEqualTo(404));
        assertThatThrownBy(() -> s3.headObject(b -> b.bucket(BUCKET).key("nope")))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(404));
    }

    @Test
    void aMissingBucketIsNoSuchBucket() {
        assertThat(failure(() -> s3.getObjectAsBytes(b -> b.bucket("objects-nowhere").key("k")))
                .awsErrorDetails().errorCode()).isEqualTo("NoSuchBucket");
    }

    @Test
    void deleteIsIdempotentAndAnswers204() {
        put("doomed", "x");
        var first = s3.deleteObject(b -> b.bucket(BUCKET).key("doomed"));
        assertThat(first.sdkHttpResponse().statusCode()).isEqualTo(204);
        var again = s3.deleteObject(b -> b.bucket(BUCKET).key("doomed"));
        assertThat(again.sdkHttpResponse().statusCode()).isEqualTo(204);
        assertThatThrownBy(() -> get("doomed")).isInstanceOf(NoSuchKeyException.class);
    }

    @Test
    void deleteObjectsReportsEachKeyAndQuietModeOnlyErrors() {
        put("batch/1", "1");
        put("batch/2", "2");
        var loud = s3.deleteObjects(b -> b.bucket(BUCKET).delete(d -> d.objects(
                ObjectIdentifier.builder().key("batch/1").build(), ObjectIdentifier.builder().key("batch/absent").build(),
                ObjectIdentifier.builder().key("k".repeat(1025)).build())));
        assertThat(loud.deleted()).extracting(d -> d.key()).containsExactly("batch/1", "batch/absent");
        assertThat(loud.errors()).singleElement().satisfies(e -> assertThat(e.code()).isEqualTo("KeyTooLongError"));
        var quiet = s3.deleteObjects(b -> b.bucket(BUCKET).delete(d -> d.quiet(true).objects(
                ObjectIdentifier.builder().key("batch/2").build())));
        assertThat(quiet.deleted()).isEmpty();
        assertThat(quiet.errors()).isEmpty();
        assertThatThrownBy(() -> get("batch/2")).isInstanceOf(NoSuchKeyException.class);
    }

    @Test
    void rangeGetsAnswer206WithContentRange() {
        put("digits", "0123456789");
        var middle = s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("digits").range("bytes=2-5"));
        assertThat(middle.asUtf8String()).isEqualTo("2345");
        assertThat(middle.response().contentRange()).isEqualTo("bytes 2-5/10");
        assertThat(middle.response().sdkHttpResponse().statusCode()).isEqualTo(206);
        assertThat(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("digits").range("bytes=7-")).asUtf8String()).isEqualTo("789");
        assertThat(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("digits").range("bytes=-3")).asUtf8String()).isEqualTo("789");
        assertThat(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("digits").range("bytes=8-100")).asUtf8String()).isEqualTo("89");
        assertThat(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("digits").range("bytes=-50")).asUtf8String()).isEqualTo("0123456789");
    }

    @Test
    void aRangePastTheEndIs416InvalidRange() {
        put("short", "abc");
        S3Exception e = failure(() -> s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("short").range("bytes=5-9")));
        assertThat(e.statusCode()).isEqualTo(416);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidRange");
    }

    @Test
    void conditionalGetsAnswer412Or304() {
        put("conditional", "v1");
        String etag = s3.headObject(b -> b.bucket(BUCKET).key("conditional")).eTag();
        Instant modified = s3.headObject(b -> b.bucket(BUCKET).key("conditional")).lastModified();
        assertThat(get("conditional")).isEqualTo("v1");
        assertThat(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("conditional").ifMatch(etag)).asUtf8String()).isEqualTo("v1");
        S3Exception wrongEtag = failure(() -> s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("conditional").ifMatch("\"0\"")));
        assertThat(wrongEtag.statusCode()).isEqualTo(412);
        assertThat(wrongEtag.awsErrorDetails().errorCode()).isEqualTo("PreconditionFailed");
        assertThat(failure(() -> s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("conditional").ifNoneMatch(etag)))
                .statusCode()).isEqualTo(304);
        assertThat(failure(() -> s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("conditional").ifModifiedSince(modified)))
                .statusCode()).isEqualTo(304);
        assertThat(failure(() -> s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("conditional")
                .ifUnmodifiedSince(modified.minusSeconds(60)))).statusCode()).isEqualTo(412);
        assertThat(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("conditional")
                .ifModifiedSince(modified.minusSeconds(60))).asUtf8String()).isEqualTo("v1");
        assertThat(failure(() -> s3.headObject(b -> b.bucket(BUCKET).key("conditional").ifMatch("\"0\""))).statusCode())
                .isEqualTo(412);
        assertThat(failure(() -> s3.headObject(b -> b.bucket(BUCKET).key("conditional").ifNoneMatch(etag))).statusCode())
                .isEqualTo(304);
    }

    @Test
    void conditionalPutsRefuseWith412() {
        s3.putObject(b -> b.bucket(BUCKET).key("create-once").ifNoneMatch("*"), RequestBody.fromString("first"));
        S3Exception exists = failure(() -> s3.putObject(b -> b.bucket(BUCKET).key("create-once").ifNoneMatch("*"),
                RequestBody.fromString("second")));
        assertThat(exists.statusCode()).isEqualTo(412);
        assertThat(exists.awsErrorDetails().errorCode()).isEqualTo("PreconditionFailed");
        assertThat(get("create-once")).isEqualTo("first");
        String etag = s3.headObject(b -> b.bucket(BUCKET).key("create-once")).eTag();
        s3.putObject(b -> b.bucket(BUCKET).key("create-once").ifMatch(etag), RequestBody.fromString("updated"));
        assertThat(failure(() -> s3.putObject(b -> b.bucket(BUCKET).key("create-once").ifMatch(etag),
                RequestBody.fromString("stale"))).statusCode()).isEqualTo(412);
        assertThat(get("create-once")).isEqualTo("updated");
        assertThat(failure(() -> s3.putObject(b -> b.bucket(BUCKET).key("never-there").ifMatch(etag),
                RequestBody.fromString("x"))).awsErrorDetails().errorCode()).isEqualTo("NoSuchKey");
    }

    @Test
    void aWrongContentMd5IsBadDigestAndNothingIsStored() {
        byte[] content = "payload".getBytes(StandardCharsets.UTF_8);
        String wrong = Base64.getEncoder().encodeToString(new byte[16]);
        S3Exception e = failure(() -> s3.putObject(b -> b.bucket(BUCKET).key("md5-checked").contentMD5(wrong),
                RequestBody.fromBytes(content)));
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("BadDigest");
        assertThatThrownBy(() -> get("md5-checked")).isInstanceOf(NoSuchKeyException.class);
        assertThat(failure(() -> s3.putObject(b -> b.bucket(BUCKET).key("md5-checked").contentMD5("not-base64!"),
                RequestBody.fromBytes(content))).awsErrorDetails().errorCode()).isEqualTo("InvalidDigest");
    }

    @Test
    void aRightContentMd5IsAccepted() throws Exception {
        byte[] content = "payload".getBytes(StandardCharsets.UTF_8);
        String md5 = Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(content));
        s3.putObject(b -> b.bucket(BUCKET).key("md5-ok").contentMD5(md5), RequestBody.fromBytes(content));
        assertThat(get("md5-ok")).isEqualTo("payload");
    }

    @Test
    void flexibleChecksumsAreVerifiedStoredAndReturnedInChecksumMode() {
        for (ChecksumAlgorithm algorithm : new ChecksumAlgorithm[] {ChecksumAlgorithm.CRC32, ChecksumAlgorithm.CRC32_C,
                ChecksumAlgorithm.SHA1, ChecksumAlgorithm.SHA256}) {
            String key = "checksum-" + algorithm;
            var put = s3.putObject(b -> b.bucket(BUCKET).key(key).checksumAlgorithm(algorithm),
                    RequestBody.fromString("checked " + algorithm));
            HeadObjectResponse head = s3.headObject(b -> b.bucket(BUCKET).key(key).checksumMode(ChecksumMode.ENABLED));
            String sent = switch (algorithm) {
                case CRC32 -> put.checksumCRC32();
                case CRC32_C -> put.checksumCRC32C();
                case SHA1 -> put.checksumSHA1();
                default -> put.checksumSHA256();
            };
            String stored = switch (algorithm) {
                case CRC32 -> head.checksumCRC32();
                case CRC32_C -> head.checksumCRC32C();
                case SHA1 -> head.checksumSHA1();
                default -> head.checksumSHA256();
            };
            assertThat(sent).as(algorithm.toString()).isNotNull();
            assertThat(stored).as(algorithm.toString()).isEqualTo(sent);
            assertThat(head.checksumTypeAsString()).isEqualTo("FULL_OBJECT");
            var got = s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(key).checksumMode(ChecksumMode.ENABLED));
            assertThat(got.asUtf8String()).isEqualTo("checked " + algorithm);
        }
    }

    @Test
    void crc64NvmeIsVerifiedAgainstItsStandardCheckValue() {
        // CRC-64/NVME of "123456789" is 0xAE8B14860A799888; the SDK computes it only with the native CRT.
        String check = Base64.getEncoder().encodeToString(HexFormat.of().parseHex("ae8b14860a799888"));
        s3.putObject(b -> b.bucket(BUCKET).key("crc64").checksumCRC64NVME(check), RequestBody.fromString("123456789"));
        assertThat(s3.headObject(b -> b.bucket(BUCKET).key("crc64").checksumMode(ChecksumMode.ENABLED))
                .checksumCRC64NVME()).isEqualTo(check);
        assertThat(failure(() -> s3.putObject(b -> b.bucket(BUCKET).key("crc64-bad").checksumCRC64NVME(check),
                RequestBody.fromString("12345678X"))).awsErrorDetails().errorCode()).isEqualTo("BadDigest");
    }

    @Test
    void aWrongChecksumHeaderIsBadDigest() {
        String wrongCrc32 = Base64.getEncoder().encodeToString(new byte[4]);
        S3Exception e = failure(() -> s3.putObject(b -> b.bucket(BUCKET).key("crc-wrong").checksumCRC32(wrongCrc32),
                RequestBody.fromString("data")));
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("BadDigest");
        assertThatThrownBy(() -> get("crc-wrong")).isInstanceOf(NoSuchKeyException.class);
    }

    @Test
    void keysOver1024BytesAreKeyTooLongError() {
        S3Exception e = failure(() -> put("k".repeat(1025), "x"));
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("KeyTooLongError");
        put("é".repeat(512), "exactly 1024 bytes");
        assertThat(get("é".repeat(512))).isEqualTo("exactly 1024 bytes");
    }

    @Test
    void copyObjectCopiesBytesAndMetadataByDefault() {
        s3.putObject(b -> b.bucket(BUCKET).key("copy/source").contentType("text/plain").metadata(Map.of("a", "1")),
                RequestBody.fromString("copied bytes"));
        var copy = s3.copyObject(b -> b.sourceBucket(BUCKET).sourceKey("copy/source")
                .destinationBucket(BUCKET).destinationKey("copy/target"));
        assertThat(copy.copyObjectResult().eTag()).isEqualTo(s3.headObject(b -> b.bucket(BUCKET).key("copy/source")).eTag());
        HeadObjectResponse target = s3.headObject(b -> b.bucket(BUCKET).key("copy/target"));
        assertThat(target.metadata()).containsEntry("a", "1");
        assertThat(target.contentType()).isEqualTo("text/plain");
        assertThat(get("copy/target")).isEqualTo("copied bytes");
    }

    @Test
    void copyWithReplaceTakesTheRequestsMetadata() {
        s3.putObject(b -> b.bucket(BUCKET).key("replace/source").metadata(Map.of("old", "yes")), RequestBody.fromString("x"));
        s3.copyObject(b -> b.sourceBucket(BUCKET).sourceKey("replace/source").destinationBucket(BUCKET)
                .destinationKey("replace/target").metadataDirective(MetadataDirective.REPLACE)
                .metadata(Map.of("new", "yes")).contentType("application/json"));
        HeadObjectResponse target = s3.headObject(b -> b.bucket(BUCKET).key("replace/target"));
        assertThat(target.metadata()).containsOnlyKeys("new");
        assertThat(target.contentType()).isEqualTo("application/json");
    }

    @Test
    void copyingAnObjectOntoItselfNeedsAChange() {
        s3.putObject(b -> b.bucket(BUCKET).key("self").metadata(Map.of("v", "1")), RequestBody.fromString("self"));
        S3Exception e = failure(() -> s3.copyObject(b -> b.sourceBucket(BUCKET).sourceKey("self")
                .destinationBucket(BUCKET).destinationKey("self")));
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidRequest");
        s3.copyObject(b -> b.sourceBucket(BUCKET).sourceKey("self").destinationBucket(BUCKET).destinationKey("self")
                .metadataDirective(MetadataDirective.REPLACE).metadata(Map.of("v", "2")));
        assertThat(s3.headObject(b -> b.bucket(BUCKET).key("self")).metadata()).containsEntry("v", "2");
        assertThat(get("self")).isEqualTo("self");
    }

    @Test
    void copySourceKeysWithUnicodeSpacesAndSlashesAreDecoded() {
        String key = "dir/ünïcødé name+plus%percent/日本語?.txt";
        put(key, "unicode source");
        s3.copyObject(b -> b.sourceBucket(BUCKET).sourceKey(key).destinationBucket(BUCKET).destinationKey(key + ".copy"));
        assertThat(get(key + ".copy")).isEqualTo("unicode source");
    }

    @Test
    void copyFromAMissingKeyIsNoSuchKeyAndCopySourceConditionsAre412() {
        assertThat(failure(() -> s3.copyObject(b -> b.sourceBucket(BUCKET).sourceKey("copy/absent")
                .destinationBucket(BUCKET).destinationKey("copy/x"))).awsErrorDetails().errorCode()).isEqualTo("NoSuchKey");
        put("copy/guarded", "g");
        assertThat(failure(() -> s3.copyObject(b -> b.sourceBucket(BUCKET).sourceKey("copy/guarded")
                .copySourceIfMatch("\"nope\"").destinationBucket(BUCKET).destinationKey("copy/y"))).statusCode())
                .isEqualTo(412);
    }

    @Test
    void anUnknownMetadataDirectiveIsInvalidArgument() {
        put("directive", "d");
        assertThat(failure(() -> s3.copyObject(b -> b.sourceBucket(BUCKET).sourceKey("directive")
                .destinationBucket(BUCKET).destinationKey("directive2").metadataDirective("MOVE")))
                .awsErrorDetails().errorCode()).isEqualTo("InvalidArgument");
    }

    @Test
    void getObjectResponseOverridesReplaceStoredHeaders() {
        s3.putObject(b -> b.bucket(BUCKET).key("override").contentType("text/plain"), RequestBody.fromString("o"));
        var got = s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("override").responseContentType("application/x-lab")
                .responseContentDisposition("inline"));
        assertThat(got.response().contentType()).isEqualTo("application/x-lab");
        assertThat(got.response().contentDisposition()).isEqualTo("inline");
    }

    @Test
    void getObjectAttributesAnswersOnlyTheNamedAttributesWithAnUnquotedEtag() throws Exception {
        byte[] content = "attributes of an object".getBytes(StandardCharsets.UTF_8);
        var put = s3.putObject(b -> b.bucket(BUCKET).key("attributes.txt").checksumAlgorithm(ChecksumAlgorithm.CRC32)
                .storageClass(StorageClass.STANDARD_IA), RequestBody.fromBytes(content));

        GetObjectAttributesResponse all = s3.getObjectAttributes(b -> b.bucket(BUCKET).key("attributes.txt")
                .objectAttributes(ObjectAttributes.E_TAG, ObjectAttributes.CHECKSUM, ObjectAttributes.OBJECT_PARTS,
                        ObjectAttributes.STORAGE_CLASS, ObjectAttributes.OBJECT_SIZE));
        assertThat(all.eTag()).isEqualTo(md5Hex(content)).isEqualTo(put.eTag().replace("\"", ""));
        assertThat(all.objectSize()).isEqualTo(content.length);
        assertThat(all.storageClass()).isEqualTo(StorageClass.STANDARD_IA);
        assertThat(all.checksum().checksumCRC32()).isEqualTo(put.checksumCRC32());
        assertThat(all.checksum().checksumType()).isEqualTo(ChecksumType.FULL_OBJECT);
        assertThat(all.objectParts()).as("a single upload has no parts").isNull();
        assertThat(all.lastModified()).isEqualTo(s3.headObject(b -> b.bucket(BUCKET).key("attributes.txt")).lastModified());

        GetObjectAttributesResponse sizeOnly = s3.getObjectAttributes(b -> b.bucket(BUCKET).key("attributes.txt")
                .objectAttributes(ObjectAttributes.OBJECT_SIZE));
        assertThat(sizeOnly.objectSize()).isEqualTo(content.length);
        assertThat(sizeOnly.eTag()).isNull();
        assertThat(sizeOnly.checksum()).isNull();
        assertThat(sizeOnly.storageClass()).isNull();
    }

    @Test
    void getObjectAttributesNamesTheStandardStorageClassWhereHeadObjectLeavesItOut() {
        s3.putObject(b -> b.bucket(BUCKET).key("plain-attributes"), RequestBody.fromString("plain"));
        assertThat(s3.headObject(b -> b.bucket(BUCKET).key("plain-attributes")).storageClass()).isNull();
        assertThat(s3.getObjectAttributes(b -> b.bucket(BUCKET).key("plain-attributes")
                .objectAttributes(ObjectAttributes.STORAGE_CLASS)).storageClass()).isEqualTo(StorageClass.STANDARD);
    }

    @Test
    void getObjectAttributesRefusesMissingOrUnknownAttributeNames() {
        put("attribute-names", "n");
        S3Exception none = failure(() -> s3.getObjectAttributes(b -> b.bucket(BUCKET).key("attribute-names")));
        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(none.awsErrorDetails().errorCode()).isEqualTo("InvalidRequest");
        assertThat(none.awsErrorDetails().errorMessage()).contains("x-amz-object-attributes");
        S3Exception unknown = failure(() -> s3.getObjectAttributes(b -> b.bucket(BUCKET).key("attribute-names")
                .objectAttributesWithStrings("ObjectSize", "Owner")));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.awsErrorDetails().errorCode()).isEqualTo("InvalidArgument");
        assertThat(unknown.awsErrorDetails().errorMessage()).isEqualTo("Invalid attribute name specified.");
        assertThat(failure(() -> s3.getObjectAttributes(b -> b.bucket(BUCKET).key("no-such-key")
                .objectAttributes(ObjectAttributes.E_TAG)))).isInstanceOf(NoSuchKeyException.class);
    }

    @Test
    void onAnUnversionedBucketOnlyTheNullVersionIdNamesAnObject() {
        put("versions.txt", "the null version");
        assertThat(s3.getObjectAttributes(b -> b.bucket(BUCKET).key("versions.txt").versionId("null")
                .objectAttributes(ObjectAttributes.OBJECT_SIZE)).objectSize()).isEqualTo(16);
        assertThat(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("versions.txt").versionId("null")).asUtf8String())
                .isEqualTo("the null version");
        String madeUp = "3HL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY";
        S3Exception attributes = failure(() -> s3.getObjectAttributes(b -> b.bucket(BUCKET).key("versions.txt")
                .versionId(madeUp).objectAttributes(ObjectAttributes.OBJECT_SIZE)));
        assertThat(attributes.statusCode()).isEqualTo(400);
        assertThat(attributes.awsErrorDetails().errorCode()).isEqualTo("InvalidArgument");
        assertThat(attributes.awsErrorDetails().errorMessage()).isEqualTo("Invalid version id specified");
        assertThat(failure(() -> s3.getObject(b -> b.bucket(BUCKET).key("versions.txt").versionId(madeUp),
                (response, in) -> null)).awsErrorDetails().errorCode()).isEqualTo("InvalidArgument");
        assertThat(failure(() -> s3.headObject(b -> b.bucket(BUCKET).key("versions.txt").versionId(madeUp)))
                .statusCode()).isEqualTo(400);
    }
}
