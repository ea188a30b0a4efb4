package gluelab.glue.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import gluelab.glue.worker.harness.RunResult;
import gluelab.glue.worker.harness.RunSpec;
import gluelab.glue.worker.harness.TestJobs;
import gluelab.glue.worker.harness.WorkerProcess;

class CsvToParquetTest {

    @TempDir
    static Path work;
    static Path jar;
    static WorkerProcess worker;

    @BeforeAll
    static void setUp() {
        worker = WorkerProcess.shared();
        jar = TestJobs.standardJar(work);
    }

    @Test
    void aCsvFileBecomesParquetTypedAsGlueTypesEachValueAndWithTheSameRows() throws IOException {
        Path input = Files.createDirectories(work.resolve("raw"));
        Files.writeString(input.resolve("customers.csv"), """
                id,name,amount,signup_date
                1,Ann,10.5,2024-01-02
                2,Bob,20.25,2024-02-03
                3,Cy,30.0,2024-03-04
                """);
        Path output = work.resolve("refined");

        RunResult run = worker.run(RunSpec.of("jobs.Convert", jar).args(
                "--input", input.toUri().toString(), "--output", output.toUri().toString(),
                "--format_options", "{\"withHeader\": true}"), Duration.ofMinutes(2));

        assertEquals("SUCCEEDED", run.state(), run::describe);
        try (Stream<Path> files = Files.list(output)) {
            assertTrue(files.anyMatch(f -> f.getFileName().toString().endsWith(".parquet")), "parquet part files in the output");
        }
        RunResult back = worker.run(RunSpec.of("jobs.ReadBack", jar).args("--path", output.toString(), "--format", "parquet"),
                Duration.ofMinutes(1));
        assertEquals("SUCCEEDED", back.state(), back::describe);
        // Glue types each value on its own: whole numbers are long, ISO dates stay text (Spark's inferSchema would say int and date).
        assertEquals("SCHEMA id BIGINT,name STRING,amount DOUBLE,signup_date STRING", back.output().get(0));
        assertEquals(List.of(
                "ROW {\"id\":1,\"name\":\"Ann\",\"amount\":10.5,\"signup_date\":\"2024-01-02\"}",
                "ROW {\"id\":2,\"name\":\"Bob\",\"amount\":20.25,\"signup_date\":\"2024-02-03\"}",
                "ROW {\"id\":3,\"name\":\"Cy\",\"amount\":30.0,\"signup_date\":\"2024-03-04\"}"),
                back.output().subList(1, back.output().size()).stream().filter(l -> l.startsWith("ROW ")).toList());
    }
}
