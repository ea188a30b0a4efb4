package gluelab.kernel.edition;

import gluelab.lab.LabHome;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A lab edition: the instructor's checkout, or a learner edition written by {@code ./lab student}. It is a
 * folder with {@code notebooks/} and {@code labs/}; a notebook in it deploys that edition's own {@code labs/}
 * sources. Which edition a notebook belongs to is read from the notebook's own location, never from where the
 * grader or runner was started, so a learner's notebook is never run against the instructor's solutions.
 */
public record LabEdition(Path root) {

    public LabEdition {
        root = root.toAbsolutePath().normalize();
    }

    /**
     * The edition holding {@code notebook}: the nearest folder above it whose {@code notebooks/} contains the
     * notebook (at any depth) and which has a {@code labs/} beside it. Empty when the notebook is in no edition.
     */
    public static Optional<LabEdition> of(Path notebook) {
        Path absolute = notebook.toAbsolutePath().normalize();
        for (Path folder = absolute.getParent(); folder != null; folder = folder.getParent()) {
            Path root = folder.getParent();
            if (root != null && folder.getFileName().toString().equals("notebooks") && isEdition(root)) {
                return Optional.of(new LabEdition(root));
            }
        }
        return Optional.empty();
    }

    /** Whether {@code folder} is an edition's root: it has {@code notebooks/} and {@code labs/}. */
    public static boolean isEdition(Path folder) {
        return Files.isDirectory(folder.resolve("notebooks")) && Files.isDirectory(folder.resolve("labs"));
    }

    /** Why a notebook outside any edition cannot be run or graded. */
    public static String notInAnEdition(Path notebook) {
        return notebook + " is not in a lab edition: a notebook must sit in the notebooks/ folder of a checkout or learner"
                + " edition, beside the labs/ folder it deploys";
    }

    /** What a notebook run does while this edition is the lab home. */
    @FunctionalInterface
    public interface Work<T> {
        T run() throws IOException;
    }

    /**
     * Runs {@code work} with {@value LabHome#HOME_PROPERTY} naming this edition, so the notebook's {@code lab}
     * calls package this edition's {@code labs/} and read its {@code data/}; the previous value is put back after.
     */
    public <T> T asLabHome(Work<T> work) throws IOException {
        String previous = System.getProperty(LabHome.HOME_PROPERTY);
        System.setProperty(LabHome.HOME_PROPERTY, root.toString());
        try {
            return work.run();
        } finally {
            if (previous == null) {
                System.clearProperty(LabHome.HOME_PROPERTY);
            } else {
                System.setProperty(LabHome.HOME_PROPERTY, previous);
            }
        }
    }
}
