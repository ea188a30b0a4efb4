package gluelab.kernel.eval.magic;

import gluelab.kernel.eval.CellFailure;

/** One {@code %name arguments} line magic. */
@FunctionalInterface
public interface LineMagic {

    /**
     * Runs the magic on the text after its name; returns the value the line stands for when it ends a cell (as
     * {@code %time f()} does), or null.
     */
    Object run(String arguments, MagicContext context) throws MagicException, CellFailure;
}
