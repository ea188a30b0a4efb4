package gluelab.cloud.provider;

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

    public AwsServiceException(String code, String message, int status) {
        this(code, message, status, status < 500, Map.of());
    }

    public AwsServiceException(String code, String message, int status, boolean senderFault, Map<String, String> fields) {
        super(message, null, false, false);
        this.code = code;
        this.status = status;
        this.senderFault = senderFault;
        this.fields = Map.copyOf(fields);
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
        return new AwsServiceException(code, getMessage(), status, senderFault, more);
    }

    public static AwsServiceException client(String code, String message) {
        return new AwsServiceException(code, message, 400);
    }

    @Override
    public String toString() {
        return code + " (" + status + "): " + getMessage();
    }
}
