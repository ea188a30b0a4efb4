package gluelab.kernel;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Standard output for the command-line reports, in UTF-8 whatever the locale: Java 17 encodes
 * {@code System.out} with the platform charset, and under {@code LANG=C} (common in containers) every ✔ and
 * ✘ would print as {@code ?}.
 */
public final class Utf8Console {

    private Utf8Console() {
    }

    public static PrintStream stdout() {
        return new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    }
}
