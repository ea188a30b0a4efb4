package gluelab.cloud.services.s3.storage;

import java.io.IOException;

/**
 * The client's body could not be read to its end (cut short, a bad chunk signature, a payload hash
 * mismatch): the client's fault, answered with {@code BodyErrors}, unlike a failing disk.
 */
public final class UnreadableBodyException extends RuntimeException {

    public UnreadableBodyException(IOException cause) {
        super(cause.getMessage(), cause, false, false);
    }

    public IOException failure() {
        return (IOException) getCause();
    }
}
