package gluelab.lab;

/**
 * The outcome of one check, as a runner or grader reads it from {@link Check#results()}.
 *
 * @param description what was checked
 * @param passed      whether it held
 * @param reason      why it failed; null when it passed
 * @param points      what the check is worth, or null when it did not say
 */
public record CheckResult(String description, boolean passed, String reason, Integer points) {

    /** The line shown for it: {@code ✔ description} or {@code ✘ description — reason}. */
    public String line() {
        return passed ? "✔ " + description : "✘ " + description + " — " + reason;
    }
}
