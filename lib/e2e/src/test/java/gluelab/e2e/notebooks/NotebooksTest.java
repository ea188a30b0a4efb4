package gluelab.e2e.notebooks;

import static org.assertj.core.api.Assertions.assertThat;

import gluelab.cloud.LabCloudConfig;
import gluelab.cloud.testing.RunningLabCloud;
import gluelab.kernel.classroom.FileTrees;
import gluelab.kernel.edition.LabEdition;
import gluelab.kernel.grade.GradeReport;
import gluelab.kernel.grade.Grader;
import gluelab.kernel.grade.NotebookFinder;
import gluelab.kernel.grade.NotebookGrade;
import gluelab.kernel.run.CheckResult;
import gluelab.kernel.run.NotebookRun;
import gluelab.kernel.run.NotebookRunner;
import gluelab.kernel.student.StudentEditionWriter;
import gluelab.lab.LabHome;
import gluelab.lab.LabSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every notebook, headless, against one Lab Cloud with a warm Glue worker, graded as {@code ./lab grade} grades:
 * the instructor edition gets full marks; the learner edition (solutions stubbed) scores below full marks in every
 * notebook, and grades alike whether it is named notebook by notebook, by its {@code notebooks/} folder or by its root;
 * and notebooks that ship a second valid dataset pass with that data too, so no check hides a literal.
 * Run times are written to {@code target/notebook-times.tsv}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NotebooksTest {

    private static final Path HOME = LabHome.locate();
    private static final Path ALTERNATIVE_DATA = Path.of("src/test/resources/alternative-data");
    private static final List<String> TIMES = new ArrayList<>();

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.with(LabCloudConfig.defaults()
            .withGlueWorker(LabCloudConfig.GlueWorkerMode.EAGER));

    @TempDir
    static Path scratch;

    @BeforeAll
    static void aimEveryNotebookAtThisLabCloud() {
        System.setProperty("LAB_ENDPOINT", cloud.endpoint().toString());
        System.setProperty("LAB_TARGET", "embedded");
    }

    @AfterAll
    static void writeRunTimes() throws IOException {
        System.clearProperty("LAB_ENDPOINT");
        System.clearProperty("LAB_TARGET");
        Files.writeString(Path.of("target/notebook-times.tsv"),
                "notebook\tedition\tseconds\n" + String.join("\n", TIMES) + "\n");
    }

    static Stream<Path> notebooks() throws IOException {
        try (Stream<Path> files = Files.list(HOME.resolve("notebooks"))) {
            return files.filter(p -> p.getFileName().toString().endsWith(".ipynb")).sorted().toList().stream();
        }
    }

    static Stream<Path> notebooksWithAlternativeData() throws IOException {
        return notebooks().filter(nb -> Files.isDirectory(ALTERNATIVE_DATA.resolve(number(nb))));
    }

    @Order(0)
    @org.junit.jupiter.api.Test
    void theRepositoryHasNotebooks() throws IOException {
        assertThat(notebooks()).as("notebooks in notebooks/").isNotEmpty();
    }

    @Order(1)
    @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
    @MethodSource("notebooks")
    void theInstructorEditionPassesEveryCheck(Path notebook) throws IOException {
        NotebookGrade grade = gradeOne(notebook, "instructor");
        NotebookRun run = grade.run().orElseThrow();
        assertThat(run.failedCell()).as("a cell that is not a check failed:%n%s", report(run)).isEmpty();
        assertThat(run.checks()).as("the notebook has graded checks").isNotEmpty();
        assertThat(run.failedCount()).as("failed checks:%n%s", report(run)).isZero();
        assertThat(grade.score()).as("full marks").isEqualTo(grade.maxScore());
    }

    @Order(2)
    @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
    @MethodSource("notebooksWithAlternativeData")
    void theChecksFollowTheDataWhenAnotherValidDatasetIsSwappedIn(Path notebook) throws IOException {
        Path data = scratch.resolve("data-" + number(notebook));
        FileTrees.copy(HOME.resolve("data"), data);
        FileTrees.copy(ALTERNATIVE_DATA.resolve(number(notebook)), data);
        System.setProperty(LabSettings.DATA_DIR_VARIABLE, data.toString());
        try {
            NotebookRun run = run(notebook, "alternative-data");
            assertThat(run.failedCell()).as("with other data a cell failed:%n%s", report(run)).isEmpty();
            assertThat(run.failedCount()).as("with other data:%n%s", report(run)).isZero();
        } finally {
            System.clearProperty(LabSettings.DATA_DIR_VARIABLE);
        }
    }

    @Order(3)
    @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
    @MethodSource("notebooks")
    void theLearnerEditionGradedNotebookByNotebookScoresBelowFullMarks(Path notebook) throws Exception {
        NotebookGrade grade = gradeOne(learnerEdition().resolve("notebooks").resolve(notebook.getFileName()), "learner");
        NotebookRun run = grade.run().orElseThrow();
        assertThat(run.failedCount()).as("the learner edition must fail some checks:%n%s", report(run)).isPositive();
        assertThat(grade.score()).as("below full marks:%n%s", report(run)).isLessThan(grade.maxScore());
    }

    /**
     * The grader finds each notebook's edition from where the notebook sits, so naming the learner edition by its
     * {@code notebooks/} folder or by its root grades every notebook against its own {@code labs/}, never the
     * instructor's. Which notebooks a name covers and where each runs is all that naming decides
     * ({@link Grader#plan}): it is checked here for the whole edition, and the next test proves on a small edition
     * that the runs then agree. Running all of them twice more would add minutes and prove nothing more.
     */
    @Order(4)
    @ParameterizedTest(name = "named by {0}")
    @ValueSource(strings = {"notebooks", "."})
    void namingTheLearnerEditionByItsFolderOrItsRootGradesEveryNotebookInThatEdition(String folder) throws Exception {
        Path target = learnerEdition().resolve(folder).normalize();

        List<Grader.PlannedNotebook> plan = new Grader().plan(target);

        assertThat(plan).extracting(planned -> planned.notebook().getFileName().toString())
                .containsExactlyElementsOf(notebooks().map(nb -> nb.getFileName().toString()).toList());
        assertThat(plan).extracting(planned -> planned.edition().map(LabEdition::root).orElse(null))
                .as("every notebook runs in the learner edition named by %s", target)
                .containsOnly(new LabEdition(learnerEdition()).root());
    }

    /** Notebooks of both kinds: a Glue job deployed from {@code labs/}, and Lambda handlers with a Glue job. */
    private static final List<String> SMALL_EDITION = List.of("01-csv-to-parquet.ipynb",
            "20-s3-eventbridge-lambda-glue.ipynb");

    @Order(5)
    @Test
    void aLearnerEditionGradedByEachNotebookByItsFolderAndByItsRootGetsTheSameGrades() throws Exception {
        Path edition = scratch.resolve("small-learner-edition");
        FileTrees.copy(learnerEdition(), edition);
        for (Path notebook : NotebookFinder.below(edition.resolve("notebooks"))) {
            if (!SMALL_EDITION.contains(notebook.getFileName().toString())) {
                Files.delete(notebook);
            }
        }
        Map<String, List<Boolean>> byFile = new TreeMap<>();
        for (String name : SMALL_EDITION) {
            byFile.putAll(outcomes(new Grader().grade(edition.resolve("notebooks").resolve(name))));
        }

        Map<String, List<Boolean>> byFolder = outcomes(new Grader().grade(edition.resolve("notebooks")));
        Map<String, List<Boolean>> byRoot = outcomes(new Grader().grade(edition));

        assertThat(byFile).as("each check's outcome, graded notebook by notebook").containsOnlyKeys(SMALL_EDITION)
                .allSatisfy((name, checks) -> assertThat(checks).as(name).contains(false));
        assertThat(byFolder).as("graded by its notebooks/ folder").isEqualTo(byFile);
        assertThat(byRoot).as("graded by its root").isEqualTo(byFile);
    }

    /** Each graded notebook's checks, pass or fail in order, by the notebook's file name. */
    private static Map<String, List<Boolean>> outcomes(GradeReport report) {
        Map<String, List<Boolean>> outcomes = new TreeMap<>();
        for (NotebookGrade grade : report.notebooks()) {
            assertThat(grade.problem()).as(grade.name()).isEmpty();
            outcomes.put(Path.of(grade.name()).getFileName().toString(),
                    grade.checks().stream().map(CheckResult::passed).toList());
        }
        return outcomes;
    }

    private static Path learnerEditionDirectory;

    private static synchronized Path learnerEdition() throws Exception {
        if (learnerEditionDirectory == null) {
            learnerEditionDirectory = scratch.resolve("learner-edition");
            StudentEditionWriter.write(HOME, learnerEditionDirectory);
        }
        return learnerEditionDirectory;
    }

    /** Grades one notebook as {@code ./lab grade FILE} does: against the edition it sits in. */
    private static NotebookGrade gradeOne(Path notebook, String edition) throws IOException {
        long started = System.nanoTime();
        NotebookGrade grade = new Grader().grade(notebook).notebooks().get(0);
        NotebookRun run = grade.run().orElseThrow(() -> new AssertionError(grade.problem().orElse("not run")));
        record(notebook, edition, run, started);
        return grade;
    }

    private static NotebookRun run(Path notebook, String edition) throws IOException {
        long started = System.nanoTime();
        NotebookRun run = new NotebookRunner().run(notebook);
        record(notebook, edition, run, started);
        return run;
    }

    private static void record(Path notebook, String edition, NotebookRun run, long started) throws IOException {
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        Path executed = HOME.resolve("build/executed").resolve(edition).resolve(notebook.getFileName().toString());
        run.executed().write(executed);
        TIMES.add(notebook.getFileName() + "\t" + edition + "\t" + String.format("%.1f", took.toMillis() / 1000.0));
        System.out.println(edition + " " + notebook.getFileName() + " in " + took.toMillis() + " ms\n" + report(run));
    }

    private static String report(NotebookRun run) {
        return run.reportLines().stream().collect(Collectors.joining("\n"));
    }

    private static String number(Path notebook) {
        return notebook.getFileName().toString().substring(0, 2);
    }
}
