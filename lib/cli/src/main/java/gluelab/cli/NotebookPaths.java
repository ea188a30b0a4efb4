package gluelab.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Turns what a user types ({@code 01}, {@code 1}, {@code 01-csv-to-parquet} or a path) into a notebook. */
final class NotebookPaths {

    private NotebookPaths() {
    }

    static Path resolve(Path home, String given) {
        Path asPath = Path.of(given);
        if (given.endsWith(".ipynb") || Files.isRegularFile(asPath)) {
            if (!Files.isRegularFile(asPath)) {
                throw new IllegalArgumentException("There is no notebook " + given);
            }
            return asPath.toAbsolutePath();
        }
        String prefix = given.matches("\\d+") ? String.format("%02d", Integer.parseInt(given)) : given;
        Path notebooks = home.resolve("notebooks");
        if (!Files.isDirectory(notebooks)) {
            throw new IllegalArgumentException("There is no notebooks/ folder in " + home);
        }
        try (Stream<Path> files = Files.list(notebooks)) {
            List<Path> matches = files
                    .filter(p -> p.getFileName().toString().endsWith(".ipynb"))
                    .filter(p -> p.getFileName().toString().equals(prefix + ".ipynb")
                            || p.getFileName().toString().startsWith(prefix + "-"))
                    .sorted().toList();
            if (matches.size() == 1) {
                return matches.get(0);
            }
            throw new IllegalArgumentException(matches.isEmpty()
                    ? "There is no notebook " + given + " in notebooks/"
                    : "'" + given + "' names several notebooks: " + matches);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + notebooks, e);
        }
    }
}
