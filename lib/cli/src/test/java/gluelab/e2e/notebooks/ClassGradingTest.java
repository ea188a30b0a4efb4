package gluelab.e2e.notebooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gluelab.cloud.testing.RunningLabCloud;
import gluelab.kernel.classroom.ClassGrader;
import gluelab.kernel.classroom.ClassReport;
import gluelab.kernel.classroom.FileTrees;
import gluelab.kernel.classroom.GradingOptions;
import gluelab.kernel.notebook.Cell;
import gluelab.kernel.notebook.Notebook;
import gluelab.kernel.student.StudentEditionWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;

/**
 * A synthetic class graded end to end as {@code ./lab grade submissions/} grades it: four learners of a small
 * notebook (91, which packages its {@code labs/} job and checks three answers against what it put in S3), two at a
 * time, each in a kernel JVM of their own under their own {@code LAB_PREFIX}, against one Lab Cloud:
 * <ul>
 * <li>ada solves everything;</li>
 * <li>ben gets the total wrong;</li>
 * <li>cy gets the total wrong but edits its locked check to print a pass, and loops forever in the last answer;</li>
 * <li>dee hands in through nbgrader's layout, with {@code labs/} sources that do not compile and the last check deleted.</li>
 * </ul>
 * Their gradebook rows are exact, each gets a feedback page, and nothing of theirs is left on Lab Cloud.
 */
class ClassGradingTest {

    private static final String NOTEBOOK = "91-orders-check.ipynb";
    private static final Duration CELL_LIMIT = Duration.ofSeconds(30);

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory();

    @TempDir
    static Path scratch;

    private static Path instructor;
    private static Path submissions;
    private static ClassReport report;
    private static String printed;
    private static List<String> gradebook;

    @BeforeAll
    static void gradeTheClass() throws Exception {
        System.setProperty("LAB_ENDPOINT", cloud.endpoint().toString());
        System.setProperty("LAB_TARGET", "embedded");
        instructor = FileTrees.copy(Path.of("src/test/resources/synthetic-class/instructor"), scratch.resolve("instructor"));
        Path learnerEdition = scratch.resolve("learner-edition");
        StudentEditionWriter.write(instructor, learnerEdition);
        submissions = scratch.resolve("submissions");

        learner("ada", learnerEdition, Map.of(3, solution(3), 5, solution(5), 7, solution(7)));
        learner("ben", learnerEdition, Map.of(3, solution(3), 5, "double total = 0;", 7, solution(7)));
        Path cy = learner("cy", learnerEdition, Map.of(3, solution(3), 5, "double total = 1;", 7, """
                long spins = 0;
                while (spins >= 0) {
                    spins = (spins + 1) % 10;
                }
                String topCustomer = "nobody";"""));
        editCell(cy.resolve("notebooks").resolve(NOTEBOOK), 6, "System.out.println(\"✔ the total is right\");");

        Path dee = FileTrees.copy(learnerEdition.resolve("labs"), submissions.resolve("dee/91-orders-check/labs"));
        Path deeNotebook = submissions.resolve("dee/91-orders-check").resolve(NOTEBOOK);
        solve(learnerEdition.resolve("notebooks").resolve(NOTEBOOK), deeNotebook, Map.of(3, solution(3), 5, solution(5), 7, solution(7)));
        deleteCell(deeNotebook, 8);
        Path job = dee.resolve("91-orders-check/gluelab/labs/lab91/OrderTotals.java");
        Files.writeString(job, Files.readString(job).replace("String.join(\" \", args));", "String.join(\" \", args))"));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        GradingOptions options = GradingOptions.defaults(scratch.resolve("graded")).withParallelism(2)
                .withTimeouts(CELL_LIMIT, Duration.ofMinutes(3));
        report = new ClassGrader(instructor, options, new PrintStream(out, true, StandardCharsets.UTF_8)).grade(submissions);
        printed = out.toString(StandardCharsets.UTF_8);
        System.out.println(printed);
        gradebook = Files.readAllLines(report.gradebook());
    }

    @AfterAll
    static void forgetTheEndpoint() {
        System.clearProperty("LAB_ENDPOINT");
        System.clearProperty("LAB_TARGET");
    }

