package gluelab.kernel.classroom;

import gluelab.kernel.edition.LabEdition;
import gluelab.kernel.grade.NotebookFinder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The learners in a folder of submissions, in either layout:
 * <ul>
 * <li>a learner edition per learner: {@code submissions/<learner>/notebooks/…} with {@code submissions/<learner>/labs/};</li>
 * <li>nbgrader's: {@code <course>/submitted/<student>/<assignment>/*.ipynb} (the course folder or its
 * {@code submitted/} may be named), with the assignment's {@code labs/} inside the assignment folder.</li>
 * </ul>
 * Hidden folders and Jupyter's {@code .ipynb_checkpoints} are never learners or notebooks.
 */
public final class Submissions {

    private static final String NBGRADER_SUBMITTED = "submitted";

    private Submissions() {
    }

    /** Every learner in {@code folder}, ordered by learner id. */
    public static List<Submission> in(Path folder) throws IOException {
        Path learners = Files.isDirectory(folder.resolve(NBGRADER_SUBMITTED)) ? folder.resolve(NBGRADER_SUBMITTED) : folder;
        List<Submission> submissions = new ArrayList<>();
        for (Path learner : subfolders(learners)) {
            Optional<Submission> submission = LabEdition.isEdition(learner) || Files.isDirectory(learner.resolve("notebooks"))
                    ? Optional.of(edition(learner)) : nbgrader(learner);
            submission.ifPresent(submissions::add);
        }
        return submissions;
    }

    /**
     * Whether {@code target} is a folder of submissions rather than one edition or a folder of notebooks: it is no
     * edition, lies in none, and holds at least one learner.
     */
    public static boolean isClass(Path target) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        if (!Files.isDirectory(absolute) || LabEdition.isEdition(absolute)
                || LabEdition.of(absolute.resolve("any.ipynb")).isPresent()) {
            return false;
        }
        return !in(absolute).isEmpty();
    }

    private static Submission edition(Path learner) throws IOException {
        Map<String, Path> notebooks = new LinkedHashMap<>();
        Path folder = learner.resolve("notebooks");
        for (Path notebook : Files.isDirectory(folder) ? NotebookFinder.below(folder) : List.<Path>of()) {
            notebooks.putIfAbsent(notebook.getFileName().toString(), notebook);
        }
        Path labs = learner.resolve("labs");
        return new Submission(learner.getFileName().toString(), learner, notebooks,
                Files.isDirectory(labs) ? List.of(labs) : List.of());
    }

    /** A student folder of nbgrader's {@code submitted/}: one folder per assignment, each with its notebooks. */
    private static Optional<Submission> nbgrader(Path student) throws IOException {
        Map<String, Path> notebooks = new LinkedHashMap<>();
        List<Path> labs = new ArrayList<>();
        for (Path assignment : subfolders(student)) {
            try (Stream<Path> files = Files.list(assignment)) {
                files.filter(Files::isRegularFile).filter(file -> file.getFileName().toString().endsWith(".ipynb")).sorted()
                        .forEach(notebook -> notebooks.putIfAbsent(notebook.getFileName().toString(), notebook));
            }
            if (Files.isDirectory(assignment.resolve("labs"))) {
                labs.add(assignment.resolve("labs"));
            }
        }
        return notebooks.isEmpty() ? Optional.empty()
                : Optional.of(new Submission(student.getFileName().toString(), student, notebooks, labs));
    }

    private static List<Path> subfolders(Path folder) throws IOException {
        try (Stream<Path> paths = Files.list(folder)) {
            return paths.filter(Files::isDirectory)
                    .filter(path -> !path.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        }
    }
}
