package gluelab.glue.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import gluelab.glue.protocol.GlueEvent;
import gluelab.glue.worker.harness.RunResult;
import gluelab.glue.worker.harness.RunSpec;
import gluelab.glue.worker.harness.TestJobs;
import gluelab.glue.worker.harness.WorkerProcess;

/**
 * Job bookmarks: with job-bookmark-enable a source reads only objects its transformation_ctx has
 * not seen, and Job.commit() sends the advanced bookmark before the run finishes.
 */
class BookmarkTest {

    @TempDir
    Path work;
    static Path jar;
    static WorkerProcess worker;

    @BeforeAll
    static void setUp(@TempDir Path jars) {
        worker = WorkerProcess.shared();
        jar = TestJobs.standardJar(jars);
    }

    private Path input;
    private Path output;

    private void addFile(String name, String... ids) throws IOException {
        if (input == null) {
            input = Files.createDirectories(work.resolve("in"));
            output = work.resolve("out");
        }
        StringBuilder csv = new StringBuilder("id,name\n");
        for (String id : ids) {
            csv.append(id).append(",name-").append(id).append('\n');
        }
        Files.writeString(input.resolve(name), csv);
    }

    private RunResult run(String option, String state, String... extraArgs) {
        List<String> args = new ArrayList<>(List.of("--input", input.toUri().toString(), "--output", output.toUri().toString(),
                "--format_options", "{\"withHeader\": true}"));
        args.addAll(List.of(extraArgs));
        return worker.run(RunSpec.of("jobs.Convert", jar).bookmark(option, state).args(args.toArray(String[]::new)),
                Duration.ofMinutes(2));
    }

    private static List<String> filesRead(RunResult run) {
        List<String> names = new ArrayList<>();
        run.metrics("source").get(0).path("files").forEach(f -> names.add(f.asText().replaceAll(".*/", "")));
        return names;
    }

    private static String committed(RunResult run) {
        List<GlueEvent.Bookmark> bookmarks = run.bookmarks();
        assertEquals(1, bookmarks.size(), () -> "one bookmark event: " + run.describe());
        return bookmarks.get(0).state();
    }

    @Test
    void enabledBookmarksProcessOneNewFileThenAnotherThenNone() throws IOException {
        addFile("orders-1.csv", "1", "2");
        RunResult first = run("job-bookmark-enable", null);
        addFile("orders-2.csv", "3");
        RunResult second = run("job-bookmark-enable", committed(first));
        RunResult third = run("job-bookmark-enable", committed(second));

        assertEquals(List.of("SUCCEEDED", "SUCCEEDED", "SUCCEEDED"), List.of(first.state(), second.state(), third.state()));
        assertEquals(List.of("orders-1.csv"), filesRead(first));
        assertEquals(List.of("orders-2.csv"), filesRead(second));
        assertEquals(List.of(), filesRead(third));
        assertEquals(List.of(2L, 1L, 0L), List.of(first.runMetrics().path("rowsRead").asLong(),
                second.runMetrics().path("rowsRead").asLong(), third.runMetrics().path("rowsRead").asLong()), first::describe);
        assertTrue(first.indexOf(GlueEvent.Bookmark.class) < first.indexOf(GlueEvent.Finished.class), "the bookmark comes before finished");

        JsonNode state = WorkerProcess.JSON.readTree(committed(third)).path("source");
        assertEquals("HadoopDataSourceJobBookmarkState", state.path("jsonClass").asText());
        assertEquals(2, state.path("files").size(), "the bookmark remembers both files");
    }

    @Test
    void aRewrittenFileIsReadAgain() throws IOException {
        addFile("orders-1.csv", "1");
        RunResult first = run("job-bookmark-enable", null);
        addFile("orders-1.csv", "1", "2");
        Files.setLastModifiedTime(input.resolve("orders-1.csv"), FileTime.fromMillis(System.currentTimeMillis() + 5_000));

        RunResult second = run("job-bookmark-enable", committed(first));

        assertEquals(List.of("orders-1.csv"), filesRead(second));
        assertEquals(2, second.runMetrics().path("rowsRead").asLong());
    }

    @Test
    void pausedBookmarksFilterInputButDoNotAdvance() throws IOException {
        addFile("orders-1.csv", "1");
        RunResult first = run("job-bookmark-enable", null);
        addFile("orders-2.csv", "2");

        RunResult paused = run("job-bookmark-pause", committed(first));

        assertEquals("SUCCEEDED", paused.state(), paused::describe);
        assertEquals(List.of("orders-2.csv"), filesRead(paused));
        assertEquals(List.of(), paused.bookmarks(), "a paused run sends no bookmark");
    }

    @Test
    void disabledBookmarksReadEverythingAndKeepNothing() throws IOException {
        addFile("orders-1.csv", "1");
        RunResult first = run("job-bookmark-enable", null);
        addFile("orders-2.csv", "2");

        RunResult disabled = run("job-bookmark-disable", committed(first));

        assertEquals(List.of("orders-1.csv", "orders-2.csv"), filesRead(disabled).stream().sorted().toList());
        assertEquals(List.of(), disabled.bookmarks());
    }

    @Test
    void aRunThatFailsBeforeJobCommitSendsNoBookmark() throws IOException {
        addFile("orders-1.csv", "1");

        RunResult failed = run("job-bookmark-enable", null, "--fail_after_read", "true");

        assertEquals("FAILED", failed.state());
        assertEquals("IllegalStateException: failing on purpose after reading 1 rows", failed.errorMessage());
        assertEquals(List.of(), failed.bookmarks());
    }

    @Test
    void aRunThatFailsAfterJobCommitSendsItsBookmarkBeforeFinishingFailed() throws IOException {
        addFile("orders-1.csv", "1");

        RunResult failed = run("job-bookmark-enable", null, "--fail_after_commit", "true");

        assertEquals("FAILED", failed.state());
        assertEquals(1, failed.bookmarks().size());
        assertTrue(failed.indexOf(GlueEvent.Bookmark.class) < failed.indexOf(GlueEvent.Finished.class),
                "Lab Cloud sees the pending bookmark, then the FAILED state that discards it");
    }
}
