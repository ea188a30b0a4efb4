package gluelab.lab;

/** Something the lab waited for did not finish in time. The message says what it was doing and what to look at. */
public class LabTimeoutException extends RuntimeException {

    public LabTimeoutException(String message) {
        super(message);
    }
}
