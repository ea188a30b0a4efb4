package gluelab.cloud.auth;

import java.util.Optional;

/**
 * What a request claims about its signature, before anything is verified: Signature Version 4 ({@link SigV4Request}),
 * which every service accepts, or S3's older Signature Version 2 ({@link SigV2Request}).
 */
public sealed interface SignedRequest permits SigV4Request, SigV2Request {

    /** The access key the request claims to be signed with; null where a malformed SigV2 claim names none. */
    String accessKeyId();

    /** Whether the signature is in the URL's query (a presigned URL) rather than the Authorization header. */
    boolean presigned();

    /** The service the credential scope names (SigV4), which is how the edge routes it; SigV2 names none. */
    Optional<String> scopedService();

    /** Whether the signature covers an {@code x-amz-content-sha256} the request must therefore declare. */
    boolean signsPayloadHash();
}
