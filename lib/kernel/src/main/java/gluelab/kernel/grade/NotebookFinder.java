package gluelab.kernel.grade;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a grading target means: one notebook; a lab checkout or learner edition (a directory with a
 * {@code notebooks/} directory), meaning the notebooks in it; or any other directory, meaning every
 * {@code *.ipynb} below it. Jupyter's {@code .ipynb_checkpoints} copies are never graded.
 */
final class NotebookFinder {

    private NotebookFinder() {
    }

    /** A checkout or learner edition: its notebooks are graded against its own {@code labs/}. */
    static boolean isEditionRoot(Path directory) {
        return Files.isDirectory(directory.resolve("notebooks"));
    }

    /**
     * The checkout or learner edition that {@code target} is, or whose {@code notebooks/} holds the notebook
     * {@code target}; null for anything else (a loose notebook, a course directory).
     */
    static Path editionRootOf(Path target) {
        if (Files.isDirectory(target)) {
            return isEditionRoot(target) ? target : null;
        }
        Path folder = target.getParent();
        if (folder != null && folder.getFileName() != null && folder.getFileName().toString().equals("notebooks")
                && folder.getParent() != null && isEditionRoot(folder.getParent())) {
            return folder.getParent();
        }
        return null;
    }

    private static boolean inCheckpoints(Path relative) {
        for (Path part : relative) {
            if (part.toString().equals(".ipynb_checkpoints")) {
                return true;
            }
        }
        return false;
    }

    static List<Path> find(Path target) throws IOException {
        if (Files.isRegularFile(target)) {
            return List.of(target);
        }
        if (!Files.isDirectory(target)) {
            throw new IOException("no notebook or directory at " + target);
        }
        Path root = isEditionRoot(target) ? target.resolve("notebooks") : target;
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(Files::isRegularFile)
                    .filter(path -> path.getFileName().toString().endsWith(".ipynb"))
                    .filter(path -> !inCheckpoints(root.relativize(path)))
                    .sorted()
                    .toList();
        }
    }
}
