package gluelab.cloud.services.s3;

import static org.assertj.core.api.Assertions.assertThat;

import gluelab.cloud.testing.RunningLabCloud;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedGetObjectRequest;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

/** Path-style and virtual-host-style addressing, and presigned URLs used by a plain HTTP client. */
class S3AddressingTest {

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory();

    static S3Client pathStyle;

    @BeforeAll
    static void bucket() {
        pathStyle = cloud.client(S3Client.builder());
        pathStyle.createBucket(b -> b.bucket("addressing"));
        pathStyle.putObject(b -> b.bucket("addressing").key("dir/file.txt"), RequestBody.fromString("path style"));
    }

    @AfterAll
    static void close() {
        pathStyle.close();
    }

    /**
     * A client that addresses buckets as {@code <bucket>.<host>}; every name resolves to loopback, so the
     * virtual-host names of AWS and LocalStack reach this Lab Cloud and nothing else.
     */
    static S3Client virtualHostClient(String host, Region region) {
        return S3Client.builder()
                .endpointOverride(URI.create("http://" + host + ":" + cloud.endpoint().getPort()))
                .region(region)
                .credentialsProvider(RunningLabCloud.TEST_CREDENTIALS)
                .forcePathStyle(false)
                .httpClientBuilder(ApacheHttpClient.builder().dnsResolver(name ->
                        new InetAddress[] {InetAddress.getByAddress(name, new byte[] {127, 0, 0, 1})}))
                .build();
    }

    @Test
    void virtualHostStyleOnLocalhostReachesTheBucket() {
        try (S3Client s3 = virtualHostClient("localhost", Region.US_EAST_1)) {
            assertThat(s3.getObjectAsBytes(b -> b.bucket("addressing").key("dir/file.txt")).asUtf8String())
                    .isEqualTo("path style");
            s3.putObject(b -> b.bucket("addressing").key("vhost.txt"), RequestBody.fromString("virtual host"));
            assertThat(s3.listObjectsV2(b -> b.bucket("addressing")).contents()).extracting(o -> o.key())
                    .contains("dir/file.txt", "vhost.txt");
        }
        assertThat(pathStyle.getObjectAsBytes(b -> b.bucket("addressing").key("vhost.txt")).asUtf8String())
                .isEqualTo("virtual host");
    }

    @Test
    void localStackAndAwsVirtualHostNamesReachTheBucket() {
        for (String host : new String[] {"s3.localhost.localstack.cloud", "s3.amazonaws.com", "s3.us-east-1.amazonaws.com"}) {
            try (S3Client s3 = virtualHostClient(host, Region.US_EAST_1)) {
                assertThat(s3.getObjectAsBytes(b -> b.bucket("addressing").key("dir/file.txt")).asUtf8String())
                        .as(host).isEqualTo("path style");
                assertThat(s3.headBucket(b -> b.bucket("addressing")).sdkHttpResponse().statusCode()).isEqualTo(200);
            }
        }
    }

    @Test
    void virtualHostStyleCreatesAndDeletesBuckets() {
        try (S3Client s3 = virtualHostClient("localhost", Region.US_EAST_1)) {
            s3.createBucket(b -> b.bucket("addressing-vhost"));
            assertThat(pathStyle.headBucket(b -> b.bucket("addressing-vhost")).sdkHttpResponse().isSuccessful()).isTrue();
            s3.deleteBucket(b -> b.bucket("addressing-vhost"));
        }
    }

    static S3Presigner presigner() {
        return S3Presigner.builder()
                .endpointOverride(cloud.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(RunningLabCloud.TEST_CREDENTIALS)
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
                .build();
    }

    @Test
    void aPresignedGetUrlWorksInAPlainHttpClient() throws Exception {
        try (S3Presigner presigner = presigner()) {
            PresignedGetObjectRequest url = presigner.presignGetObject(p -> p.signatureDuration(Duration.ofMinutes(5))
                    .getObjectRequest(g -> g.bucket("addressing").key("dir/file.txt")));
            HttpResponse<String> got = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(url.url().toURI()).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(got.statusCode()).isEqualTo(200);
            assertThat(got.body()).isEqualTo("path style");
        }
    }

    @Test
    void aPresignedPutUrlStoresTheBody() throws Exception {
        try (S3Presigner presigner = presigner()) {
            PresignedPutObjectRequest url = presigner.presignPutObject(p -> p.signatureDuration(Duration.ofMinutes(5))
                    .putObjectRequest(r -> r.bucket("addressing").key("uploaded/by-url.txt").contentType("text/plain")));
            HttpRequest.Builder put = HttpRequest.newBuilder(url.url().toURI())
                    .PUT(HttpRequest.BodyPublishers.ofString("sent with a presigned url"));
            url.signedHeaders().forEach((name, values) -> {
                if (!name.equalsIgnoreCase("host")) {
                    values.forEach(v -> put.header(name, v));
                }
            });
            HttpResponse<String> response = HttpClient.newHttpClient().send(put.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("ETag")).isPresent();
        }
        var stored = pathStyle.getObjectAsBytes(b -> b.bucket("addressing").key("uploaded/by-url.txt"));
        assertThat(stored.asUtf8String()).isEqualTo("sent with a presigned url");
        assertThat(stored.response().contentType()).isEqualTo("text/plain");
    }

    @Test
    void aTamperedPresignedUrlIsSignatureDoesNotMatch() throws Exception {
        try (S3Presigner presigner = presigner()) {
            PresignedGetObjectRequest url = presigner.presignGetObject(p -> p.signatureDuration(Duration.ofMinutes(5))
                    .getObjectRequest(g -> g.bucket("addressing").key("dir/file.txt")));
            String tampered = url.url().toString().replace("dir/file.txt", "dir/other.txt");
            HttpResponse<String> got = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(tampered)).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(got.statusCode()).isEqualTo(403);
            assertThat(got.body()).contains("<Code>SignatureDoesNotMatch</Code>");
        }
    }

