package gluelab.kernel.classroom;

import gluelab.kernel.grade.NotebookFinder;
import gluelab.kernel.notebook.Cell;
import gluelab.kernel.notebook.Notebook;
import gluelab.kernel.student.StudentEditionWriter;
import gluelab.kernel.testing.Fixtures;
import gluelab.lab.LabHome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CheckCellIntegrityTest {

    private static Notebook instructor() throws Exception {
        return Notebook.read(Fixtures.notebook("failed-check.ipynb"));
    }

    private static Cell cellWithGradeId(Notebook notebook, String gradeId) {
        return notebook.cells().stream().filter(cell -> cell.check().filter(check -> check.gradeId().equals(gradeId)).isPresent())
                .findFirst().orElseThrow();
    }

    @Test
    void anUntouchedCopyHasNoTampering() throws Exception {
        assertEquals(Map.of(), CheckCellIntegrity.compare(instructor(), instructor()));
    }

    @Test
    void anEditedCheckADeletedOneAndADuplicatedOneAreEachFlagged() throws Exception {
        Notebook learner = instructor();
        cellWithGradeId(learner, "three-rows").setSource("System.out.println(\"✔ three rows\");");
        cellWithGradeId(learner, "rows-present").nbgrader().orElseThrow().put("grade_id", "mine");
        Cell last = cellWithGradeId(learner, "runs-after-a-failed-check");
        cellWithGradeId(learner, "mine").nbgrader().orElseThrow().put("grade_id", "runs-after-a-failed-check");

        Map<String, Tampering> tampered = CheckCellIntegrity.compare(instructor(), learner);

        assertEquals(Map.of("three-rows", Tampering.EDITED, "rows-present", Tampering.DELETED,
                "runs-after-a-failed-check", Tampering.DUPLICATED), tampered);
        assertEquals("runs-after-a-failed-check", last.check().orElseThrow().gradeId());
    }

    @Test
    void raisingTheCheckPointsOrUnmarkingItAsACheckIsAnEditToo() throws Exception {
        Notebook morePoints = instructor();
        cellWithGradeId(morePoints, "three-rows").nbgrader().orElseThrow().put("points", 20);
        Notebook unmarked = instructor();
        cellWithGradeId(unmarked, "three-rows").nbgrader().orElseThrow().put("grade", false);

        assertEquals(Map.of("three-rows", Tampering.EDITED), CheckCellIntegrity.compare(instructor(), morePoints));
        assertEquals(Map.of("three-rows", Tampering.EDITED), CheckCellIntegrity.compare(instructor(), unmarked));
    }

    @Test
    void anEditedCheckIsPutBackAsTheInstructorWroteIt() throws Exception {
        Notebook learner = instructor();
        cellWithGradeId(learner, "three-rows").setSource("System.out.println(\"✔ three rows\");");
        cellWithGradeId(learner, "three-rows").nbgrader().orElseThrow().put("points", 20);

        CheckCellIntegrity.restoreEdited(instructor(), learner, CheckCellIntegrity.compare(instructor(), learner));

        assertEquals(Map.of(), CheckCellIntegrity.compare(instructor(), learner));
        assertEquals(cellWithGradeId(instructor(), "three-rows").source(), cellWithGradeId(learner, "three-rows").source());
    }

    /** Writing the learner edition never changes a check cell, so an untouched learner edition is never flagged. */
    @Test
    void everyNotebooksLearnerEditionKeepsItsChecksAsTheInstructorWroteThem(@TempDir Path learnerEdition) throws Exception {
        Path home = LabHome.locate();
        StudentEditionWriter.write(home, learnerEdition);
        for (Path notebook : NotebookFinder.below(home.resolve("notebooks"))) {
            Notebook learner = Notebook.read(learnerEdition.resolve("notebooks").resolve(notebook.getFileName()));
            assertEquals(Map.of(), CheckCellIntegrity.compare(Notebook.read(notebook), learner), notebook.getFileName().toString());
        }
    }
}
