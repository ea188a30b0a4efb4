package gluelab.kernel.run;

import gluelab.kernel.eval.CellError;

/** A cell that is not a check and failed, which stops the run; numbered from 1 among all cells. */
public record FailedCell(int cellNumber, String firstLine, CellError error) {

    public String reportLine() {
        return "✘ cell " + cellNumber + " failed (" + firstLine + "): " + error.ename() + ": " + error.reason();
    }
}
