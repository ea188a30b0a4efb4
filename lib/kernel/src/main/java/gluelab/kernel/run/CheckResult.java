package gluelab.kernel.run;

import gluelab.kernel.notebook.CheckSpec;

/**
 * How one check cell fared. {@code message} says why: the check's own first line of output when it passed,
 * the reason when it failed.
 */
public record CheckResult(int cellNumber, CheckSpec check, boolean passed, String message) {

    public double earnedPoints() {
        return passed ? check.points() : 0;
    }

    /** {@code ✔ <grade_id> (<points> pt): <message>} or {@code ✘ ...}: one line of a run's report. */
    public String reportLine() {
        return (passed ? "✔ " : "✘ ") + check.gradeId() + " (" + check.pointsText() + " pt): " + message;
    }
}
