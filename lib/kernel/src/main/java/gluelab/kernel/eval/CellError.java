package gluelab.kernel.eval;

import java.util.List;
import java.util.Objects;

/**
 * A failed cell, in the shape of Jupyter's {@code error} output: the exception name, its message and the
 * traceback lines shown to the learner.
 */
public record CellError(String ename, String evalue, List<String> traceback) {

    public CellError {
        Objects.requireNonNull(ename);
        evalue = evalue == null ? "" : evalue;
        traceback = List.copyOf(traceback);
    }

    /** Why the cell failed, in one line: the message, or the exception name when there is no message. */
    public String reason() {
        return evalue.isBlank() ? ename : evalue;
    }
}
