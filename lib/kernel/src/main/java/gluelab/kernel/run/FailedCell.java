package gluelab.kernel.run;

import gluelab.kernel.eval.CellError;

/**
 * A cell that is not a check and failed, which stops the run; numbered from 1 among all cells. {@code timedOut}: it
 * was stopped for running longer than its time limit.
 */
public record FailedCell(int cellNumber, String firstLine, CellError error, boolean timedOut) {

    public FailedCell(int cellNumber, String firstLine, CellError error) {
        this(cellNumber, firstLine, error, false);
    }

    public String reportLine() {
        return "✘ cell " + cellNumber + (timedOut ? " timed out (" : " failed (") + firstLine + "): " + error.ename() + ": "
                + error.reason();
    }
}
