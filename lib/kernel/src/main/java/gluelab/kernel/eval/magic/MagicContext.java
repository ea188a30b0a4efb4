package gluelab.kernel.eval.magic;

import gluelab.kernel.eval.CellFailure;

import java.nio.file.Path;

/** What a magic may do to the session it runs in. */
public interface MagicContext {

    /** The directory relative paths in magic arguments resolve against: the notebook's own directory. */
    Path workingDirectory();

    /** Makes a jar or class directory visible to the compiler and to the code of later snippets. */
    void addToClasspath(Path entry);

    /** Evaluates a file of Java snippets as if its text were part of the cell. */
    void evaluateFile(Path file, String source) throws CellFailure;

    /**
     * Evaluates cell text given to the magic (its arguments or its body: Java code, and line magics) as the cell
     * would; errors point at the cell's own lines. Returns the value of the last expression, or null.
     */
    Object evaluate(String code) throws CellFailure;
}
