package gluelab.cloud.services.s3;

import static gluelab.cloud.services.s3.S3Failures.errorCode;
import static org.assertj.core.api.Assertions.assertThat;

import gluelab.cloud.testing.RunningLabCloud;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.CORSRule;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * A bucket's CORS configuration: stored as given, checked as S3 checks it, and removed; and applied as S3 applies it
 * to a browser's unsigned preflight and to the actual requests that follow.
 */
class S3CorsTest {

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory();

    @Test
    void aCorsConfigurationRoundTripsRuleByRuleAndDeletingItLeavesNone() {
        try (S3Client s3 = cloud.client(S3Client.builder())) {
            s3.createBucket(b -> b.bucket("cors"));
            assertThat(errorCode(() -> s3.getBucketCors(b -> b.bucket("cors")))).isEqualTo("NoSuchCORSConfiguration");
            CORSRule upload = CORSRule.builder().id("browser-uploads").allowedMethods("PUT", "POST")
                    .allowedOrigins("https://*.example.com").allowedHeaders("*").exposeHeaders("ETag")
                    .maxAgeSeconds(3000).build();
            CORSRule read = CORSRule.builder().allowedMethods("GET").allowedOrigins("*").build();

            s3.putBucketCors(b -> b.bucket("cors").corsConfiguration(c -> c.corsRules(upload, read)));

            assertThat(s3.getBucketCors(b -> b.bucket("cors")).corsRules()).containsExactly(upload, read);
            s3.deleteBucketCors(b -> b.bucket("cors"));
            assertThat(errorCode(() -> s3.getBucketCors(b -> b.bucket("cors")))).isEqualTo("NoSuchCORSConfiguration");
        }
    }

    @Test
    void aCorsRuleWithAnUnsupportedMethodOrTwoWildcardsIsInvalidRequest() {
        try (S3Client s3 = cloud.client(S3Client.builder())) {
            s3.createBucket(b -> b.bucket("cors-rules"));
            assertThat(errorCode(() -> s3.putBucketCors(b -> b.bucket("cors-rules").corsConfiguration(c -> c.corsRules(
                    CORSRule.builder().allowedMethods("PATCH").allowedOrigins("*").build())))))
                    .isEqualTo("InvalidRequest");
            assertThat(errorCode(() -> s3.putBucketCors(b -> b.bucket("cors-rules").corsConfiguration(c -> c.corsRules(
                    CORSRule.builder().allowedMethods("GET").allowedOrigins("https://*.*.example.com").build())))))
                    .isEqualTo("InvalidRequest");
        }
    }