    @Test
    void theGradebookHasOneExactRowPerLearnerWithTheLearnerIdFirstThenPointsAndMaxPoints() {
        assertThat(gradebook).containsExactly(
                "learner_id,91-orders-check:order-count,91-orders-check:total,91-orders-check:top-customer,91-orders-check,"
                        + "points,max_points,flags",
                "ada,1,2,1,4,4,4,",
                "ben,1,0,1,2,2,4,",
                "cy,1,0,0,1,1,4,91-orders-check: cell 7 timed out: the cell ran longer than 30 s; 91-orders-check: total edited",
                "dee,0,0,0,0,0,4,91-orders-check: does not compile (cell 2); 91-orders-check: top-customer deleted");
    }

    @Test
    void eachLearnerRanUnderTheirOwnPrefixAndNothingOfTheirsIsLeftOnLabCloud() throws Exception {
        assertThat(report.learners()).extracting(learner -> learner.prefix()).containsExactly("ada", "ben", "cy", "dee");
        JsonNode events = new ObjectMapper().readTree(cloud.http(cloud.request("/_lab/events?service=s3&limit=10000")).body());
        List<String> created = new ArrayList<>();
        events.path("events").forEach(event -> {
            if (event.path("name").asText().equals("CreateBucket")) {
                created.add(event.path("resource").asText());
            }
        });
        assertThat(created).containsExactlyInAnyOrder("ada-lab91-orders", "ben-lab91-orders", "cy-lab91-orders", "dee-lab91-orders");
        S3Client s3 = cloud.client(S3Client.builder().forcePathStyle(true));
        assertThat(s3.listBuckets().buckets()).extracting(Bucket::name).noneMatch(name -> name.contains("lab91"));
    }

    @Test
    void eachLearnerGetsFeedbackWithEveryCheckMarkedAndWhy() throws IOException {
        String ada = Files.readString(report.feedback().resolve("ada.html"));
        assertThat(ada).contains("Score: 4 / 4 points").contains("✔").doesNotContain("✘");
        String ben = Files.readString(report.feedback().resolve("ben.html"));
        assertThat(ben).contains("Score: 2 / 4 points").contains("✘").contains("the total amount");
        String cy = Files.readString(report.feedback().resolve("cy.html"));
        assertThat(cy).contains("this locked check cell was edited, so it scores 0")
                .contains("timed out: the cell ran longer than 30 s")
                .doesNotContain("<script");
        String dee = Files.readString(report.feedback().resolve("dee.html"));
        assertThat(dee).contains("which does not compile")
                .contains("OrderTotals.java:7: error: &#39;;&#39; expected")
                .contains("this locked check cell was deleted, so it scores 0");
    }

    @Test
    void theSubmissionsAreNeverWrittenTo() throws IOException {
        try (Stream<Path> files = Files.walk(submissions)) {
            assertThat(files.map(path -> submissions.relativize(path).toString())).noneMatch(path -> path.contains("build"));
        }
        assertThat(printed).contains("graded ada (ada): 4/4 points").contains("graded dee (dee): 0/4 points");
    }

    private static String solution(int cellNumber) throws IOException {
        return Notebook.read(instructor.resolve("notebooks").resolve(NOTEBOOK)).cells().get(cellNumber - 1).source();
    }

    /** A learner edition with the learner's answers in the given cells, as a learner hands it in. */
    private static Path learner(String id, Path learnerEdition, Map<Integer, String> answers) throws IOException {
        Path folder = submissions.resolve(id);
        FileTrees.copy(learnerEdition.resolve("labs"), folder.resolve("labs"));
        solve(learnerEdition.resolve("notebooks").resolve(NOTEBOOK), folder.resolve("notebooks").resolve(NOTEBOOK), answers);
        return folder;
    }

    private static void solve(Path given, Path handedIn, Map<Integer, String> answers) throws IOException {
        Notebook notebook = Notebook.read(given);
        answers.forEach((cell, answer) -> notebook.cells().get(cell - 1).setSource(answer));
        notebook.write(handedIn);
    }

    private static void editCell(Path notebookFile, int cellNumber, String source) throws IOException {
        Notebook notebook = Notebook.read(notebookFile);
        notebook.cells().get(cellNumber - 1).setSource(source);
        notebook.write(notebookFile);
    }

    private static void deleteCell(Path notebookFile, int cellNumber) throws IOException {
        JsonNode json = new ObjectMapper().readTree(notebookFile.toFile());
        ((com.fasterxml.jackson.databind.node.ArrayNode) json.path("cells")).remove(cellNumber - 1);
        Files.writeString(notebookFile, json.toPrettyString());
    }
}
