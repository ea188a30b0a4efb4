package gluelab.cloud.services.s3;

import gluelab.cloud.http.HttpExchange;
import gluelab.cloud.http.QueryString;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which bucket and key a request addresses. Virtual-host style names the bucket in the Host
 * ({@code <bucket>.localhost:4566}, {@code <bucket>.s3.localhost.localstack.cloud},
 * {@code <bucket>.s3[.<region>].amazonaws.com}); path style puts it first in the path. The key is the
 * rest of the raw path, percent-decoded once and otherwise untouched: {@code //}, {@code ..}, a trailing
 * slash and an encoded {@code %2F} are all part of S3 keys.
 *
 * @param bucket the bucket, or null for the service itself (ListBuckets)
 * @param key    the key, or null for the bucket itself
 */
public record S3Address(String bucket, String key) {

    private static final List<Pattern> VIRTUAL_HOSTS = List.of(
            Pattern.compile("^(.+)\\.s3\\.localhost\\.localstack\\.cloud$"),
            Pattern.compile("^(.+)\\.s3\\.[a-z0-9-]+\\.localhost\\.localstack\\.cloud$"),
            Pattern.compile("^(.+)\\.s3\\.amazonaws\\.com$"),
            Pattern.compile("^(.+)\\.s3[.-](?:dualstack\\.)?[a-z0-9-]+\\.amazonaws\\.com$"),
            Pattern.compile("^(.+)\\.localhost$"));

    public static S3Address of(HttpExchange exchange) {
        String path = exchange.rawPath();
        String rest = path.startsWith("/") ? path.substring(1) : path;
        String virtualBucket = virtualHostBucket(exchange.hostName());
        if (virtualBucket != null) {
            return new S3Address(virtualBucket, rest.isEmpty() ? null : decode(rest));
        }
        if (rest.isEmpty()) {
            return new S3Address(null, null);
        }
        int slash = rest.indexOf('/');
        if (slash < 0) {
            return new S3Address(decode(rest), null);
        }
        String key = rest.substring(slash + 1);
        return new S3Address(decode(rest.substring(0, slash)), key.isEmpty() ? null : decode(key));
    }

    /** The bucket named by a virtual-host style Host, or null for path style. */
    static String virtualHostBucket(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        for (Pattern pattern : VIRTUAL_HOSTS) {
            Matcher matcher = pattern.matcher(name);
            if (matcher.matches()) {
                String bucket = matcher.group(1);
                // "s3.localhost.localstack.cloud" itself, and "s3.<region>.amazonaws.com", are path style.
                return bucket.equals("s3") ? null : bucket;
            }
        }
        return null;
    }

    private static String decode(String raw) {
        return QueryString.decode(raw, false);
    }

    /** {@code /bucket/key}, as S3 names the resource of an error. */
    public String resource() {
        if (bucket == null) {
            return "/";
        }
        return key == null ? "/" + bucket : "/" + bucket + "/" + key;
    }
}
