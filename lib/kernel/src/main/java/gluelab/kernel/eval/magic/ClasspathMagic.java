package gluelab.kernel.eval.magic;

import java.nio.file.Path;
import java.util.List;

/** {@code %classpath <path>...}: adds directories or jars (globs allowed) to the class path. */
final class ClasspathMagic implements LineMagic {

    @Override
    public Object run(String arguments, MagicContext context) throws MagicException {
        for (String pattern : MagicArguments.required(arguments)) {
            List<Path> entries = PathGlob.expand(context.workingDirectory(), pattern);
            if (entries.isEmpty()) {
                throw new MagicException("%classpath: nothing at " + pattern + " (relative to " + context.workingDirectory() + ")");
            }
            entries.forEach(context::addToClasspath);
        }
        return null;
    }
}
