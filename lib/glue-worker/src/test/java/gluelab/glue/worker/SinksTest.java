package gluelab.glue.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import gluelab.glue.worker.harness.RunResult;
import gluelab.glue.worker.harness.RunSpec;
import gluelab.glue.worker.harness.TestJobs;
import gluelab.glue.worker.harness.WorkerProcess;

/** getSinkWithFormat: formats, partitionKeys, a sink that only adds files, purgeS3Path, and the options Glue does not have. */
class SinksTest {

    @TempDir
    Path work;
    static Path jar;
    static WorkerProcess worker;

    @BeforeAll
    static void setUp(@TempDir Path jars) {
        worker = WorkerProcess.shared();
        jar = TestJobs.standardJar(jars);
    }

    private Path csv(String name, String content) throws IOException {
        Path dir = Files.createDirectories(work.resolve(name));
        Files.writeString(dir.resolve(name + ".csv"), content);
        return dir;
    }

    private RunResult write(Path input, Path output, String sinkFormat, String sinkOptions) {
        RunResult run = worker.run(RunSpec.of("jobs.Convert", jar).args("--input", input.toString(), "--output", output.toString(),
                "--format_options", "{\"withHeader\": true}", "--sink_format", sinkFormat, "--sink_options", sinkOptions),
                Duration.ofMinutes(2));
        assertEquals("SUCCEEDED", run.state(), run::describe);
        return run;
    }

    private List<String> rows(Path output, String format) {
        RunResult back = worker.run(RunSpec.of("jobs.ReadBack", jar).args("--path", output.toString(), "--format", format),
                Duration.ofMinutes(1));
        assertEquals("SUCCEEDED", back.state(), back::describe);
        return back.output().stream().filter(l -> l.startsWith("ROW ")).map(l -> l.substring(4)).toList();
    }

    /** Every data file under {@code root} with its modification time, by relative path. */
    private static Map<String, Long> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
                    .collect(Collectors.toMap(p -> root.relativize(p).toString(), p -> p.toFile().lastModified(), (a, b) -> a, TreeMap::new));
        }
    }

    @Test
    void partitionKeysWriteKeyEqualsValueFolders() throws IOException {
        Path input = csv("sales", "id,year,month,amount\n1,2024,1,10\n2,2024,2,20\n3,2024,2,30\n");
        Path output = work.resolve("by-month");

        write(input, output, "parquet", "{\"partitionKeys\": [\"year\", \"month\"]}");

        assertTrue(Files.isDirectory(output.resolve("year=2024/month=1")));
        assertTrue(Files.isDirectory(output.resolve("year=2024/month=2")));
        assertEquals(List.of("{\"id\":1,\"amount\":10,\"year\":2024,\"month\":1}", "{\"id\":2,\"amount\":20,\"year\":2024,\"month\":2}",
                "{\"id\":3,\"amount\":30,\"year\":2024,\"month\":2}"), rows(output, "parquet"));
    }

    @Test
    void theSinkOnlyAddsFilesAndPurgeS3PathFirstReplacesThem() throws IOException {
        Path v1 = csv("v1", "id,name\n1,a\n2,b\n");
        Path v2 = csv("v2", "id,name\n2,B\n3,c\n");
        Path output = work.resolve("customers");

        write(v1, output, "parquet", "{}");
        write(v2, output, "parquet", "{}");
        assertEquals(4, rows(output, "parquet").size());

        RunResult replaced = worker.run(RunSpec.of("jobs.Convert", jar).args("--input", v2.toString(), "--output", output.toString(),
                "--format_options", "{\"withHeader\": true}", "--purge_first", "true"), Duration.ofMinutes(2));
        assertEquals("SUCCEEDED", replaced.state(), replaced::describe);
        assertEquals(List.of("{\"id\":2,\"name\":\"B\"}", "{\"id\":3,\"name\":\"c\"}"), rows(output, "parquet"));
    }

    @Test
    void aSinkOptionGlueDoesNotHaveFailsTheRunAndSaysWhatToDoInstead() throws IOException {
        Path input = csv("sales", "id\n1\n");

        RunResult run = worker.run(RunSpec.of("jobs.Convert", jar).args("--input", input.toString(), "--output",
                work.resolve("out").toString(), "--format_options", "{\"withHeader\": true}", "--sink_options",
                "{\"mode\": \"overwrite\"}"), Duration.ofMinutes(2));

        assertEquals("FAILED", run.state(), run::describe);
        assertTrue(run.errorMessage().contains("AWS Glue's S3 sink has no option mode"), run::describe);
        assertTrue(run.errorMessage().contains("purgeS3Path"), run::describe);
    }

    @Test
    void csvAndJsonSinksWriteRowsThatReadBackInTheirOwnFormat() throws IOException {
        Path input = csv("people", "id,name\n1,Ann\n");

        write(input, work.resolve("as-csv"), "csv", "{}");
        write(input, work.resolve("as-json"), "json", "{}");

        assertEquals(List.of("{\"id\":\"1\",\"name\":\"Ann\"}"), rows(work.resolve("as-csv"), "csv"));
        assertEquals(List.of("{\"id\":1,\"name\":\"Ann\"}"), rows(work.resolve("as-json"), "json"));
    }
}
