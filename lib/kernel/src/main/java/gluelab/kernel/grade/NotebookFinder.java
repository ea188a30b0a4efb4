package gluelab.kernel.grade;

import gluelab.kernel.edition.LabEdition;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a grading target means: one notebook; a {@link LabEdition}'s root, meaning the notebooks in its
 * {@code notebooks/}; or any other directory, meaning every {@code *.ipynb} below it. Jupyter's
 * {@code .ipynb_checkpoints} copies are never graded.
 */
public final class NotebookFinder {

    private NotebookFinder() {
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
        return below(LabEdition.isEdition(target) ? target.resolve("notebooks") : target);
    }

    /** Every {@code *.ipynb} below {@code root}, in path order, without Jupyter's checkpoint copies. */
    public static List<Path> below(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(Files::isRegularFile)
                    .filter(path -> path.getFileName().toString().endsWith(".ipynb"))
                    .filter(path -> !inCheckpoints(root.relativize(path)))
                    .sorted()
                    .toList();
        }
    }
}
