package gluelab.cloud.services.s3.storage;

/**
 * Who asked for a write, as S3's event records name them.
 *
 * @param requestId the request's id ({@code x-amz-request-id})
 * @param account   the caller's account ("requester" in EventBridge's S3 events)
 * @param sourceIp  the client's address
 * @param reason    the write's {@code reason} in S3's events where the operation asking gives its own ({@code
 *                  PostObject} for a browser form's upload); null leaves the store's name for the kind of write
 */
public record Requester(String requestId, String account, String principalArn, String sourceIp, String reason) {

    /** The same requester, asking for a write that S3's events name {@code reason}. */
    public Requester because(String reason) {
        return new Requester(requestId, account, principalArn, sourceIp, reason);
    }
}
