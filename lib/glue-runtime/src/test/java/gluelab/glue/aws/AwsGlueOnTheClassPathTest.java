package gluelab.glue.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import gluelab.glue.DynamicFrame;
import gluelab.glue.GlueContext;
import gluelab.glue.GlueRun;
import gluelab.glue.spi.RunEnvironments;
import gluelab.glue.spi.WorkerLikeEnvironment;
import gluelab.glue.util.Job;
import gluelab.glue.util.JsonOptions;

/**
 * A job written against the lab's runtime, run where AWS Glue's classes are on the class path: Job.init,
 * Job.commit and the S3 and catalog sources go to Glue's own, so Glue keeps the job bookmark. AWS Glue's jars are
 * not public, so the classes here are stand-ins with the signatures AWS documents for Glue's Scala API
 * (src/test/resources/aws-glue-stand-in), compiled at test time into a class loader of their own.
 */
class AwsGlueOnTheClassPathTest {

    static SparkSession spark;
    static URLClassLoader awsGlue;

    @BeforeAll
    static void startSparkAndCompileTheStandIns(@TempDir Path classes) throws Exception {
        spark = SparkSession.builder().master("local[1]").appName("aws-glue-bridge-test")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "1").getOrCreate();
        Path sources = Path.of(AwsGlueOnTheClassPathTest.class.getResource("/aws-glue-stand-in").toURI());
        List<String> files;
        try (Stream<Path> walk = Files.walk(sources)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).map(Path::toString).toList();
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter errors = new StringWriter();
        List<String> arguments = new ArrayList<>(List.of("--release", "17", "-nowarn", "-d", classes.toString(), "-classpath",
                System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"))));
        boolean compiled = javac.getTask(errors, null, null, arguments, null,
                javac.getStandardFileManager(null, null, null).getJavaFileObjectsFromStrings(files)).call();
        assertTrue(compiled, errors::toString);
        awsGlue = new URLClassLoader(new URL[] {classes.toUri().toURL()}, AwsGlueOnTheClassPathTest.class.getClassLoader());
    }

    @AfterAll
    static void stop() throws IOException {
        spark.stop();
        awsGlue.close();
    }

    @SuppressWarnings("unchecked")
    private static List<String> calls() throws ReflectiveOperationException {
        return new ArrayList<>((List<String>) awsGlue.loadClass("com.amazonaws.services.glue.StandIn").getField("CALLS").get(null));
    }

    private static void clearCalls() throws ReflectiveOperationException {
        ((List<?>) awsGlue.loadClass("com.amazonaws.services.glue.StandIn").getField("CALLS").get(null)).clear();
    }

    private static List<String> ids(DynamicFrame frame) {
        return frame.toDF().select("id").collectAsList().stream().map(row -> String.valueOf(row.get(0))).sorted().toList();
    }

    @Test
    void onAwsGlueTheJobLifecycleAndItsS3SourceAreGluesOwnSoGlueKeepsTheBookmark(@TempDir Path work) throws Exception {
        Files.writeString(work.resolve("day1.csv"), "id,amount\n1,10.50\n2,20.00\n");
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(awsGlue);
        clearCalls();
        try {
            GlueContext glueContext = new GlueContext(spark.sparkContext());
            Job.init("ingest", glueContext, Map.of("JOB_NAME", "ingest"));
            DynamicFrame orders = glueContext.getSourceWithFormat("s3", JsonOptions.of("paths", List.of(work.toUri().toString())),
                    "orders_source", "csv", JsonOptions.of("withHeader", true)).getDynamicFrame();
            assertEquals(List.of("1", "2"), ids(orders));
            assertEquals(List.of("id", "amount"), List.of(orders.toDF().columns()), "the file-name column Glue attached is dropped");
            Job.commit();
        } finally {
            Thread.currentThread().setContextClassLoader(before);
            RunEnvironments.unbind();
        }

        assertEquals(List.of("new GlueContext", "Job.init ingest {JOB_NAME=ingest}",
                "getSourceWithFormat s3 {\"paths\":[\"" + work.toUri() + "\"]} orders_source csv"
                        + " {\"withHeader\":true,\"attachFilename\":\"__gluelab_source_file\"}",
                "toDF 0 specs", "Job.commit"), calls());
    }

    @Test
    void aCatalogSourceIsGluesToo(@TempDir Path work) throws Exception {
        Files.writeString(work.resolve("part.csv"), "id,amount\n7,1.00\n");
        System.setProperty("stand-in.catalog.location", work.toUri().toString());
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(awsGlue);
        clearCalls();
        try {
            GlueContext glueContext = new GlueContext(spark.sparkContext());
            DynamicFrame sales = glueContext.getCatalogSource("shop", "sales", "", "sales_source", "year == '2026'",
                    JsonOptions.of("catalogPartitionPredicate", "year = '2026'"), null).getDynamicFrame();
            assertEquals(List.of("7"), ids(sales));
        } finally {
            Thread.currentThread().setContextClassLoader(before);
            System.clearProperty("stand-in.catalog.location");
            RunEnvironments.unbind();
        }

        assertEquals(List.of("new GlueContext",
                "getCatalogSource shop sales [] sales_source [year == '2026'] {\"catalogPartitionPredicate\":\"year = '2026'\"} null",
                "toDF 0 specs"), calls());
    }


    @Test
    void inLabCloudTheLabsOwnRuntimeRunsEvenWithGluesClassesAround(@TempDir Path work) throws Exception {
        Files.writeString(work.resolve("day1.csv"), "id\n1\n");
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(awsGlue);
        RunEnvironments.bind(new WorkerLikeEnvironment());
        clearCalls();
        try {
            GlueContext glueContext = new GlueContext(spark.sparkContext());
            Job.init("ingest", glueContext, Map.of());
            DynamicFrame orders = glueContext.getSourceWithFormat("s3", JsonOptions.of("paths", List.of(work.toUri().toString())),
                    "orders_source", "csv", JsonOptions.of("withHeader", true)).getDynamicFrame();
            assertEquals(1, orders.count());
            Job.commit();
            assertTrue(glueContext.awsGlueContext().isEmpty());
            GlueRun.current().finish(System.out);
        } finally {
            Thread.currentThread().setContextClassLoader(before);
            RunEnvironments.unbind();
        }

        assertEquals(List.of(), calls());
    }
}
