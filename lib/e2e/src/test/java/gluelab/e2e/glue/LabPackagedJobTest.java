package gluelab.e2e.glue;

import static org.assertj.core.api.Assertions.assertThat;

import gluelab.cloud.testing.RunningLabCloud;
import gluelab.e2e.LabCloudWithWorker;
import gluelab.lab.ColumnType;
import gluelab.lab.DataTable;
import gluelab.lab.JobJar;
import gluelab.lab.Lab;
import gluelab.lab.RunMetrics;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.glue.model.Job;
import software.amazon.awssdk.services.glue.model.JobRun;
import software.amazon.awssdk.services.glue.model.JobRunState;

/**
 * A job the way a notebook makes one, with the lab library: the Java sources of a {@code labs/} folder packaged
 * into a jar that carries the Glue runtime, uploaded with the stub {@code .scala} launcher script as the job's
 * ScriptLocation and the jar in {@code --extra-jars} with {@code --class}, as on AWS Glue 5.0. Lab Cloud runs the
 * class from the jar; the lab library reads the output and the run's metrics back.
 */
class LabPackagedJobTest {

    private static final String JOB_SOURCE = """
            package gluelab.labs.lab99;

            import gluelab.glue.DynamicFrame;
            import gluelab.glue.GlueContext;
            import gluelab.glue.util.GlueArgParser;
            import gluelab.glue.util.Job;
            import gluelab.glue.util.JsonOptions;
            import java.util.List;
            import java.util.Map;

            public class CustomersToParquet {
                public static void main(String[] sysArgs) {
                    Map<String, String> args = GlueArgParser.getResolvedOptions(sysArgs,
                            new String[] {"JOB_NAME", "input_path", "output_path"});
                    GlueContext glue = GlueContext.getOrCreate();
                    Job.init(args.get("JOB_NAME"), glue, args);
                    DynamicFrame customers = glue.getSourceWithFormat("s3",
                            JsonOptions.of("paths", List.of(args.get("input_path"))), "customers_source", "csv",
                            JsonOptions.of("withHeader", true)).getDynamicFrame();
                    DynamicFrame typed = customers.applyMapping(new String[][] {
                            {"id", "int", "id", "int"},
                            {"name", "string", "name", "string"},
                            {"amount", "double", "amount", "decimal(10,2)"},
                            {"signup_date", "string", "signup_date", "date"}});
                    glue.purgeS3Path(args.get("output_path"), JsonOptions.of("retentionPeriod", 0), "purge");
                    glue.getSinkWithFormat("s3", JsonOptions.of("path", args.get("output_path")), "customers_sink", "parquet")
                            .writeDynamicFrame(typed);
                    System.out.println("wrote " + typed.count() + " customers");
                    Job.commit();
                }
            }
            """;

    private static final String CUSTOMERS = """
            id,name,amount,signup_date
            1,Ada,12.50,2026-01-03
            2,Grace,7.25,2026-01-04
            3,Linus,3.00,2026-02-01
            """;

    @RegisterExtension
    static RunningLabCloud cloud = LabCloudWithWorker.shared();
    @TempDir
    static Path checkout;
    static final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    static Lab lab;

