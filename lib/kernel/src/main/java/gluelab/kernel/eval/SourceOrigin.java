package gluelab.kernel.eval;

/**
 * Where evaluated code came from, as tracebacks name it: a cell ({@code Cell In[3]}, like Jupyter) or a file
 * loaded with {@code %load}. Keeps the full text so errors can quote the offending line.
 */
record SourceOrigin(String label, String text) {

    static SourceOrigin cell(int executionCount, String text) {
        return new SourceOrigin("Cell In[" + executionCount + "]", text);
    }
}
