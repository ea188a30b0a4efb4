package gluelab.glue.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import gluelab.glue.worker.harness.RunResult;
import gluelab.glue.worker.harness.RunSpec;
import gluelab.glue.worker.harness.TestJobs;
import gluelab.glue.worker.harness.WorkerProcess;

/** getSourceWithFormat: each format, Glue's format options, recurse and exclusions. */
class SourceFormatsTest {

    @TempDir
    Path work;
    static Path jar;
    static WorkerProcess worker;

    @BeforeAll
    static void setUp(@TempDir Path jars) {
        worker = WorkerProcess.shared();
        jar = TestJobs.standardJar(jars);
    }

    /** Converts {@code input} to Parquet and returns the rows as JSON, sorted, with the schema first. */
    private List<String> convert(Path input, String format, String formatOptions, String connectionOptions) {
        Path output = work.resolve("out-" + System.nanoTime());
        RunResult run = worker.run(RunSpec.of("jobs.Convert", jar).args("--input", input.toUri().toString(),
                "--output", output.toUri().toString(), "--format", format, "--format_options", formatOptions,
                "--connection_options", connectionOptions), Duration.ofMinutes(2));
        assertEquals("SUCCEEDED", run.state(), run::describe);
        RunResult back = worker.run(RunSpec.of("jobs.ReadBack", jar).args("--path", output.toString(), "--format", "parquet"),
                Duration.ofMinutes(1));
        assertEquals("SUCCEEDED", back.state(), back::describe);
        List<String> lines = new ArrayList<>();
        back.output().stream().filter(l -> l.startsWith("SCHEMA ") || l.startsWith("ROW ")).forEach(lines::add);
        return lines;
    }

    @Test
    void csvIsReadWithGluesSeparatorQuoteCharAndWithHeaderOptions() throws IOException {
        Path input = Files.createDirectories(work.resolve("pipe"));
        Files.writeString(input.resolve("orders.txt"), """
                id|item|note
                1|'pen|blue'|ok
                2|ink|'x'
                """);

        assertEquals(List.of("SCHEMA id BIGINT,item STRING,note STRING",
                        "ROW {\"id\":1,\"item\":\"pen|blue\",\"note\":\"ok\"}",
                        "ROW {\"id\":2,\"item\":\"ink\",\"note\":\"x\"}"),
                convert(input, "csv", "{\"withHeader\": true, \"separator\": \"|\", \"quoteChar\": \"'\"}", "{}"));
    }

    @Test
    void csvWithoutHeaderGetsPositionalColumnNamesAsInGlue() throws IOException {
        Path input = Files.createDirectories(work.resolve("noheader"));
        Files.writeString(input.resolve("a.csv"), "1,x\n2,y\n");

        assertEquals(List.of("SCHEMA col0 BIGINT,col1 STRING", "ROW {\"col0\":1,\"col1\":\"x\"}", "ROW {\"col0\":2,\"col1\":\"y\"}"),
                convert(input, "csv", "{}", "{}"));
    }

    @Test
    void jsonLinesAreReadOneRowPerLineWithInferredTypes() throws IOException {
        Path input = Files.createDirectories(work.resolve("json"));
        Files.writeString(input.resolve("orders.json"), "{\"id\": 1, \"total\": 2.5}\n{\"id\": 2, \"total\": 4.0}\n");

        assertEquals(List.of("SCHEMA id BIGINT,total DOUBLE", "ROW {\"id\":1,\"total\":2.5}", "ROW {\"id\":2,\"total\":4.0}"),
                convert(input, "json", "{}", "{}"));
    }

    @Test
    void textGivesOneValueColumnPerLine() throws IOException {
        Path input = Files.createDirectories(work.resolve("text"));
        Files.writeString(input.resolve("edi.txt"), "ISA*00\nGS*PO\n");

        assertEquals(List.of("SCHEMA value STRING", "ROW {\"value\":\"GS*PO\"}", "ROW {\"value\":\"ISA*00\"}"),
                convert(input, "text", "{}", "{}"));
    }

    @Test
    void parquetWrittenByOneJobIsReadByTheNext() throws IOException {
        Path csv = Files.createDirectories(work.resolve("csv"));
        Files.writeString(csv.resolve("a.csv"), "id,name\n7,Gus\n");
        Path parquet = work.resolve("parquet");
        worker.run(RunSpec.of("jobs.Convert", jar).args("--input", csv.toString(), "--output", parquet.toString(),
                "--format_options", "{\"withHeader\": true}"), Duration.ofMinutes(1));

        assertEquals(List.of("SCHEMA id BIGINT,name STRING", "ROW {\"id\":7,\"name\":\"Gus\"}"),
                convert(parquet, "parquet", "{}", "{}"));
    }

    @Test
    void recurseReadsSubfoldersAndExclusionsSkipMatchingObjects() throws IOException {
        Path input = Files.createDirectories(work.resolve("nested"));
        Files.writeString(input.resolve("top.csv"), "id\n1\n");
        Files.createDirectories(input.resolve("2024/01"));
        Files.writeString(input.resolve("2024/01/deep.csv"), "id\n2\n");
        Files.createDirectories(input.resolve("2024/_tmp"));
        Files.writeString(input.resolve("2024/_tmp/partial.csv"), "id\n3\n");
        Files.createDirectories(input.resolve("staging/_tmp"));
        Files.writeString(input.resolve("staging/notes.json"), "id\n4\n");
        Files.writeString(input.resolve("staging/keep.csv"), "id\n5\n");

        String header = "{\"withHeader\": true}";
        assertEquals(List.of("SCHEMA id BIGINT", "ROW {\"id\":1}"), convert(input, "csv", header, "{}"));
        assertEquals(List.of("SCHEMA id BIGINT", "ROW {\"id\":1}", "ROW {\"id\":2}", "ROW {\"id\":4}", "ROW {\"id\":5}"),
                convert(input, "csv", header, "{\"recurse\": true, \"groupFiles\": \"inPartition\"}"));
        assertEquals(List.of("SCHEMA id BIGINT", "ROW {\"id\":1}", "ROW {\"id\":2}", "ROW {\"id\":5}"),
                convert(input, "csv", header, "{\"recurse\": true, \"exclusions\": \"[\\\"**.json\\\"]\"}"));
        assertEquals(List.of("SCHEMA id BIGINT", "ROW {\"id\":1}", "ROW {\"id\":2}"),
                convert(input, "csv", header, "{\"recurse\": true, \"exclusions\": [\"**.json\", \"staging/**\"]}"));
    }
}
