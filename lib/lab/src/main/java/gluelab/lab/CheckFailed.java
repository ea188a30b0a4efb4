package gluelab.lab;

/**
 * A check did not hold. Its message is the whole story ({@code ✘ what — why}), so it carries no stack trace:
 * the notebook shows the message as the cell's error, and the grader uses it as the reason.
 */
public final class CheckFailed extends AssertionError {

    private final transient CheckResult result;

    CheckFailed(CheckResult result) {
        super(result.line());
        this.result = result;
        setStackTrace(new StackTraceElement[0]);
    }

    public CheckResult result() {
        return result;
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
