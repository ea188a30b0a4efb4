package gluelab.kernel.eval.magic;

import gluelab.kernel.eval.CellFailure;

/** One {@code %%name arguments} cell magic: the cell's first line, which takes the rest of the cell as its body. */
@FunctionalInterface
public interface CellMagic {

    /** Runs the magic; returns the value the cell shows as its result, or null. */
    Object run(String arguments, String body, MagicContext context) throws MagicException, CellFailure;
}
