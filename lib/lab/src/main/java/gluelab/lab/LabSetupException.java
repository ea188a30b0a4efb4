package gluelab.lab;

/**
 * The lab cannot start or do what was asked because of its surroundings: a missing environment variable,
 * no Docker, an unbuilt module, a busy port. The message says what to do about it.
 */
public class LabSetupException extends RuntimeException {

    public LabSetupException(String message) {
        super(message);
    }

    public LabSetupException(String message, Throwable cause) {
        super(message, cause);
    }
}
