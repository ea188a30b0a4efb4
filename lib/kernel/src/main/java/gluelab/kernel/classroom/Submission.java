package gluelab.kernel.classroom;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What one learner handed in: their notebooks by file name, and the {@code labs/} folders those notebooks deploy
 * (one for a learner edition, one per assignment in nbgrader's layout, where it is inside the assignment).
 */
public record Submission(String learnerId, Path folder, Map<String, Path> notebooks, List<Path> labsFolders) {

    public Submission {
        notebooks = Map.copyOf(notebooks);
        labsFolders = List.copyOf(labsFolders);
    }
}
