package gluelab.cloud.state;

/** State could not be made durable; the write was not acknowledged. */
public final class StateWriteException extends RuntimeException {
    public StateWriteException(String message, Throwable cause) {
        super(message, cause);
    }
}
