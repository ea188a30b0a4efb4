package gluelab.lab.data;

/**
 * An {@code s3://bucket/key} address.
 *
 * @param bucket the bucket
 * @param key    the key or prefix; empty for the whole bucket
 */
public record S3Location(String bucket, String key) {

    public static S3Location parse(String uri) {
        if (uri == null || !uri.startsWith("s3://") || uri.length() <= 5) {
            throw new IllegalArgumentException("\"" + uri + "\" is not an S3 address like s3://bucket/prefix/");
        }
        String rest = uri.substring(5);
        int slash = rest.indexOf('/');
        return slash < 0 ? new S3Location(rest, "") : new S3Location(rest.substring(0, slash), rest.substring(slash + 1));
    }

    /** The key as a folder: empty, or ending with {@code /}. */
    public String directoryKey() {
        return key.isEmpty() || key.endsWith("/") ? key : key + "/";
    }

    @Override
    public String toString() {
        return "s3://" + bucket + "/" + key;
    }
}
