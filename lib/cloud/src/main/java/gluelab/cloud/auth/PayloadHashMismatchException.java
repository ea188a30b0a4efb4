package gluelab.cloud.auth;

import java.io.IOException;

/** The body's SHA-256 is not the one the client declared (and signed) in {@code x-amz-content-sha256}. */
public final class PayloadHashMismatchException extends IOException {
    public PayloadHashMismatchException(String message) {
        super(message);
    }
}
