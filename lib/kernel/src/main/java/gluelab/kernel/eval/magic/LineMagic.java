package gluelab.kernel.eval.magic;

import gluelab.kernel.eval.CellFailure;

import java.util.List;

/** One {@code %name args...} line magic. */
@FunctionalInterface
public interface LineMagic {
    void run(List<String> arguments, MagicContext context) throws MagicException, CellFailure;
}
