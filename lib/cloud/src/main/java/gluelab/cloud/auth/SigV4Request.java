package gluelab.cloud.auth;

import java.util.List;
import java.util.Optional;

/**
 * What a Signature Version 4 request claims, read from the {@code Authorization} header or from a presigned URL's
 * {@code X-Amz-*} query parameters, before anything is verified.
 */
public record SigV4Request(
        String accessKeyId,
        String date,
        String region,
        String service,
        List<String> signedHeaders,
        String signature,
        String amzDate,
        boolean presigned,
        long expiresSeconds,
        String securityToken) implements SignedRequest {

    public String scope() {
        return date + "/" + region + "/" + service + "/aws4_request";
    }

    @Override
    public Optional<String> scopedService() {
        return Optional.of(service);
    }

    /** S3 needs x-amz-content-sha256 on a header-signed request; a presigned URL signs UNSIGNED-PAYLOAD. */
    @Override
    public boolean signsPayloadHash() {
        return !presigned;
    }
}
