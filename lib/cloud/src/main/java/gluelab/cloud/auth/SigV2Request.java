package gluelab.cloud.auth;

import java.util.Optional;

/**
 * What an S3 Signature Version 2 request claims, before anything is verified: {@code Authorization: AWS
 * <AccessKeyId>:<Signature>}, or a presigned URL's {@code AWSAccessKeyId}, {@code Signature} and {@code Expires}.
 * A part the client left out is null here; verifying says what is missing, in S3's words.
 *
 * @param expires         a presigned URL's {@code Expires}, seconds since the epoch as sent; null for the header form
 * @param securityToken   {@code x-amz-security-token} (header, or query of a presigned URL) of temporary credentials
 */
public record SigV2Request(
        String accessKeyId,
        String signature,
        String expires,
        boolean presigned,
        String securityToken) implements SignedRequest {

    @Override
    public Optional<String> scopedService() {
        return Optional.empty();
    }

    /** SigV2 signs no payload hash; an {@code x-amz-content-sha256} sent anyway is signed as any x-amz- header. */
    @Override
    public boolean signsPayloadHash() {
        return false;
    }
}
