package gluelab.kernel.student;

import gluelab.kernel.student.SolutionRegions.Context;
import gluelab.kernel.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SolutionRegionsTest {

    @Test
    void aRegionBecomesYourCodeHereAndAStubNamedByItsFirstComment() throws Exception {
        String instructor = """
                int total = 0;
                // BEGIN SOLUTION
                // Add up the "amount" column.
                for (var row : rows) {
                    total += row.amount();
                }
                // END SOLUTION
                System.out.println(total);
                """;
        SolutionRegions.Result learner = SolutionRegions.replace(instructor, Context.NOTEBOOK_CELL, "nb, cell 2");
        assertEquals("""
                int total = 0;
                // YOUR CODE HERE
                throw new UnsupportedOperationException("Exercise: Add up the \\"amount\\" column. (see the markdown above)");
                System.out.println(total);
                """, learner.text());
        assertEquals(1, learner.regions());
    }

    @Test
    void aRegionWithoutACommentAsksToWriteThisStep() throws Exception {
        String learner = SolutionRegions.replace("// BEGIN SOLUTION\nvar x = 1;\n// END SOLUTION\n", Context.NOTEBOOK_CELL, "nb").text();
        assertEquals("// YOUR CODE HERE\nthrow new UnsupportedOperationException(\"Exercise: write this step (see the markdown above)\");\n", learner);
    }

    @Test
    void inAMethodBodyTheStubKeepsTheIndentationAndTheFileCompiles(@TempDir Path classes) throws Exception {
        String instructor = """
                class Pipeline {
                    int rowsWritten(java.util.List<String> rows) {
                        int written;
                        // BEGIN SOLUTION
                        // Count the non-blank rows.
                        written = (int) rows.stream().filter(r -> !r.isBlank()).count();
                        // END SOLUTION
                        return written;
                    }

                    String name() {
                        // BEGIN SOLUTION
                        return "orders";
                        // END SOLUTION
                    }
                }
                """;
        String learner = SolutionRegions.replace(instructor, Context.LAB_SOURCE, "labs/01/Pipeline.java").text();
        assertEquals("""
                class Pipeline {
                    int rowsWritten(java.util.List<String> rows) {
                        int written;
                        // YOUR CODE HERE
                        if (true) throw new UnsupportedOperationException("Exercise: Count the non-blank rows. (see the notebook)");
                        return written;
                    }

                    String name() {
                        // YOUR CODE HERE
                        throw new UnsupportedOperationException("Exercise: write this step (see the notebook)");
                    }
                }
                """, learner);
        // The code after a stub must stay reachable and the method must still end: the learner edition compiles.
        assertDoesNotThrow(() -> Fixtures.compile("Pipeline", learner, classes));
    }

    @Test
    void markersInsideATextBlockAreText() throws Exception {
        String source = "String help = \"\"\"\n// BEGIN SOLUTION\n\"\"\";\n";
        assertEquals(source, SolutionRegions.replace(source, Context.NOTEBOOK_CELL, "nb").text());
    }

    @Test
    void aBeginWithoutAnEndNamesTheFileAndLine() {
        var error = assertThrows(UnbalancedSolutionMarkersException.class, () -> SolutionRegions.replace(
                "class Job {\n  void run() {\n    // BEGIN SOLUTION\n    work();\n  }\n}\n", Context.LAB_SOURCE, "labs/02-join/Job.java"));
        assertEquals("labs/02-join/Job.java, line 3: BEGIN SOLUTION without an END SOLUTION after it", error.getMessage());
    }

    @Test
    void anEndWithoutABeginNamesTheCellAndLine() {
        var error = assertThrows(UnbalancedSolutionMarkersException.class, () -> SolutionRegions.replace(
                "var x = 1;\n// END SOLUTION\n", Context.NOTEBOOK_CELL, "notebooks/03-x.ipynb, cell 4"));
        assertEquals("notebooks/03-x.ipynb, cell 4, line 2: END SOLUTION without a BEGIN SOLUTION before it", error.getMessage());
    }

    @Test
    void regionsCannotNest() {
        var error = assertThrows(UnbalancedSolutionMarkersException.class, () -> SolutionRegions.replace(
                "// BEGIN SOLUTION\n// BEGIN SOLUTION\n// END SOLUTION\n// END SOLUTION\n", Context.NOTEBOOK_CELL, "nb"));
        assertEquals("nb, line 2: BEGIN SOLUTION inside the region opened at line 1; regions cannot nest", error.getMessage());
    }
}
