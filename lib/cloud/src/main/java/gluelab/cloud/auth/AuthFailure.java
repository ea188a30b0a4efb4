package gluelab.cloud.auth;

/** Why a request was not authenticated; the edge turns it into the protocol's own error. */
public final class AuthFailure extends Exception {

    public enum Reason {
        MISSING, MALFORMED, UNKNOWN_KEY, BAD_SIGNATURE, EXPIRED_TOKEN, REQUEST_EXPIRED, BAD_PAYLOAD_HASH,
        /** S3's 403 AccessDenied for an incomplete SigV2 claim, worded by the failure's message. */
        ACCESS_DENIED,
        /** S3's 400 InvalidArgument for a malformed SigV2 claim, worded by the failure's message. */
        INVALID_ARGUMENT
    }

    private final Reason reason;

    public AuthFailure(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
