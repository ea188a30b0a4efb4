package gluelab.kernel.student;

/** A {@code // BEGIN SOLUTION} without its {@code // END SOLUTION}, or the other way round, at a named place. */
public final class UnbalancedSolutionMarkersException extends Exception {

    public UnbalancedSolutionMarkersException(String where, int line, String problem) {
        super(where + ", line " + line + ": " + problem);
    }
}
