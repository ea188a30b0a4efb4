package gluelab.cloud.services.s3;

import static org.assertj.core.api.Assertions.assertThat;

import gluelab.cloud.testing.ChildLabCloud;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * With {@code --state-dir}, everything S3 acknowledged survives {@code kill -9} (bucket policies, object versions
 * and delete markers included), and nothing that was still in flight shows up half-written.
 */
class S3RestartTest {

    static final String BUCKET = "durable";
    static final String VERSIONED = "durable-versions";

    static byte[] bytes(int size, int seed) {
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        return data;
    }

    static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }

    /** A body that sends its first MiB, then stalls until released: an upload caught in flight. */
    static InputStream stalling(int size, CountDownLatch release) {
        return new InputStream() {
            private int sent;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                if (sent >= size) {
                    return -1;
                }
                if (sent >= 1024 * 1024) {
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        throw new IOException("interrupted");
                    }
                    throw new IOException("the upload was abandoned");
                }
                int n = Math.min(length, Math.min(64 * 1024, 1024 * 1024 - sent));
                sent += n;
                return n;
            }
        };
    }

    static final String PARTNER_READS = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"AWS\":\"111111111111\"},\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::" + BUCKET
            + "/acked/*\"}]}";

    @Test
    void acknowledgedObjectsSurviveKillNineAndInFlightUploadsLeaveNoTrace(@TempDir Path stateDir) throws Exception {
        Map<String, String> acknowledged = new LinkedHashMap<>();
        Map<String, String> versionBodies = new LinkedHashMap<>();
        List<String> versionsBefore;
        String pendingUpload;
        String pendingPartEtag;
        byte[] pendingPart = bytes(5 * 1024 * 1024, 99);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService inFlight = Executors.newFixedThreadPool(3);
        try (ChildLabCloud first = ChildLabCloud.start(stateDir)) {
            try (S3Client s3 = first.client(S3Client.builder())) {
                s3.createBucket(b -> b.bucket(BUCKET));
                for (int i = 0; i < 40; i++) {
                    byte[] data = bytes(i == 0 ? 3 * 1024 * 1024 : 100 + i * 997, i);
                    String key = "acked/object-" + i;
                    s3.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromBytes(data));
                    acknowledged.put(key, sha256(data));
                }
                byte[] part1 = bytes(5 * 1024 * 1024, 50);
                byte[] part2 = bytes(4321, 51);
                String id = s3.createMultipartUpload(b -> b.bucket(BUCKET).key("acked/multipart")).uploadId();
                var p1 = s3.uploadPart(b -> b.bucket(BUCKET).key("acked/multipart").uploadId(id).partNumber(1),
                        RequestBody.fromBytes(part1));
                var p2 = s3.uploadPart(b -> b.bucket(BUCKET).key("acked/multipart").uploadId(id).partNumber(2),
                        RequestBody.fromBytes(part2));
                s3.completeMultipartUpload(b -> b.bucket(BUCKET).key("acked/multipart").uploadId(id).multipartUpload(m ->
                        m.parts(CompletedPart.builder().partNumber(1).eTag(p1.eTag()).build(),
                                CompletedPart.builder().partNumber(2).eTag(p2.eTag()).build())));
                byte[] whole = new byte[part1.length + part2.length];
                System.arraycopy(part1, 0, whole, 0, part1.length);
                System.arraycopy(part2, 0, whole, part1.length, part2.length);
                acknowledged.put("acked/multipart", sha256(whole));
                pendingUpload = s3.createMultipartUpload(b -> b.bucket(BUCKET).key("pending/upload")).uploadId();
                pendingPartEtag = s3.uploadPart(b -> b.bucket(BUCKET).key("pending/upload").uploadId(pendingUpload)
                        .partNumber(1), RequestBody.fromBytes(pendingPart)).eTag();
                s3.deleteObject(b -> b.bucket(BUCKET).key("acked/object-39"));
                acknowledged.remove("acked/object-39");
                s3.createBucket(b -> b.bucket(VERSIONED));
                s3.putBucketVersioning(b -> b.bucket(VERSIONED).versioningConfiguration(v -> v.status("Enabled")));
                for (String key : List.of("kept", "kept", "kept", "deleted", "deleted")) {
                    String body = key + " " + versionBodies.size();
                    versionBodies.put(s3.putObject(b -> b.bucket(VERSIONED).key(key), RequestBody.fromString(body))
                            .versionId(), body);
                }
                s3.deleteObject(b -> b.bucket(VERSIONED).key("deleted"));
                versionsBefore = versionsOf(s3);
                s3.putBucketPolicy(b -> b.bucket(BUCKET).policy(PARTNER_READS));
            }
            S3Client slow = first.client(S3Client.builder());
            for (String key : List.of("inflight/new-object", "acked/object-1", "inflight/another")) {
                int size = 8 * 1024 * 1024;
                inFlight.submit(() -> slow.putObject(b -> b.bucket(BUCKET).key(key),
                        RequestBody.fromContentProvider(() -> stalling(size, release), size, "application/octet-stream")));
            }
            Path staging = stateDir.resolve("payload/s3/staging");
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (countFiles(staging) < 3 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(countFiles(staging)).as("uploads in flight when Lab Cloud dies").isEqualTo(3);
            first.kill();
            release.countDown();
            inFlight.shutdownNow();
            inFlight.awaitTermination(30, TimeUnit.SECONDS);
            slow.close();
        }

        try (ChildLabCloud second = ChildLabCloud.start(stateDir); S3Client s3 = second.client(S3Client.builder())) {
            for (Map.Entry<String, String> object : acknowledged.entrySet()) {
                byte[] data = s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(object.getKey())).asByteArray();
                assertThat(sha256(data)).as(object.getKey()).isEqualTo(object.getValue());
            }
            List<String> listed = s3.listObjectsV2Paginator(b -> b.bucket(BUCKET)).contents().stream()
                    .map(S3Object::key).toList();
            assertThat(listed).containsExactlyInAnyOrderElementsOf(acknowledged.keySet());
            for (String key : List.of("inflight/new-object", "inflight/another", "acked/object-39")) {
                try {
                    s3.headObject(b -> b.bucket(BUCKET).key(key));
                    throw new AssertionError(key + " should not exist");
                } catch (S3Exception e) {
                    assertThat(e.statusCode()).as(key).isEqualTo(404);
                }
            }
            assertThat(countFiles(stateDir.resolve("payload/s3/staging"))).as("staged files swept").isZero();
            // One file per stored object segment and per pending part: nothing orphaned.
            assertThat(countFiles(stateDir.resolve("payload/s3/data")))
                    .isEqualTo(acknowledged.size() + 1 + 1 + versionBodies.size());

            assertThat(s3.getBucketPolicy(b -> b.bucket(BUCKET)).policy()).as("the bucket policy").isEqualTo(PARTNER_READS);
            assertThat(versionsOf(s3)).isEqualTo(versionsBefore);
            for (Map.Entry<String, String> version : versionBodies.entrySet()) {
                String key = version.getValue().split(" ")[0];
                assertThat(s3.getObjectAsBytes(b -> b.bucket(VERSIONED).key(key).versionId(version.getKey()))
                        .asUtf8String()).isEqualTo(version.getValue());
            }
            assertThat(s3.listObjectsV2(b -> b.bucket(VERSIONED)).contents()).map(S3Object::key).containsExactly("kept");
            String after = s3.putObject(b -> b.bucket(VERSIONED).key("kept"), RequestBody.fromString("after")).versionId();
            assertThat(versionsOf(s3)).hasSize(versionsBefore.size() + 1).contains("kept@" + after + " latest=true");

            var parts = s3.listParts(b -> b.bucket(BUCKET).key("pending/upload").uploadId(pendingUpload));
            assertThat(parts.parts()).singleElement().satisfies(p -> assertThat(p.eTag()).isEqualTo(pendingPartEtag));
            s3.completeMultipartUpload(b -> b.bucket(BUCKET).key("pending/upload").uploadId(pendingUpload)
                    .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(pendingPartEtag).build())));
            assertThat(sha256(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("pending/upload")).asByteArray()))
                    .isEqualTo(sha256(pendingPart));
        }
    }

    /** Every version and delete marker of the versioned bucket, in listing order, with whether it is the latest. */
    static List<String> versionsOf(S3Client s3) {
        var listing = s3.listObjectVersions(b -> b.bucket(VERSIONED));
        List<String> out = new java.util.ArrayList<>();
        listing.versions().forEach(v -> out.add(v.key() + "@" + v.versionId() + " latest=" + v.isLatest()));
        listing.deleteMarkers().forEach(m -> out.add(m.key() + "@" + m.versionId() + " marker latest=" + m.isLatest()));
        return out;
    }

    static long countFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.count();
        }
    }
}