    static HttpResponse<String> preflight(String path, String origin, String method, String headers) {
        HttpRequest.Builder request = cloud.request(path).method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin).header("Access-Control-Request-Method", method);
        return cloud.http(headers == null ? request : request.header("Access-Control-Request-Headers", headers));
    }

    @Test
    void aPreflightFromAnAllowedOriginIsAnsweredFromTheFirstRuleThatAllowsItsMethodAndHeaders() {
        try (S3Client s3 = cloud.client(S3Client.builder())) {
            s3.createBucket(b -> b.bucket("cors-preflight"));
            s3.putBucketCors(b -> b.bucket("cors-preflight").corsConfiguration(c -> c.corsRules(
                    CORSRule.builder().allowedMethods("PUT", "POST").allowedOrigins("https://*.example.com")
                            .allowedHeaders("content-type", "x-amz-meta-*").exposeHeaders("ETag").maxAgeSeconds(3000).build(),
                    CORSRule.builder().allowedMethods("GET").allowedOrigins("*").build())));

            HttpResponse<String> upload = preflight("/cors-preflight/uploads/a.csv", "https://app.example.com", "PUT",
                    "Content-Type, X-Amz-Meta-Owner");
            assertThat(upload.statusCode()).isEqualTo(200);
            assertThat(upload.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://app.example.com");
            assertThat(upload.headers().firstValue("Access-Control-Allow-Methods")).hasValue("PUT, POST");
            assertThat(upload.headers().firstValue("Access-Control-Allow-Headers")).hasValue("content-type, x-amz-meta-owner");
            assertThat(upload.headers().firstValue("Access-Control-Expose-Headers")).hasValue("ETag");
            assertThat(upload.headers().firstValue("Access-Control-Max-Age")).hasValue("3000");
            assertThat(upload.headers().firstValue("Access-Control-Allow-Credentials")).hasValue("true");
            assertThat(upload.headers().firstValue("Vary"))
                    .hasValue("Origin, Access-Control-Request-Headers, Access-Control-Request-Method");

            HttpResponse<String> read = preflight("/cors-preflight/uploads/a.csv", "https://anyone.test", "GET", null);
            assertThat(read.statusCode()).isEqualTo(200);
            assertThat(read.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
            assertThat(read.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
        }
    }

    @Test
    void aPreflightNoRuleAllowsIsRefusedWith403InS3sWords() {
        try (S3Client s3 = cloud.client(S3Client.builder())) {
            s3.createBucket(b -> b.bucket("cors-refused"));
            HttpResponse<String> noConfiguration = preflight("/cors-refused/a", "https://app.example.com", "GET", null);
            assertThat(noConfiguration.statusCode()).isEqualTo(403);
            assertThat(noConfiguration.body()).contains("<Code>AccessForbidden</Code>")
                    .contains("<Message>CORSResponse: CORS is not enabled for this bucket.</Message>");

            s3.putBucketCors(b -> b.bucket("cors-refused").corsConfiguration(c -> c.corsRules(CORSRule.builder()
                    .allowedMethods("GET").allowedOrigins("https://app.example.com").build())));
            for (HttpResponse<String> refused : java.util.List.of(
                    preflight("/cors-refused/a", "https://elsewhere.test", "GET", null),
                    preflight("/cors-refused/a", "https://app.example.com", "DELETE", null),
                    preflight("/cors-refused/a", "https://app.example.com", "GET", "x-custom"))) {
                assertThat(refused.statusCode()).isEqualTo(403);
                assertThat(refused.body()).contains("<Message>CORSResponse: This CORS request is not allowed. This is "
                        + "usually because the evalution of Origin, request method / Access-Control-Request-Method or "
                        + "Access-Control-Request-Headers are not whitelisted by the resource's CORS spec.</Message>")
                        .contains("<Method>OPTIONS</Method><ResourceType>OBJECT</ResourceType>");
                assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
            }
        }
    }

    /** A presigned GET sent as a browser sends it, with its page's Origin (which the SDK's own clients cannot set). */
    static HttpResponse<String> getFrom(String origin, String bucket, String key) {
        try (S3Presigner presigner = S3Presigner.builder().endpointOverride(cloud.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(RunningLabCloud.TEST_CREDENTIALS)
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build()).build()) {
            var url = presigner.presignGetObject(p -> p.signatureDuration(Duration.ofMinutes(5))
                    .getObjectRequest(g -> g.bucket(bucket).key(key))).url();
            return cloud.http(HttpRequest.newBuilder(java.net.URI.create(url.toString())).header("Origin", origin).GET());
        }
    }

    @Test
    void anActualRequestFromAnAllowedOriginCarriesTheRulesAllowOriginAndExposeHeaders() {
        try (S3Client s3 = cloud.client(S3Client.builder())) {
            s3.createBucket(b -> b.bucket("cors-actual"));
            s3.putBucketCors(b -> b.bucket("cors-actual").corsConfiguration(c -> c.corsRules(CORSRule.builder()
                    .allowedMethods("GET", "PUT").allowedOrigins("https://app.example.com").exposeHeaders("ETag").build())));
            s3.putObject(b -> b.bucket("cors-actual").key("a.txt"), RequestBody.fromString("a"));

            HttpResponse<String> allowed = getFrom("https://app.example.com", "cors-actual", "a.txt");
            assertThat(allowed.statusCode()).isEqualTo(200);
            assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://app.example.com");
            assertThat(allowed.headers().firstValue("Access-Control-Expose-Headers")).hasValue("ETag");
            HttpResponse<String> foreign = getFrom("https://elsewhere.test", "cors-actual", "a.txt");
            assertThat(foreign.statusCode()).isEqualTo(200);
            assertThat(foreign.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        }
    }

    @Test
    void aFailedRequestFromAnAllowedOriginCarriesTheRulesHeadersSoThePageCanReadTheError() {
        try (S3Client s3 = cloud.client(S3Client.builder())) {
            s3.createBucket(b -> b.bucket("cors-errors"));
            s3.putBucketCors(b -> b.bucket("cors-errors").corsConfiguration(c -> c.corsRules(CORSRule.builder()
                    .allowedMethods("GET").allowedOrigins("https://app.example.com").build())));

            HttpResponse<String> missing = getFrom("https://app.example.com", "cors-errors", "absent.txt");
            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(missing.body()).contains("<Code>NoSuchKey</Code>");
            assertThat(missing.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://app.example.com");
            HttpResponse<String> foreign = getFrom("https://elsewhere.test", "cors-errors", "absent.txt");
            assertThat(foreign.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        }
    }
}
