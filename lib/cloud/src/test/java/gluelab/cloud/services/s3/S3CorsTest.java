package gluelab.cloud.services.s3;

import static gluelab.cloud.services.s3.S3Failures.errorCode;
import static org.assertj.core.api.Assertions.assertThat;

import gluelab.cloud.testing.RunningLabCloud;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CORSRule;

/** A bucket's CORS configuration: stored as given, checked as S3 checks it, and removed. */
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
}