    @Test
    void errorsAreS3ErrorDocumentsWithResourceAndRequestId() throws Exception {
        try (S3Presigner presigner = presigner()) {
            PresignedGetObjectRequest url = presigner.presignGetObject(p -> p.signatureDuration(Duration.ofMinutes(5))
                    .getObjectRequest(g -> g.bucket("addressing").key("absent.txt")));
            HttpResponse<String> got = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(url.url().toURI()).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(got.statusCode()).isEqualTo(404);
            String requestId = got.headers().firstValue("x-amz-request-id").orElseThrow();
            assertThat(got.body()).contains("<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message>")
                    .contains("<Key>absent.txt</Key>").contains("<Resource>/addressing/absent.txt</Resource>")
                    .contains("<RequestId>" + requestId + "</RequestId>");
        }
    }

    @Test
    void anUnimplementedSubResourceIsAnsweredAsNotImplementedNotAsAPlainGet() {
        try {
            pathStyle.getBucketLogging(b -> b.bucket("addressing"));
            throw new AssertionError("GetBucketLogging is not implemented yet");
        } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
            // 400 rather than S3's 501, so the SDK fails at once instead of retrying (CommonErrors.notImplemented).
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NotImplemented");
        }
    }

    /** A GET of {@code path} with a Signature Version 2 query, as boto3's generate_presigned_url writes one. */
    static HttpResponse<String> getWithSigV2Query(String path, String query) {
        return cloud.http(cloud.request(path + "?" + query).GET());
    }

    static long inAnHour() {
        return Instant.now().plusSeconds(3600).getEpochSecond();
    }

    @Test
    void aSignatureVersion2UrlWithAWrongSignatureIsSignatureDoesNotMatch() {
        HttpResponse<String> got = getWithSigV2Query("/addressing/dir/file.txt",
                "AWSAccessKeyId=test&Signature=bWq2s1WEIj%2BYdj0vQ697zp%2BIXMU%3D&Expires=" + inAnHour());
        assertThat(got.statusCode()).isEqualTo(403);
        assertThat(got.body()).contains("<Code>SignatureDoesNotMatch</Code>");
    }

    @Test
    void aSignatureVersion2UrlOfAnUnknownKeyIsInvalidAccessKeyId() {
        HttpResponse<String> got = getWithSigV2Query("/addressing/dir/file.txt",
                "AWSAccessKeyId=AKIANOBODY&Signature=abc%3D&Expires=" + inAnHour());
        assertThat(got.statusCode()).isEqualTo(403);
        assertThat(got.body()).contains("<Code>InvalidAccessKeyId</Code>").contains("<AWSAccessKeyId>AKIANOBODY</AWSAccessKeyId>");
    }

    @Test
    void aSignatureVersion2UrlPastItsExpiresIsAccessDeniedRequestHasExpired() {
        long aMinuteAgo = Instant.now().minusSeconds(60).getEpochSecond();
        HttpResponse<String> got = getWithSigV2Query("/addressing/dir/file.txt",
                "AWSAccessKeyId=test&Signature=abc%3D&Expires=" + aMinuteAgo);
        assertThat(got.statusCode()).isEqualTo(403);
        assertThat(got.body()).contains("<Code>AccessDenied</Code><Message>Request has expired</Message>");
    }

    @Test
    void anIncompleteSignatureVersion2UrlIsAccessDenied() {
        HttpResponse<String> got = getWithSigV2Query("/addressing/dir/file.txt", "AWSAccessKeyId=test&Signature=abc%3D");
        assertThat(got.statusCode()).isEqualTo(403);
        assertThat(got.body()).contains("<Code>AccessDenied</Code><Message>Query-string authentication requires the "
                + "Signature, Expires and AWSAccessKeyId parameters</Message>");
    }

    @Test
    void aSignatureVersion2HeaderWithoutItsSignatureIsInvalidArgument() {
        HttpResponse<String> got = cloud.http(cloud.request("/addressing/dir/file.txt")
                .header("Date", "Tue, 27 Mar 2007 19:36:42 +0000").header("Authorization", "AWS test").GET());
        assertThat(got.statusCode()).isEqualTo(400);
        assertThat(got.body()).contains("<Code>InvalidArgument</Code>")
                .contains("AWS authorization header is invalid.  Expected AwsAccessKeyId:signature");
    }
}
