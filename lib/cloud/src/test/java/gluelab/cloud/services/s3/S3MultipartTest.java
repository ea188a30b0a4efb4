package gluelab.cloud.services.s3;

import static gluelab.cloud.services.s3.S3Failures.failure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import gluelab.cloud.testing.RunningLabCloud;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.ChecksumType;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectAttributesParts;
import software.amazon.awssdk.services.s3.model.ObjectAttributes;
import software.amazon.awssdk.services.s3.model.ObjectPart;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;
import software.amazon.awssdk.transfer.s3.S3TransferManager;

class S3MultipartTest {

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory();

    static S3Client s3;
    static final String BUCKET = "multipart";
    static final int MIB = 1024 * 1024;

    @BeforeAll
    static void bucket() {
        s3 = cloud.client(S3Client.builder());
        s3.createBucket(b -> b.bucket(BUCKET));
    }

    @AfterAll
    static void close() {
        s3.close();
    }

    static byte[] bytes(int size, int seed) {
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        return data;
    }

    static String create(String key) {
        return s3.createMultipartUpload(b -> b.bucket(BUCKET).key(key)).uploadId();
    }

    static CompletedPart upload(String key, String uploadId, int number, byte[] data) {
        UploadPartResponse part = s3.uploadPart(b -> b.bucket(BUCKET).key(key).uploadId(uploadId).partNumber(number),
                RequestBody.fromBytes(data));
        return CompletedPart.builder().partNumber(number).eTag(part.eTag()).build();
    }

    static String md5Hex(byte[]... chunks) throws Exception {
        MessageDigest md5 = MessageDigest.getInstance("MD5");
        for (byte[] chunk : chunks) {
            md5.update(chunk);
        }
        return HexFormat.of().formatHex(md5.digest());
    }

