package gluelab.kernel.eval.magic;

import java.nio.file.Path;
import java.util.List;

/** {@code %jars <glob>...}: adds the jars each pattern matches to the class path. */
final class JarsMagic implements LineMagic {

    @Override
    public void run(List<String> arguments, MagicContext context) throws MagicException {
        for (String pattern : LineMagics.requireArguments("jars", arguments, "%jars <path or glob of jars>...")) {
            List<Path> jars = PathGlob.expand(context.workingDirectory(), pattern).stream()
                    .filter(path -> path.getFileName().toString().endsWith(".jar"))
                    .toList();
            if (jars.isEmpty()) {
                throw new MagicException("%jars: no jar matches " + pattern + " (relative to " + context.workingDirectory() + ")");
            }
            jars.forEach(context::addToClasspath);
        }
    }
}
