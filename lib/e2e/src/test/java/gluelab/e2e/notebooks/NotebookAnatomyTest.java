package gluelab.e2e.notebooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gluelab.lab.LabHome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every notebook follows "Notebook anatomy" (DESIGN.md, notebooks/README.md): objectives, an architecture
 * picture, a safe-to-rerun setup, graded checks with nbgrader v3 metadata, a "try next", a clean-up last, the
 * Java (Glue Lab) kernel, and no outputs committed.
 */
class NotebookAnatomyTest {

    private static final Path HOME = LabHome.locate();

    static Stream<Path> notebooks() throws IOException {
        try (Stream<Path> files = Files.list(HOME.resolve("notebooks"))) {
            return files.filter(p -> p.getFileName().toString().endsWith(".ipynb")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notebooks")
    void theNotebookHasEveryPartOfTheAnatomyInOrder(Path notebook) throws IOException {
        JsonNode json = new ObjectMapper().readTree(notebook.toFile());
        String number = notebook.getFileName().toString().substring(0, 2);
        List<String> markdown = new ArrayList<>();
        List<String> code = new ArrayList<>();
        List<String> order = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Set<String> gradeIds = new HashSet<>();
        int checks = 0;
        for (JsonNode cell : json.get("cells")) {
            String source = text(cell.get("source"));
            boolean isCode = cell.get("cell_type").asText().equals("code");
            (isCode ? code : markdown).add(source);
            if (isCode && cell.path("outputs").size() > 0) {
                problems.add("a code cell has committed outputs: " + firstLine(source));
            }
            JsonNode grading = cell.path("metadata").path("nbgrader");
            if (grading.path("grade").asBoolean(false)) {
                checks++;
                if (grading.path("schema_version").asInt() != 3 || !grading.path("locked").asBoolean(false)
                        || !grading.has("points") || !grading.path("grade_id").asText().startsWith("nb" + number + "-")) {
                    problems.add("check cell " + grading.path("grade_id").asText()
                            + " lacks nbgrader v3 metadata (schema_version 3, locked, points, grade_id nb" + number + "-…)");
                }
                if (!gradeIds.add(grading.path("grade_id").asText())) {
                    problems.add("grade_id " + grading.path("grade_id").asText() + " is used twice");
                }
                order.add("checks");
            }
            if (!isCode && source.contains("## Learning objectives")) {
                order.add("objectives");
            }
            if (isCode && source.contains("Architecture.of(")) {
                order.add("architecture");
            }
            if (isCode && source.contains("Lab.connect(\"" + number + "\")") && source.contains("lab.reset()")) {
                order.add("setup");
            }
            if (!isCode && source.contains("## Try next")) {
                order.add("try next");
            }
        }
        if (!markdown.isEmpty() && !markdown.get(0).startsWith("# " + number + " ")) {
            problems.add("the first cell is not the title '# " + number + " · …'");
        }
        if (code.isEmpty() || !code.get(code.size() - 1).contains("lab.cleanUp()")) {
            problems.add("the last code cell is not the clean-up (lab.cleanUp())");
        }
        if (!json.path("metadata").path("kernelspec").path("name").asText().equals("java")) {
            problems.add("the kernelspec is not 'java' (Java (Glue Lab))");
        }
        assertThat(checks).as("graded checks in %s", notebook.getFileName()).isGreaterThanOrEqualTo(2);
        assertThat(problems).as("%s", notebook.getFileName()).isEmpty();
        assertThat(firstOccurrences(order)).as("the anatomy's order in %s", notebook.getFileName())
                .containsExactly("objectives", "architecture", "setup", "checks", "try next");
    }

    private static List<String> firstOccurrences(List<String> order) {
        List<String> first = new ArrayList<>();
        for (String part : order) {
            if (!first.contains(part)) {
                first.add(part);
            }
        }
        return first;
    }

    private static String text(JsonNode source) {
        if (source.isArray()) {
            StringBuilder joined = new StringBuilder();
            source.forEach(line -> joined.append(line.asText()));
            return joined.toString();
        }
        return source.asText();
    }

    private static String firstLine(String source) {
        int newline = source.indexOf('\n');
        return newline < 0 ? source : source.substring(0, newline);
    }
}
