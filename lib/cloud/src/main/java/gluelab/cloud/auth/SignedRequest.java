package gluelab.cloud.auth;

import java.util.List;

/**
 * What a request claims about its signature, read from the {@code Authorization} header or from a
 * presigned URL's query parameters, before anything is verified.
 */
public record SignedRequest(
        String accessKeyId,
        String date,
        String region,
        String service,
        List<String> signedHeaders,
        String signature,
        String amzDate,
        boolean presigned,
        long expiresSeconds,
        String securityToken) {

    public String scope() {
        return date + "/" + region + "/" + service + "/aws4_request";
    }
}
