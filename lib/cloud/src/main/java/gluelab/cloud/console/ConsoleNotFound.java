package gluelab.cloud.console;

/** No console page is at a path, or the resource a page would show does not exist. */
public final class ConsoleNotFound extends RuntimeException {

    public ConsoleNotFound(String message) {
        super(message, null, false, false);
    }
}
