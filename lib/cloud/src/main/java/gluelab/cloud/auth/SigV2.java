package gluelab.cloud.auth;

import gluelab.cloud.http.QueryString;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The arithmetic of S3's Signature Version 2: the string to sign and its HMAC-SHA1. The string is
 * {@code Verb \n Content-MD5 \n Content-Type \n Date \n CanonicalizedAmzHeaders CanonicalizedResource}, where a
 * presigned URL puts its {@code Expires} in the place of the date, and the resource is the path with the bucket in
 * it followed by the sub-resources the request addresses ({@code ?acl}, {@code ?uploadId=…&partNumber=…}).
 */
public final class SigV2 {

    /** The scheme of the Authorization header: {@code AWS <AccessKeyId>:<Signature>}. */
    public static final String SCHEME = "AWS";

    /**
     * The query parameters a signature covers: S3's sub-resources and GetObject's response overrides, as the SDKs
     * that still sign with SigV2 (botocore, the AWS CLI, the AWS SDK for Java 1.x) list them. Any other parameter
     * ({@code list-type}, {@code prefix}, {@code x-id}) is not signed.
     */
    static final Set<String> SIGNED_PARAMETERS = Set.of(
            "accelerate", "acl", "analytics", "cors", "defaultObjectAcl", "delete", "inventory", "lifecycle",
            "location", "logging", "metrics", "notification", "object-lock", "partNumber", "policy", "replication",
            "requestPayment", "restore", "select", "select-type", "storageClass", "tagging", "torrent", "uploadId",
            "uploads", "versionId", "versioning", "versions", "website",
            "response-cache-control", "response-content-disposition", "response-content-encoding",
            "response-content-language", "response-content-type", "response-expires");

    private SigV2() {
    }

    /**
     * The CanonicalizedAmzHeaders: the {@code x-amz-} headers under lower-case names in name order, the values of a
     * name sent more than once joined by commas, in the order sent.
     *
     * @param headers every header of the request, by name as sent
     */
    public static SortedMap<String, List<String>> amzHeaders(Map<String, List<String>> headers) {
        SortedMap<String, List<String>> out = new TreeMap<>();
        headers.forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.startsWith("x-amz-")) {
                out.computeIfAbsent(lower, k -> new ArrayList<>()).addAll(values);
            }
        });
        return out;
    }

    /**
     * @param dateOrExpires the Date header (empty when x-amz-date is sent), or a presigned URL's Expires
     * @param amzHeaders    the x-amz- headers ({@link #amzHeaders})
     * @param resource      the canonicalized resource ({@link #canonicalResource})
     */
    public static String stringToSign(String method, String contentMd5, String contentType, String dateOrExpires,
                                      SortedMap<String, List<String>> amzHeaders, String resource) {
        StringBuilder out = new StringBuilder()
                .append(method).append('\n')
                .append(nullToEmpty(contentMd5).trim()).append('\n')
                .append(nullToEmpty(contentType).trim()).append('\n')
                .append(nullToEmpty(dateOrExpires).trim()).append('\n');
        for (Map.Entry<String, List<String>> header : amzHeaders.entrySet()) {
            List<String> values = header.getValue().stream().map(String::trim).toList();
            out.append(header.getKey()).append(':').append(String.join(",", values)).append('\n');
        }
        return out.append(resource).toString();
    }

    /**
     * The path as the client signed it ({@code /bucket/key}, still percent-encoded), then the signed parameters
     * sorted by name, with their values decoded: {@code /bucket/key?partNumber=2&uploadId=abc}.
     */
    public static String canonicalResource(String path, QueryString query) {
        List<QueryString.Pair> signed = new ArrayList<>();
        for (QueryString.Pair pair : query.pairs()) {
            if (SIGNED_PARAMETERS.contains(pair.name())) {
                signed.add(pair);
            }
        }
        signed.sort(Comparator.comparing(QueryString.Pair::name));
        StringBuilder out = new StringBuilder(path);
        for (int i = 0; i < signed.size(); i++) {
            QueryString.Pair pair = signed.get(i);
            out.append(i == 0 ? '?' : '&').append(pair.name());
            if (pair.hasValue()) {
                out.append('=').append(pair.value());
            }
        }
        return out.toString();
    }

    /** Base64 of the HMAC-SHA1 of {@code stringToSign} under the secret access key. */
    public static String sign(String secretAccessKey, String stringToSign) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secretAccessKey.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Compares two base64 signatures in constant time. */
    public static boolean sameSignature(String expected, String provided) {
        return provided != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                provided.getBytes(StandardCharsets.US_ASCII));
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
