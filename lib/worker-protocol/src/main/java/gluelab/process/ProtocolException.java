package gluelab.process;

/** A line that is not a message of the protocol: malformed JSON, an unknown or missing discriminator. */
public final class ProtocolException extends RuntimeException {

    public ProtocolException(String message) {
        super(message);
    }
}
