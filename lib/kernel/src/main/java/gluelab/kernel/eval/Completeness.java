package gluelab.kernel.eval;

/** Whether a cell's code is ready to run, as Jupyter's {@code is_complete_request} asks. */
public enum Completeness {
    COMPLETE,
    INCOMPLETE,
    INVALID
}
