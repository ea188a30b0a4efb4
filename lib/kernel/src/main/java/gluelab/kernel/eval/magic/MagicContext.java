package gluelab.kernel.eval.magic;

import gluelab.kernel.eval.CellFailure;

import java.nio.file.Path;

/** What a line magic may do to the session it runs in. */
public interface MagicContext {

    /** The directory relative paths in magic arguments resolve against: the notebook's own directory. */
    Path workingDirectory();

    /** Makes a jar or class directory visible to the compiler and to the code of later snippets. */
    void addToClasspath(Path entry);

    /** Evaluates a file of Java snippets as if its text were part of the cell. */
    void evaluateFile(Path file, String source) throws CellFailure;
}