    @Test
    void completedUploadIsTheConcatenationWithAMultipartEtag() throws Exception {
        byte[] first = bytes(5 * MIB, 1);
        byte[] last = bytes(1234, 2);
        String id = create("assembled.bin");
        CompletedPart p1 = upload("assembled.bin", id, 1, first);
        CompletedPart p2 = upload("assembled.bin", id, 2, last);
        var parts = s3.listParts(b -> b.bucket(BUCKET).key("assembled.bin").uploadId(id));
        assertThat(parts.parts()).extracting(p -> p.partNumber()).containsExactly(1, 2);
        assertThat(parts.parts().get(0).size()).isEqualTo(5L * MIB);
        var done = s3.completeMultipartUpload(b -> b.bucket(BUCKET).key("assembled.bin").uploadId(id)
                .multipartUpload(m -> m.parts(p1, p2)));
        MessageDigest md5OfMd5s = MessageDigest.getInstance("MD5");
        md5OfMd5s.update(HexFormat.of().parseHex(md5Hex(first)));
        md5OfMd5s.update(HexFormat.of().parseHex(md5Hex(last)));
        String expected = "\"" + HexFormat.of().formatHex(md5OfMd5s.digest()) + "-2\"";
        assertThat(done.eTag()).isEqualTo(expected);
        assertThat(done.key()).isEqualTo("assembled.bin");
        byte[] got = s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("assembled.bin")).asByteArray();
        assertThat(md5Hex(got)).isEqualTo(md5Hex(first, last));
        assertThat(s3.headObject(b -> b.bucket(BUCKET).key("assembled.bin").partNumber(2)).partsCount()).isEqualTo(2);
        var secondPart = s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("assembled.bin").partNumber(2));
        assertThat(secondPart.asByteArray()).isEqualTo(last);
        assertThat(secondPart.response().contentRange()).isEqualTo("bytes " + 5 * MIB + "-" + (5 * MIB + 1233) + "/" + (5 * MIB + 1234));
        assertThat(s3.listMultipartUploads(b -> b.bucket(BUCKET)).uploads()).noneMatch(u -> u.uploadId().equals(id));
    }

    @Test
    void partsOutOfOrderAreInvalidPartOrder() {
        String id = create("order.bin");
        CompletedPart p1 = upload("order.bin", id, 1, bytes(5 * MIB, 3));
        CompletedPart p2 = upload("order.bin", id, 2, bytes(10, 4));
        S3Exception e = failure(() -> s3.completeMultipartUpload(b -> b.bucket(BUCKET).key("order.bin").uploadId(id)
                .multipartUpload(m -> m.parts(p2, p1))));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidPartOrder");
        assertThat(e.statusCode()).isEqualTo(400);
    }

    @Test
    void aWrongEtagOrMissingPartIsInvalidPart() {
        String id = create("invalid-part.bin");
        upload("invalid-part.bin", id, 1, bytes(100, 5));
        assertThat(failure(() -> s3.completeMultipartUpload(b -> b.bucket(BUCKET).key("invalid-part.bin").uploadId(id)
                .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag("\"0000\"").build()))))
                .awsErrorDetails().errorCode()).isEqualTo("InvalidPart");
        assertThat(failure(() -> s3.completeMultipartUpload(b -> b.bucket(BUCKET).key("invalid-part.bin").uploadId(id)
                .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(7).eTag("\"0000\"").build()))))
                .awsErrorDetails().errorCode()).isEqualTo("InvalidPart");
    }

    @Test
    void smallPartsBeforeTheLastAreEntityTooSmall() {
        String id = create("small.bin");
        CompletedPart p1 = upload("small.bin", id, 1, bytes(1000, 6));
        CompletedPart p2 = upload("small.bin", id, 2, bytes(1000, 7));
        S3Exception e = failure(() -> s3.completeMultipartUpload(b -> b.bucket(BUCKET).key("small.bin").uploadId(id)
                .multipartUpload(m -> m.parts(p1, p2))));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("EntityTooSmall");
        // A single small part is fine: it is the last one.
        s3.completeMultipartUpload(b -> b.bucket(BUCKET).key("small.bin").uploadId(id).multipartUpload(m -> m.parts(p1)));
        assertThat(s3.headObject(b -> b.bucket(BUCKET).key("small.bin")).contentLength()).isEqualTo(1000);
    }

    @Test
    void abortedOrUnknownUploadsAreNoSuchUpload() {
        String id = create("aborted.bin");
        CompletedPart p1 = upload("aborted.bin", id, 1, bytes(10, 8));
        s3.abortMultipartUpload(b -> b.bucket(BUCKET).key("aborted.bin").uploadId(id));
        S3Exception e = failure(() -> s3.completeMultipartUpload(b -> b.bucket(BUCKET).key("aborted.bin").uploadId(id)
                .multipartUpload(m -> m.parts(p1))));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchUpload");
        assertThat(e.statusCode()).isEqualTo(404);
        assertThat(failure(() -> s3.listParts(b -> b.bucket(BUCKET).key("aborted.bin").uploadId("unknown")))
                .awsErrorDetails().errorCode()).isEqualTo("NoSuchUpload");
        assertThat(failure(() -> upload("aborted.bin", id, 2, bytes(10, 9))).awsErrorDetails().errorCode())
                .isEqualTo("NoSuchUpload");
    }

    @Test
    void partNumbersOutsideOneTo10000AreInvalidArgument() {
        String id = create("numbers.bin");
        assertThat(failure(() -> upload("numbers.bin", id, 10001, bytes(1, 1))).awsErrorDetails().errorCode())
                .isEqualTo("InvalidArgument");
    }

    @Test
    void uploadPartCopyTakesARangeOfAnotherObject() {
        byte[] source = bytes(6 * MIB, 10);
        s3.putObject(b -> b.bucket(BUCKET).key("copy-source.bin"), RequestBody.fromBytes(source));
        String id = create("from-copies.bin");
        var first = s3.uploadPartCopy(b -> b.sourceBucket(BUCKET).sourceKey("copy-source.bin")
                .destinationBucket(BUCKET).destinationKey("from-copies.bin").uploadId(id).partNumber(1)
                .copySourceRange("bytes=0-" + (5 * MIB - 1)));
        var second = s3.uploadPartCopy(b -> b.sourceBucket(BUCKET).sourceKey("copy-source.bin")
                .destinationBucket(BUCKET).destinationKey("from-copies.bin").uploadId(id).partNumber(2)
                .copySourceRange("bytes=100-199"));
        s3.completeMultipartUpload(b -> b.bucket(BUCKET).key("from-copies.bin").uploadId(id).multipartUpload(m -> m.parts(
                CompletedPart.builder().partNumber(1).eTag(first.copyPartResult().eTag()).build(),
                CompletedPart.builder().partNumber(2).eTag(second.copyPartResult().eTag()).build())));
        byte[] got = s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("from-copies.bin")).asByteArray();
        byte[] expected = new byte[5 * MIB + 100];
        System.arraycopy(source, 0, expected, 0, 5 * MIB);
        System.arraycopy(source, 100, expected, 5 * MIB, 100);
        assertThat(Arrays.equals(got, expected)).isTrue();
        assertThat(failure(() -> s3.uploadPartCopy(b -> b.sourceBucket(BUCKET).sourceKey("copy-source.bin")
                .destinationBucket(BUCKET).destinationKey("from-copies.bin").uploadId(create("from-copies.bin"))
                .partNumber(1).copySourceRange("bytes=0-" + (7 * MIB)))).awsErrorDetails().errorCode())
                .isEqualTo("InvalidArgument");
    }

    @Test
    void listMultipartUploadsShowsUploadsInProgress() {
        String one = create("listed/one");
        String two = create("listed/two");
        var listed = s3.listMultipartUploads(b -> b.bucket(BUCKET).prefix("listed/"));
        assertThat(listed.uploads()).extracting(u -> u.uploadId()).containsExactly(one, two);
        assertThat(listed.uploads().get(0).key()).isEqualTo("listed/one");
        var firstPage = s3.listMultipartUploads(b -> b.bucket(BUCKET).prefix("listed/").maxUploads(1));
        assertThat(firstPage.isTruncated()).isTrue();
        var next = s3.listMultipartUploads(b -> b.bucket(BUCKET).prefix("listed/")
                .keyMarker(firstPage.nextKeyMarker()).uploadIdMarker(firstPage.nextUploadIdMarker()));
        assertThat(next.uploads()).extracting(u -> u.uploadId()).containsExactly(two);
    }

    @Test
    void compositeChecksumsEndInThePartCountAndDoNotBreakChecksumValidatingGets() {
        String id = s3.createMultipartUpload(b -> b.bucket(BUCKET).key("composite.bin")
                .checksumAlgorithm(ChecksumAlgorithm.CRC32)).uploadId();
        List<CompletedPart> parts = new ArrayList<>();
        for (int number = 1; number <= 2; number++) {
            int n = number;
            var part = s3.uploadPart(b -> b.bucket(BUCKET).key("composite.bin").uploadId(id).partNumber(n)
                    .checksumAlgorithm(ChecksumAlgorithm.CRC32), RequestBody.fromBytes(bytes(n == 1 ? 5 * MIB : 10, n)));
            assertThat(part.checksumCRC32()).isNotNull();
            parts.add(CompletedPart.builder().partNumber(n).eTag(part.eTag()).checksumCRC32(part.checksumCRC32()).build());
        }
        var done = s3.completeMultipartUpload(b -> b.bucket(BUCKET).key("composite.bin").uploadId(id)
                .multipartUpload(m -> m.parts(parts)));
        assertThat(done.checksumCRC32()).endsWith("-2");
        assertThat(done.checksumType()).isEqualTo(ChecksumType.COMPOSITE);
        var got = s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("composite.bin").checksumMode(ChecksumMode.ENABLED));
        assertThat(got.response().checksumCRC32()).isEqualTo(done.checksumCRC32());
        assertThat(got.asByteArray()).hasSize(5 * MIB + 10);
    }

    @Test
    void fullObjectChecksumsAreTheChecksumOfAllTheBytes() {
        byte[] first = bytes(5 * MIB, 11);
        byte[] last = bytes(77, 12);
        String id = s3.createMultipartUpload(b -> b.bucket(BUCKET).key("full.bin")
                .checksumAlgorithm(ChecksumAlgorithm.CRC32_C).checksumType(ChecksumType.FULL_OBJECT)).uploadId();
        var p1 = s3.uploadPart(b -> b.bucket(BUCKET).key("full.bin").uploadId(id).partNumber(1)
                .checksumAlgorithm(ChecksumAlgorithm.CRC32_C), RequestBody.fromBytes(first));
        var p2 = s3.uploadPart(b -> b.bucket(BUCKET).key("full.bin").uploadId(id).partNumber(2)
                .checksumAlgorithm(ChecksumAlgorithm.CRC32_C), RequestBody.fromBytes(last));
        var done = s3.completeMultipartUpload(b -> b.bucket(BUCKET).key("full.bin").uploadId(id).multipartUpload(m -> m.parts(
                CompletedPart.builder().partNumber(1).eTag(p1.eTag()).build(),
                CompletedPart.builder().partNumber(2).eTag(p2.eTag()).build())));
        byte[] all = new byte[first.length + last.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(last, 0, all, first.length, last.length);
        String whole = s3.putObject(b -> b.bucket(BUCKET).key("full-single.bin").checksumAlgorithm(ChecksumAlgorithm.CRC32_C),
                RequestBody.fromBytes(all)).checksumCRC32C();
        assertThat(done.checksumCRC32C()).isEqualTo(whole);
        assertThat(done.checksumType()).isEqualTo(ChecksumType.FULL_OBJECT);
        var got = s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("full.bin").checksumMode(ChecksumMode.ENABLED));
        assertThat(got.asByteArray()).isEqualTo(all);
    }

    @Test
    void aHundredMebibytesRoundTripThroughTheTransferManager(@TempDir Path dir) throws Exception {
        Path source = dir.resolve("source.bin");
        byte[] block = bytes(MIB, 42);
        try (OutputStream out = Files.newOutputStream(source)) {
            for (int i = 0; i < 100; i++) {
                block[0] = (byte) i;
                out.write(block);
            }
        }
        Path downloaded = dir.resolve("downloaded.bin");
        try (S3AsyncClient async = cloud.client(S3AsyncClient.builder().forcePathStyle(true).multipartEnabled(true));
             S3TransferManager transfers = S3TransferManager.builder().s3Client(async).build()) {
            var uploaded = transfers.uploadFile(u -> u.source(source).putObjectRequest(p -> p.bucket(BUCKET).key("big.bin")))
                    .completionFuture().join();
            assertThat(uploaded.response().eTag()).contains("-");
            transfers.downloadFile(d -> d.destination(downloaded).getObjectRequest(g -> g.bucket(BUCKET).key("big.bin")))
                    .completionFuture().join();
        }
        assertThat(Files.size(downloaded)).isEqualTo(100L * MIB);
        assertThat(sha256(downloaded)).isEqualTo(sha256(source));
    }

    static String sha256(Path file) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    @Test
    void getObjectAttributesListsThePartsOfACompositeChecksumObjectAPageAtATime() {
        String id = s3.createMultipartUpload(b -> b.bucket(BUCKET).key("parts.bin")
                .checksumAlgorithm(ChecksumAlgorithm.CRC32)).uploadId();
        List<CompletedPart> parts = new ArrayList<>();
        List<Integer> sizes = List.of(5 * MIB, 5 * MIB, 123);
        for (int number = 1; number <= 3; number++) {
            int n = number;
            var part = s3.uploadPart(b -> b.bucket(BUCKET).key("parts.bin").uploadId(id).partNumber(n)
                    .checksumAlgorithm(ChecksumAlgorithm.CRC32), RequestBody.fromBytes(bytes(sizes.get(n - 1), 30 + n)));
            parts.add(CompletedPart.builder().partNumber(n).eTag(part.eTag()).checksumCRC32(part.checksumCRC32()).build());
        }
        var done = s3.completeMultipartUpload(b -> b.bucket(BUCKET).key("parts.bin").uploadId(id)
                .multipartUpload(m -> m.parts(parts)));

        var first = s3.getObjectAttributes(b -> b.bucket(BUCKET).key("parts.bin").maxParts(2)
                .objectAttributes(ObjectAttributes.OBJECT_PARTS, ObjectAttributes.CHECKSUM, ObjectAttributes.E_TAG));
        assertThat(first.eTag()).isEqualTo(done.eTag().replace("\"", "")).endsWith("-3");
        assertThat(done.checksumCRC32()).isEqualTo(first.checksum().checksumCRC32() + "-3");
        assertThat(first.checksum().checksumType()).isEqualTo(ChecksumType.COMPOSITE);
        GetObjectAttributesParts page = first.objectParts();
        assertThat(page.totalPartsCount()).isEqualTo(3);
        assertThat(page.isTruncated()).isTrue();
        assertThat(page.maxParts()).isEqualTo(2);
        assertThat(page.nextPartNumberMarker()).isEqualTo(2);
        assertThat(page.parts()).extracting(ObjectPart::partNumber).containsExactly(1, 2);
        assertThat(page.parts()).extracting(ObjectPart::size).containsExactly((long) 5 * MIB, (long) 5 * MIB);
        assertThat(page.parts()).extracting(ObjectPart::checksumCRC32)
                .containsExactly(parts.get(0).checksumCRC32(), parts.get(1).checksumCRC32());

        GetObjectAttributesParts rest = s3.getObjectAttributes(b -> b.bucket(BUCKET).key("parts.bin").maxParts(2)
                .partNumberMarker(page.nextPartNumberMarker()).objectAttributes(ObjectAttributes.OBJECT_PARTS)).objectParts();
        assertThat(rest.isTruncated()).isFalse();
        assertThat(rest.partNumberMarker()).isEqualTo(2);
        assertThat(rest.parts()).extracting(ObjectPart::partNumber, ObjectPart::size).containsExactly(tuple(3, 123L));
    }

    @Test
    void getObjectAttributesOnlyCountsThePartsOfAMultipartObjectWithoutCompositeChecksums() throws Exception {
        String id = create("counted.bin");
        CompletedPart one = upload("counted.bin", id, 1, bytes(5 * MIB, 41));
        CompletedPart two = upload("counted.bin", id, 2, bytes(10, 42));
        s3.completeMultipartUpload(b -> b.bucket(BUCKET).key("counted.bin").uploadId(id)
                .multipartUpload(m -> m.parts(one, two)));
        var attributes = s3.getObjectAttributes(b -> b.bucket(BUCKET).key("counted.bin")
                .objectAttributes(ObjectAttributes.OBJECT_PARTS, ObjectAttributes.OBJECT_SIZE));
        assertThat(attributes.objectParts().totalPartsCount()).isEqualTo(2);
        assertThat(attributes.objectParts().hasParts()).isFalse();
        assertThat(attributes.objectParts().isTruncated()).isNull();
        assertThat(attributes.objectSize()).isEqualTo(5L * MIB + 10);
    }
}
