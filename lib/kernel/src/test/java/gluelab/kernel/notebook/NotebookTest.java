package gluelab.kernel.notebook;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import gluelab.kernel.testing.Fixtures;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NotebookTest {

    @Test
    void writingANotebookReproducesTheFileJupyterWrote() throws Exception {
        for (String name : List.of("all-pass.ipynb", "rich-display.ipynb", "language-features.ipynb")) {
            Path fixture = Fixtures.notebook(name);
            assertEquals(Files.readString(fixture), Notebook.read(fixture).toJson(), name);
        }
    }

    @Test
    void multilineStringsAreStoredAsLinesKeepingTheirNewlines() {
        assertEquals(List.of("a\n", "b\n", "c"), MultilineText.splitLines("a\nb\nc"));
        assertEquals(List.of("a\n"), MultilineText.splitLines("a\n"));
        ArrayNode lines = JsonNodeFactory.instance.arrayNode().add("x\n").add("y");
        assertEquals("x\ny", MultilineText.read(lines));
        assertEquals("plain", MultilineText.read(JsonNodeFactory.instance.textNode("plain")));
    }

    @Test
    void aCheckCellIsACodeCellWhoseNbgraderMetadataSaysGrade() throws Exception {
        List<Cell> cells = Notebook.read(Fixtures.notebook("all-pass.ipynb")).cells();
        List<CheckSpec> checks = cells.stream().flatMap(cell -> cell.check().stream()).toList();
        assertEquals(List.of(new CheckSpec("orders-loaded", 1), new CheckSpec("total-amount", 2)), checks);
        assertTrue(cells.get(1).check().isEmpty());
        assertEquals("2", new CheckSpec("x", 2).pointsText());
        assertEquals("0.5", new CheckSpec("x", 0.5).pointsText());
    }
}
