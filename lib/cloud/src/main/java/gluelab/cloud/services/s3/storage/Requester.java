package gluelab.cloud.services.s3.storage;

/**
 * Who asked for a write, as S3's event records name them.
 *
 * @param requestId the request's id ({@code x-amz-request-id})
 * @param account   the caller's account ("requester" in EventBridge's S3 events)
 * @param sourceIp  the client's address
 * @param operation the operation that asked, as S3's events name it as their {@code reason} ({@code PostObject} for a
 *                  browser form's upload); null where no call of the API asked
 */
public record Requester(String requestId, String account, String principalArn, String sourceIp, String operation) {
}