    /** A checkout of its own: the repository's built lib/, one lab folder and one data file. */
    @BeforeAll
    static void connectTheLab() throws Exception {
        Files.createSymbolicLink(checkout.resolve("lib"), JobJars.repositoryRoot().resolve("lib"));
        Path source = checkout.resolve("labs/99-e2e-customers/gluelab/labs/lab99/CustomersToParquet.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, JOB_SOURCE);
        Files.createDirectories(checkout.resolve("data"));
        Files.writeString(checkout.resolve("data/customers.csv"), CUSTOMERS);
        PrintStream out = System.out;
        try {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            lab = Lab.connect("99", Map.of("LAB_ENDPOINT", cloud.endpoint().toString(),
                    "GLUELAB_HOME", checkout.toString()));
        } finally {
            System.setOut(out);
        }
    }

    @AfterAll
    static void closeTheLab() {
        lab.close();
    }

    @Test
    void aPackagedJavaJobWithAScalaLauncherScriptRunsItsClassFromExtraJars() throws Exception {
        JobJar jar = lab.jobJar();
        try (JarFile file = new JarFile(jar.path().toFile())) {
            assertThat(file.getEntry("gluelab/glue/GlueContext.class")).as("the runtime travels in the jar").isNotNull();
        }
        String artifacts = lab.name("artifacts");
        String raw = lab.name("raw");
        String refined = lab.name("refined");
        for (String bucket : List.of(artifacts, raw, refined)) {
            lab.s3().createBucket(r -> r.bucket(bucket));
        }
        String jarUri = lab.upload(jar, artifacts, "jobs/customers.jar");
        String script = lab.uploadLauncherScript(artifacts);
        lab.upload(lab.dataFile("customers.csv"), raw, "customers/customers.csv");
        Map<String, String> arguments = new LinkedHashMap<>(lab.jobArguments(jarUri, jar.mainClass()));
        arguments.put("--input_path", "s3://" + raw + "/customers/");
        arguments.put("--output_path", "s3://" + refined + "/customers/");
        String jobName = lab.name("customers");
        lab.glue().createJob(r -> r.name(jobName).role(lab.glueRole()).glueVersion("5.0")
                .command(c -> c.name("glueetl").scriptLocation(script))
                .defaultArguments(arguments));

        JobRun run = lab.waitForJobRun(jobName, lab.glue().startJobRun(r -> r.jobName(jobName)).jobRunId());

        assertThat(run.jobRunState()).as(run.errorMessage()).isEqualTo(JobRunState.SUCCEEDED);
        Job job = lab.glue().getJob(r -> r.jobName(jobName)).job();
        assertThat(job.command().scriptLocation()).endsWith(".scala");
        assertThat(job.defaultArguments()).containsEntry("--job-language", "scala")
                .containsEntry("--class", "gluelab.labs.lab99.CustomersToParquet").containsEntry("--extra-jars", jarUri);
        DataTable customers = lab.readTable("s3://" + refined + "/customers/");
        assertThat(customers.columnNames()).containsExactly("id", "name", "amount", "signup_date");
        assertThat(customers.column("id").type()).isEqualTo(ColumnType.INT);
        assertThat(customers.column("amount").type()).isEqualTo(ColumnType.DECIMAL);
        assertThat(customers.column("signup_date").type()).isEqualTo(ColumnType.DATE);
        assertThat(customers.rows()).containsExactlyInAnyOrder(
                List.of(1, "Ada", new BigDecimal("12.50"), LocalDate.parse("2026-01-03")),
                List.of(2, "Grace", new BigDecimal("7.25"), LocalDate.parse("2026-01-04")),
                List.of(3, "Linus", new BigDecimal("3.00"), LocalDate.parse("2026-02-01")));
        RunMetrics metrics = lab.runMetrics(run.id());
        assertThat(metrics.filesRead()).isEqualTo(1);
        assertThat(metrics.rowsRead()).isEqualTo(3);
        assertThat(metrics.rowsWritten()).isEqualTo(3);
        assertThat(lab.outputLog(run.id()).contains("wrote 3 customers")).isTrue();

        JobRun userJarsFirst = lab.waitForJobRun(jobName, lab.glue().startJobRun(r -> r.jobName(jobName)
                .arguments(Map.of("--user-jars-first", "true"))).jobRunId());
        assertThat(userJarsFirst.jobRunState()).as("with the jar's classes first: %s", userJarsFirst.errorMessage())
                .isEqualTo(JobRunState.SUCCEEDED);
        assertThat(lab.runMetrics(userJarsFirst.id()).rowsWritten()).isEqualTo(3);
    }
}
