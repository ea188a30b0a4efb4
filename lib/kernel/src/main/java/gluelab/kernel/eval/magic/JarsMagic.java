package gluelab.kernel.eval.magic;

import java.nio.file.Path;
import java.util.List;

/** {@code %jars <glob>...}: adds the jars each pattern matches to the class path. */
final class JarsMagic implements LineMagic {

    @Override
    public Object run(String arguments, MagicContext context) throws MagicException {
        for (String pattern : MagicArguments.required(arguments)) {
            List<Path> jars = PathGlob.expand(context.workingDirectory(), pattern).stream()
                    .filter(path -> path.getFileName().toString().endsWith(".jar"))
                    .toList();
            if (jars.isEmpty()) {
                throw new MagicException("%jars: no jar matches " + pattern + " (relative to " + context.workingDirectory() + ")");
            }
            jars.forEach(context::addToClasspath);
        }
        return null;
    }
}
