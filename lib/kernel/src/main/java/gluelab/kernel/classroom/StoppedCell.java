package gluelab.kernel.classroom;

/** The cell that stopped a learner's notebook: a failure, a compiler error, or a time limit. */
public record StoppedCell(int cellNumber, String firstLine, String ename, String evalue, boolean timedOut) {

    /** JShell's name for a cell the compiler rejected, and the lab's for {@code labs/} sources that do not compile. */
    private static final String CELL_COMPILATION_ERROR = "CompilationError";
    private static final String LABS_COMPILATION_ERROR = "JobCompileException";

    public boolean doesNotCompile() {
        return ename.equals(CELL_COMPILATION_ERROR) || ename.endsWith(LABS_COMPILATION_ERROR);
    }
}
