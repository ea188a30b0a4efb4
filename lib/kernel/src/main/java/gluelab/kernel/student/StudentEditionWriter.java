package gluelab.kernel.student;

import com.fasterxml.jackson.databind.node.ObjectNode;
import gluelab.kernel.Utf8Console;
import gluelab.kernel.notebook.Cell;
import gluelab.kernel.notebook.NbgraderChecksum;
import gluelab.kernel.notebook.Notebook;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code StudentEditionWriter <repoRoot> <outDir>}: writes the learner edition of {@code notebooks/} and
 * {@code labs/}, with the sample data of {@code data/} beside them. Solution regions in notebook code cells and in Java sources ({@code .java}, {@code .jsh})
 * become stubs that fail naming the exercise; notebooks lose their outputs, keep their nbgrader metadata, and
 * cells that held a solution are marked {@code nbgrader.solution = true}. As nbgrader's release step does, grade,
 * solution and locked cells carry their {@code checksum} and {@code cell_type}. Everything else is copied as is.
 *
 * <p>All files are prepared before any is written, so unbalanced markers anywhere leave the output untouched.
 */
public final class StudentEditionWriter {

    /** What a learner needs: the notebooks, the lab sources they deploy, and the sample data they read. */
    static final List<String> EDITION_DIRECTORIES = List.of("notebooks", "labs", "data");

    /** What was written, for the summary line. */
    public record Summary(int notebooks, int javaSources, int otherFiles, int regions) {

        public String describe(Path outDir) {
            return "wrote the learner edition to " + outDir + ": " + notebooks + " notebooks, " + javaSources
                    + " Java sources, " + otherFiles + " other files; " + regions + " solution regions replaced";
        }
    }

    private record OutputFile(Path relative, byte[] content) {
    }

    private static final class Tally {
        int notebooks;
        int javaSources;
        int otherFiles;
        int regions;

        Summary summary() {
            return new Summary(notebooks, javaSources, otherFiles, regions);
        }
    }

    private StudentEditionWriter() {
    }

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: StudentEditionWriter <repoRoot> <outDir>");
            System.exit(2);
        }
        Path outDir = Path.of(args[1]);
        PrintStream out = Utf8Console.stdout();
        try {
            out.println(write(Path.of(args[0]), outDir).describe(outDir));
        } catch (UnbalancedSolutionMarkersException | IOException | IllegalArgumentException e) {
            out.println("✘ " + e.getMessage());
            System.exit(1);
        }
    }

    public static Summary write(Path repoRoot, Path outDir) throws IOException, UnbalancedSolutionMarkersException {
        Path root = repoRoot.toAbsolutePath().normalize();
        Path out = outDir.toAbsolutePath().normalize();
        for (String directory : EDITION_DIRECTORIES) {
            if (out.equals(root) || out.startsWith(root.resolve(directory))) {
                throw new IllegalArgumentException("the learner edition cannot be written over the instructor's " + out);
            }
        }
        List<OutputFile> files = new ArrayList<>();
        Tally tally = new Tally();
        for (String directory : EDITION_DIRECTORIES) {
            Path source = root.resolve(directory);
            if (!Files.isDirectory(source)) {
                continue;
            }
            for (Path file : listFiles(source)) {
                Path relative = root.relativize(file);
                String name = file.getFileName().toString();
                if (name.endsWith(".ipynb")) {
                    files.add(new OutputFile(relative, learnerNotebook(file, relative, tally).getBytes(StandardCharsets.UTF_8)));
                    tally.notebooks++;
                } else if (name.endsWith(".java") || name.endsWith(".jsh")) {
                    SolutionRegions.Result result = SolutionRegions.replace(Files.readString(file),
                            SolutionRegions.Context.LAB_SOURCE, relative.toString());
                    files.add(new OutputFile(relative, result.text().getBytes(StandardCharsets.UTF_8)));
                    tally.javaSources++;
                    tally.regions += result.regions();
                } else {
                    files.add(new OutputFile(relative, Files.readAllBytes(file)));
                    tally.otherFiles++;
                }
            }
        }
        for (OutputFile file : files) {
            Path target = out.resolve(file.relative().toString());
            Files.createDirectories(target.getParent());
            Files.write(target, file.content());
        }
        return tally.summary();
    }

    private static String learnerNotebook(Path file, Path relative, Tally tally) throws IOException, UnbalancedSolutionMarkersException {
        Notebook notebook = Notebook.read(file);
        List<Cell> cells = notebook.cells();
        for (int index = 0; index < cells.size(); index++) {
            Cell cell = cells.get(index);
            if (cell.isCode()) {
                cell.clearOutputs();
                String source = cell.source();
                if (SolutionRegions.hasMarkers(source)) {
                    SolutionRegions.Result result = SolutionRegions.replace(source, SolutionRegions.Context.NOTEBOOK_CELL,
                            relative + ", cell " + (index + 1));
                    if (result.regions() > 0) {
                        cell.setSource(result.text());
                        markAsSolution(cell, index + 1);
                        tally.regions += result.regions();
                    }
                }
            }
            keepChecksum(cell);
        }
        return notebook.toJson();
    }

    /**
     * As nbgrader's release step does: a grade, solution or locked cell keeps the checksum of what the learner is
     * given, and its cell type, so nbgrader's own tools (and ours) can tell when a learner edited a locked cell.
     */
    private static void keepChecksum(Cell cell) {
        if (NbgraderChecksum.kept(cell)) {
            ObjectNode nbgrader = cell.nbgrader().orElseThrow();
            nbgrader.put("checksum", NbgraderChecksum.of(cell).orElseThrow());
            nbgrader.put("cell_type", cell.type());
        }
    }

    /** nbgrader v3: a cell the learner writes is a solution cell; cells without nbgrader metadata get it. */
    private static void markAsSolution(Cell cell, int cellNumber) {
        ObjectNode nbgrader = cell.nbgrader().orElseGet(() -> {
            ObjectNode created = cell.metadata().putObject("nbgrader");
            created.put("grade", false);
            created.put("grade_id", "solution-cell-" + cellNumber);
            created.put("locked", false);
            created.put("schema_version", 3);
            created.put("task", false);
            return created;
        });
        nbgrader.put("solution", true);
    }

    private static List<Path> listFiles(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            return paths.filter(Files::isRegularFile)
                    .filter(path -> !directory.relativize(path).toString().contains(".ipynb_checkpoints"))
                    .sorted()
                    .toList();
        }
    }
}
