package gluelab.kernel.eval.magic;

import gluelab.kernel.eval.CellFailure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@code %load <file>}: evaluates a file of Java snippets (declarations, statements) in the session. */
final class LoadMagic implements LineMagic {

    @Override
    public Object run(String argumentText, MagicContext context) throws MagicException, CellFailure {
        List<String> arguments = MagicArguments.split(argumentText);
        if (arguments.size() != 1) {
            throw new MagicException("%load takes exactly one file: %load <file>");
        }
        Path file = context.workingDirectory().resolve(arguments.get(0)).normalize();
        if (!Files.isRegularFile(file)) {
            throw new MagicException("%load: no file at " + file);
        }
        String source;
        try {
            source = Files.readString(file);
        } catch (IOException e) {
            throw new MagicException("%load: cannot read " + file + ": " + e.getMessage());
        }
        context.evaluateFile(file, source);
        return null;
    }
}
