package gluelab.kernel.eval;

/** Stops a cell's evaluation, carrying the error the cell reports. */
public final class CellFailure extends Exception {

    private final transient CellError error;

    public CellFailure(CellError error) {
        super(error.ename() + ": " + error.evalue(), null, false, false);
        this.error = error;
    }

    public CellError error() {
        return error;
    }
}
