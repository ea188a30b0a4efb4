package gluelab.glue.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On a Spark cluster, which of the worker's jars travel with each run and which belong on the executors' own class
 * path. S3A must be loaded once per executor: Hadoop's file system cache outlives runs, and S3A loads its
 * credentials provider from its own class loader.
 */
class ExecutorJarsTest {

    @TempDir
    Path dir;

    @Test
    void theLabsCodeAndJobLibrariesTravelWithEachRunButS3aIsTheExecutorsOwn() throws IOException {
        Path runtime = jar("glue-runtime.jar", "gluelab/glue/GlueContext.class");
        Path worker = jar("glue-worker.jar", "gluelab/glue/worker/RunTaskPlugin.class",
                "gluelab/glue/worker/s3a/RunCredentialsProvider.class", "gluelab/glue/worker/s3a/LatestTaskCredentials.class");
        Path deequ = jar("deequ.jar", "com/amazon/deequ/VerificationSuite.class");
        Path dqdl = jar("dqdl.jar", "software/amazon/glue/dqdl/DQDLParser.class");
        Path hadoopAws = jar("hadoop-aws.jar", "org/apache/hadoop/fs/s3a/S3AFileSystem.class");
        Path sdk = jar("s3.jar", "software/amazon/awssdk/services/s3/S3Client.class");
        Path spark = jar("spark-core.jar", "org/apache/spark/SparkContext.class");

        ExecutorJars jars = ExecutorJars.fromClasspath(classpath(runtime, worker, deequ, dqdl, hadoopAws, sdk, spark),
                dir.resolve("packed"));

        assertThat(jars.forRun(false)).containsExactlyInAnyOrder(runtime, worker, deequ, dqdl);
        assertThat(jars.executorClasspath()).contains(hadoopAws, sdk).doesNotContain(spark, runtime, worker, deequ);
        Path credentials = jars.executorClasspath().stream().filter(p -> p.getFileName().toString().equals("lab-s3a-credentials.jar"))
                .findFirst().orElseThrow();
        assertThat(entries(credentials)).as("the credentials provider alone, not the rest of the worker")
                .containsExactly("gluelab/glue/worker/s3a/LatestTaskCredentials.class",
                        "gluelab/glue/worker/s3a/RunCredentialsProvider.class");
    }

    @Test
    void aClassDirectoryOfADevelopmentBuildGivesTheSameCredentialsJar() throws IOException {
        Path classes = dir.resolve("glue-worker/target/classes");
        Files.createDirectories(classes.resolve("gluelab/glue/worker/s3a"));
        Files.writeString(classes.resolve("gluelab/glue/worker/RunTaskPlugin.class"), "plugin");
        Files.writeString(classes.resolve("gluelab/glue/worker/s3a/RunCredentialsProvider.class"), "provider");

        ExecutorJars jars = ExecutorJars.fromClasspath(classpath(classes), dir.resolve("packed"));

        assertThat(jars.executorClasspath()).hasSize(1);
        assertThat(entries(jars.executorClasspath().get(0))).containsExactly("gluelab/glue/worker/s3a/RunCredentialsProvider.class");
        assertThat(entries(jars.forRun(false).get(0))).contains("gluelab/glue/worker/RunTaskPlugin.class");
    }

    private Path jar(String name, String... classes) throws IOException {
        Path jar = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream packed = new JarOutputStream(out)) {
            for (String entry : classes) {
                packed.putNextEntry(new JarEntry(entry));
                packed.write(entry.getBytes());
                packed.closeEntry();
            }
        }
        return jar;
    }

    private static String classpath(Path... entries) {
        return String.join(File.pathSeparator, java.util.Arrays.stream(entries).map(Path::toString).toList());
    }

    private static List<String> entries(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.stream().map(java.util.zip.ZipEntry::getName).sorted().toList();
        }
    }
}
