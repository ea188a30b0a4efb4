package gluelab.kernel.classroom;

import gluelab.kernel.notebook.Cell;
import gluelab.kernel.notebook.NbgraderChecksum;
import gluelab.kernel.notebook.Notebook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Compares a learner's check cells with the instructor's, by {@code grade_id}, with the checksums nbgrader computes
 * ({@link NbgraderChecksum}): never with a checksum the learner's notebook carries, which they could have edited
 * too. A check the learner edited is put back as the instructor wrote it before the notebook runs, so what runs is
 * the instructor's check; it scores 0 all the same.
 */
public final class CheckCellIntegrity {

    private CheckCellIntegrity() {
    }

    /** The checks of the instructor's notebook that the learner edited, deleted or duplicated, in notebook order. */
    public static Map<String, Tampering> compare(Notebook instructor, Notebook learner) {
        Map<String, Tampering> tampered = new LinkedHashMap<>();
        for (Cell check : checkCells(instructor)) {
            String gradeId = check.check().orElseThrow().gradeId();
            List<Cell> found = cellsWithGradeId(learner, gradeId);
            if (found.isEmpty()) {
                tampered.put(gradeId, Tampering.DELETED);
            } else if (found.size() > 1) {
                tampered.put(gradeId, Tampering.DUPLICATED);
            } else if (!NbgraderChecksum.of(check).equals(NbgraderChecksum.of(found.get(0)))) {
                tampered.put(gradeId, Tampering.EDITED);
            }
        }
        return tampered;
    }

    /** Puts the instructor's source and nbgrader metadata back into every check cell the learner edited. */
    public static void restoreEdited(Notebook instructor, Notebook learner, Map<String, Tampering> tampered) {
        for (Cell check : checkCells(instructor)) {
            String gradeId = check.check().orElseThrow().gradeId();
            if (tampered.get(gradeId) == Tampering.EDITED) {
                Cell edited = cellsWithGradeId(learner, gradeId).get(0);
                edited.setSource(check.source());
                edited.metadata().set("nbgrader", check.nbgrader().orElseThrow().deepCopy());
            }
        }
    }

    static List<Cell> checkCells(Notebook notebook) {
        List<Cell> checks = new ArrayList<>();
        for (Cell cell : notebook.cells()) {
            cell.check().ifPresent(spec -> checks.add(cell));
        }
        return checks;
    }

    private static List<Cell> cellsWithGradeId(Notebook notebook, String gradeId) {
        List<Cell> cells = new ArrayList<>();
        for (Cell cell : notebook.cells()) {
            Optional<String> id = cell.nbgrader().map(nbgrader -> nbgrader.path("grade_id").asText());
            if (id.filter(gradeId::equals).isPresent()) {
                cells.add(cell);
            }
        }
        return cells;
    }
}
