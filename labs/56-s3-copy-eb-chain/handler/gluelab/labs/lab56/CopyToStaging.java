package gluelab.labs.lab56;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;

/**
 * The target of an EventBridge rule on the landing bucket's {@code Object Created} events: copies the new object,
 * under the same key, to the bucket named by {@code STAGING_BUCKET} with S3's server-side {@code CopyObject} (the
 * bytes never pass through the function). Returns the source, the copy and the copy's ETag.
 * <p>
 * The event's S3 part is under {@code detail}: {@code detail.bucket.name}, {@code detail.object.key}.
 */
public class CopyToStaging implements RequestHandler<Map<String, Object>, Map<String, String>> {

    /** Made once per execution environment and reused by its later invocations. */
    private static final S3Client S3 = S3Client.create();

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, String> handleRequest(Map<String, Object> event, Context context) {
        Map<String, Object> detail = (Map<String, Object>) event.get("detail");
        String sourceBucket = (String) ((Map<String, Object>) detail.get("bucket")).get("name");
        String key = (String) ((Map<String, Object>) detail.get("object")).get("key");
        String staging = System.getenv("STAGING_BUCKET");
        System.out.println("Object Created " + event.get("id") + ": s3://" + sourceBucket + "/" + key);
        Map<String, String> result = new LinkedHashMap<>();
        result.put("source", "s3://" + sourceBucket + "/" + key);

        // BEGIN SOLUTION
        // CopyObject from sourceBucket/key to the staging bucket under the same key; log it, and put the copy's
        // address ("copy") and its ETag ("copyETag") in the result.
        CopyObjectResponse copied = S3.copyObject(r -> r.sourceBucket(sourceBucket).sourceKey(key)
                .destinationBucket(staging).destinationKey(key));
        String etag = copied.copyObjectResult().eTag();
        System.out.println("Copied to s3://" + staging + "/" + key + ", ETag " + etag);
        result.put("copy", "s3://" + staging + "/" + key);
        result.put("copyETag", etag);
        // END SOLUTION
        return result;
    }
}
