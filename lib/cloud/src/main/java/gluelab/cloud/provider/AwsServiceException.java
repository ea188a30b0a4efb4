package gluelab.cloud.provider;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one exception every provider throws for an AWS error. Its code is the error shape's name in the
 * AWS model ({@code EntityNotFoundException}, {@code NoSuchKey}), its status is the HTTP status the real
 * service answers with, and each protocol's codec renders it in its own wire format.
 */
public class AwsServiceException extends RuntimeException {

    private final String code;
    private final int status;
    private final boolean senderFault;
    private final Map<String, String> fields;
    private final Map<String, String> headers;
    private final Map<String, JsonNode> documents;

    public AwsServiceException(String code, String message, int status) {
        this(code, message, status, status < 500, Map.of());
    }

    public AwsServiceException(String code, String message, int status, boolean senderFault, Map<String, String> fields) {
        this(code, message, status, senderFault, fields, Map.of(), Map.of());
    }

    private AwsServiceException(String code, String message, int status, boolean senderFault, Map<String, String> fields,
                                Map<String, String> headers, Map<String, JsonNode> documents) {
        super(message, null, false, false);
        this.code = code;
        this.status = status;
        this.senderFault = senderFault;
        this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        this.documents = Collections.unmodifiableMap(new LinkedHashMap<>(documents));
    }

    public String code() {
        return code;
    }

    public int status() {
        return status;
    }

    public boolean senderFault() {
        return senderFault;
    }

    /** Extra members of the error shape, e.g. S3's {@code BucketName} or {@code Key}. */
    public Map<String, String> fields() {
        return fields;
    }

    public AwsServiceException with(String field, String value) {
        Map<String, String> more = new LinkedHashMap<>(fields);
        more.put(field, value);
        return new AwsServiceException(code, getMessage(), status, senderFault, more, headers, documents);
    }

    /**
     * Response headers the error answers with besides its document, where the protocol has headers: S3 says so of a
     * delete marker ({@code x-amz-delete-marker: true}) even in a 404.
     */
    public Map<String, String> headers() {
        return headers;
    }

    public AwsServiceException withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new AwsServiceException(code, getMessage(), status, senderFault, fields, more, documents);
    }

    /**
     * Members of the error shape that are structures, lists or maps rather than strings, in their JSON wire form
     * (DynamoDB's {@code Item} of a failed condition, its {@code CancellationReasons}); JSON protocols answer them.
     */
    public Map<String, JsonNode> documents() {
        return documents;
    }

    public AwsServiceException withDocument(String field, JsonNode value) {
        Map<String, JsonNode> more = new LinkedHashMap<>(documents);
        more.put(field, value);
        return new AwsServiceException(code, getMessage(), status, senderFault, fields, headers, more);
    }

    public static AwsServiceException client(String code, String message) {
        return new AwsServiceException(code, message, 400);
    }

    @Override
    public String toString() {
        return code + " (" + status + "): " + getMessage();
    }
}
