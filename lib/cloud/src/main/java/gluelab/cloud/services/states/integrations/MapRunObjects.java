package gluelab.cloud.services.states.integrations;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import gluelab.cloud.provider.StreamingResponse;
import gluelab.cloud.services.states.asl.ExecutionRun;
import gluelab.cloud.services.states.asl.StatesError;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The S3 a Distributed Map reads its items from (ItemReader) and writes its results to (ResultWriter): Lab Cloud's
 * own, called as a session of the state machine's role, so its policy must allow {@code s3:GetObject},
 * {@code s3:ListBucket} and {@code s3:PutObject}. S3's errors come out as {@code S3.<Code>Exception} task errors,
 * which the map state turns into {@code States.ItemReaderFailed} or {@code States.ResultWriterFailed}.
 */
public final class MapRunObjects {

    private final ServiceCalls calls;

    public MapRunObjects(ServiceCalls calls) {
        this.calls = calls;
    }

    public byte[] get(ExecutionRun execution, String bucket, String key, String versionId) {
        GetObjectRequest request = GetObjectRequest.builder().bucket(bucket).key(key).versionId(versionId).build();
        StreamingResponse<?> download = calls.call("s3", execution, request, "s3");
        try (InputStream body = download.body()) {
            return body.readAllBytes();
        } catch (IOException e) {
            throw new StatesError("S3.InternalError", "Cannot read s3://" + bucket + "/" + key + ": " + e);
        }
    }

    /** Each object under {@code prefix} as the ItemReader's items show it. */
    public ArrayNode list(ExecutionRun execution, String bucket, String prefix) {
        ArrayNode items = JsonNodeFactory.instance.arrayNode();
        String token = null;
        do {
            ListObjectsV2Request.Builder request = ListObjectsV2Request.builder().bucket(bucket).prefix(prefix);
            if (token != null) {
                request.continuationToken(token);
            }
            ListObjectsV2Response page = calls.call("s3", execution, request.build(), "s3");
            for (S3Object object : page.contents()) {
                items.addObject()
                        .put("Etag", object.eTag())
                        .put("Key", object.key())
                        .put("LastModified", object.lastModified().getEpochSecond())
                        .put("Size", object.size())
                        .put("StorageClass", object.storageClassAsString() == null ? "STANDARD"
                                : object.storageClassAsString());
            }
            token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
        } while (token != null);
        return items;
    }

    public void put(ExecutionRun execution, String bucket, String key, byte[] body) {
        PutObjectRequest request = PutObjectRequest.builder().bucket(bucket).key(key)
                .contentType("application/json").contentLength((long) body.length).build();
        calls.call("s3", execution, request, "s3", new ByteArrayInputStream(body));
    }
}
