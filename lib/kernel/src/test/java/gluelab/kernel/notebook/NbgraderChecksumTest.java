package gluelab.kernel.notebook;

import gluelab.kernel.testing.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The expected values were computed with nbgrader's {@code compute_checksum} transcribed to Python ({@code hashlib.md5}
 * over the source, the cell type, {@code str()} of is_grade, is_solution and is_locked, the grade_id, and
 * {@code str(float(points))} for a grade cell), over the same cells.
 */
class NbgraderChecksumTest {

    @Test
    void aCheckCellsChecksumIsNbgradersAndAnEditChangesIt() throws Exception {
        List<Cell> cells = Notebook.read(Fixtures.notebook("failed-check.ipynb")).cells();
        Cell check = cells.stream().filter(cell -> cell.check().isPresent()).findFirst().orElseThrow();
        String nbgrader = NbgraderChecksum.of(check).orElseThrow();
        assertEquals(EXPECTED_FAILED_CHECK_FIRST, nbgrader);

        check.setSource(check.source() + "\n// looks harmless");
        assertNotEquals(nbgrader, NbgraderChecksum.of(check).orElseThrow());
    }

    @Test
    void pointsCountAsPythonWritesAFloat() throws Exception {
        Cell check = Notebook.read(Fixtures.notebook("failed-check.ipynb")).cells().stream()
                .filter(cell -> cell.check().isPresent()).findFirst().orElseThrow();
        String before = NbgraderChecksum.of(check).orElseThrow();
        check.nbgrader().orElseThrow().put("points", 1.0);
        assertEquals(before, NbgraderChecksum.of(check).orElseThrow(), "1 and 1.0 are the same float to nbgrader");
        check.nbgrader().orElseThrow().put("points", 5);
        assertNotEquals(before, NbgraderChecksum.of(check).orElseThrow(), "more points is an edit");
        assertEquals("2.0", NbgraderChecksum.pythonFloat(2));
        assertEquals("0.5", NbgraderChecksum.pythonFloat(0.5));
    }

    @Test
    void onlyGradeSolutionAndLockedCellsHaveOne() throws Exception {
        List<Cell> cells = Notebook.read(Fixtures.notebook("failed-check.ipynb")).cells();
        Cell markdown = cells.get(0);
        assertFalse(NbgraderChecksum.kept(markdown));
        assertTrue(NbgraderChecksum.of(markdown).isEmpty());
        assertTrue(cells.stream().filter(cell -> cell.check().isPresent()).allMatch(NbgraderChecksum::kept));
    }

    private static final String EXPECTED_FAILED_CHECK_FIRST = "6496ffbef8683a3e54f2aa5f47674009";
}
