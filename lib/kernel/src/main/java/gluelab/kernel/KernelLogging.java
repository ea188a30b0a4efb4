package gluelab.kernel;

import java.io.IOException;
import java.util.logging.FileHandler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Sends the kernel's own logging (java.util.logging, which the base kernel and JShell use) to a file in the
 * OS temp directory, so none of it can reach a notebook: {@code <tmp>/gluelab-kernel-<n>.log}, where
 * {@code n} tells concurrently running kernels apart. Appends, and starts over past 5 MB.
 */
final class KernelLogging {

    private static final String FILE_PATTERN = "%t/gluelab-kernel-%u.log";
    private static final int MAX_BYTES = 5_000_000;

    private KernelLogging() {
    }

    static void routeToFile() {
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        try {
            FileHandler file = new FileHandler(FILE_PATTERN, MAX_BYTES, 1, true);
            file.setFormatter(new SimpleFormatter());
            root.addHandler(file);
            root.setLevel(Level.INFO);
        } catch (IOException | SecurityException e) {
            // No writable temp directory: logging stays off rather than falling back to a console.
            root.setLevel(Level.OFF);
        }
    }
}
