package gluelab.cloud.edge;

import static org.assertj.core.api.Assertions.assertThat;

import gluelab.cloud.testing.RunningLabCloud;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An unsigned request is anonymous. Only S3 admits anonymous calls, and only where a bucket policy grants everyone
 * (see S3BucketPolicyTest); every other service refuses them as missing authentication, as AWS does.
 */
class UnsignedRequestsTest {

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory();

    @Test
    void aQueryProtocolServiceRefusesAnUnsignedCallAsMissingAuthenticationToken() {
        HttpResponse<String> sqs = cloud.http(cloud.request("/?Action=ListQueues&Version=2012-11-05").GET());
        assertThat(sqs.statusCode()).isEqualTo(403);
        assertThat(sqs.body()).contains("MissingAuthenticationToken");
    }

    @Test
    void aJsonProtocolServiceRefusesAnUnsignedCallAsMissingAuthenticationToken() {
        HttpResponse<String> dynamo = cloud.http(cloud.request("/").header("X-Amz-Target", "DynamoDB_20120810.ListTables")
                .header("Content-Type", "application/x-amz-json-1.0").POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(dynamo.statusCode()).isEqualTo(403);
        assertThat(dynamo.body()).contains("MissingAuthenticationToken");
    }

    @Test
    void anAnonymousS3CallWithoutAGrantIsAccessDenied() {
        HttpResponse<String> buckets = cloud.http(cloud.request("/").GET());
        assertThat(buckets.statusCode()).isEqualTo(403);
        assertThat(buckets.body()).contains("<Code>AccessDenied</Code>");
    }
}
