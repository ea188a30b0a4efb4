package gluelab.lab.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gluelab.lab.JobCompileException;
import gluelab.lab.JobJar;
import gluelab.lab.LabHome;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Packages jobs against the real Glue worker class path (Spark), as notebooks do. The runtime bundled into the
 * jar is a stand-in compiled here, since jobs only need to carry whatever the runtime folder holds.
 */
class JobPackagerTest {

    private static final String SPARK_JOB = """
            package gluelab.labs.lab01;

            import org.apache.spark.sql.Dataset;
            import org.apache.spark.sql.Row;
            import org.apache.spark.sql.SparkSession;

            public class CsvToParquet {
                public static void main(String[] args) {
                    SparkSession spark = SparkSession.builder().getOrCreate();
                    Dataset<Row> customers = spark.read().option("header", "true").csv(args[0]);
                    customers.write().mode("overwrite").parquet(args[1]);
                }

                static class Helper {
                }
            }
            """;

    private static final String EXCEL_JOB = """
            package gluelab.labs.lab13;

            import org.apache.poi.ss.usermodel.Workbook;
            import org.apache.poi.ss.usermodel.WorkbookFactory;

            public class SheetReader {
                public static void main(String[] args) throws Exception {
                    try (Workbook workbook = WorkbookFactory.create(new java.io.File(args[0]))) {
                        System.out.println(workbook.getSheetAt(0).getSheetName());
                    }
                }
            }
            """;

    /** POI as lab's build declares it (lib/pom.xml), so its jars are in the local Maven repository. */
    private static final String POI_VERSION = org.apache.poi.Version.getVersion();

    private static List<Path> sparkClasspath;

    @TempDir
    Path home;
    private Path runtime;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    /** Spark and the rest of the worker's class path, but not the real runtime, which the stand-in replaces. */
    @BeforeAll
    static void readTheGlueWorkerClasspath() throws Exception {
        Path checkout = LabHome.locate(null, null, Path.of("").toAbsolutePath()).orElseThrow();
        Path realRuntime = checkout.resolve("lib/glue-runtime");
        String entries = Files.readString(checkout.resolve("lib/glue-worker/target/classpath.txt")).trim();
        sparkClasspath = Arrays.stream(entries.split(File.pathSeparator)).map(Path::of)
                .filter(entry -> !entry.toAbsolutePath().startsWith(realRuntime)).toList();
    }

    @BeforeEach
    void aCheckoutWithOneLabAndABuiltRuntime() throws Exception {
        write("labs/01-csv-to-parquet/gluelab/labs/lab01/CsvToParquet.java", SPARK_JOB);
        write("labs/01-csv-to-parquet/layout.json", "{\"fields\":[]}");
        write("labs/01-csv-to-parquet/.hidden", "not packaged");
        runtime = home.resolve("lib/glue-runtime/target/classes");
        Path runtimeSource = write("runtime-src/gluelab/glue/GlueContext.java",
                "package gluelab.glue; public class GlueContext { }");
        Files.createDirectories(runtime);
        assertThat(ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", runtime.toString(),
                runtimeSource.toString())).isZero();
    }

    private JobPackager packager() {
        List<Path> classpath = new ArrayList<>();
        classpath.add(runtime);
        classpath.addAll(sparkClasspath);
        return new JobPackager(home, home.resolve("build/lab-jobs"), classpath, runtime,
                new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    @Test
    void aSparkJobBecomesAJarWithItsClassesResourcesAndTheGlueRuntime() throws Exception {
        JobJar jar = packager().build("01-csv-to-parquet");

        assertThat(jar.fromCache()).isFalse();
        assertThat(jar.mainClasses()).containsExactly("gluelab.labs.lab01.CsvToParquet");
        assertThat(jar.mainClass()).isEqualTo("gluelab.labs.lab01.CsvToParquet");
        assertThat(jar.mainClass("CsvToParquet")).isEqualTo("gluelab.labs.lab01.CsvToParquet");
        assertThat(jar.classes()).containsExactly("gluelab.labs.lab01.CsvToParquet", "gluelab.labs.lab01.CsvToParquet$Helper");
        assertThat(jar.path().getFileName().toString()).matches("01-csv-to-parquet-[0-9a-f]{12}\\.jar");
        try (JarFile file = new JarFile(jar.path().toFile())) {
            assertThat(file.stream().map(ZipEntry::getName)).contains("META-INF/MANIFEST.MF",
                    "gluelab/labs/lab01/CsvToParquet.class", "gluelab/labs/lab01/CsvToParquet$Helper.class",
                    "gluelab/glue/GlueContext.class", "layout.json").doesNotContain(".hidden");
            assertThat(file.getManifest().getMainAttributes().getValue("Main-Class"))
                    .isEqualTo("gluelab.labs.lab01.CsvToParquet");
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Compiled labs/01-csv-to-parquet (2 classes)")
                .contains("build/lab-jobs/" + jar.fileName());
    }

    @Test
    void unchangedSourcesReuseTheJarAndAChangeReplacesIt() throws Exception {
        JobJar first = packager().build("01-csv-to-parquet");
        JobJar again = packager().build("01-csv-to-parquet");

        assertThat(again.fromCache()).isTrue();
        assertThat(again.path()).isEqualTo(first.path());
        assertThat(again.mainClasses()).isEqualTo(first.mainClasses());
        assertThat(again.classes()).isEqualTo(first.classes());
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("labs/01-csv-to-parquet is unchanged");

        write("labs/01-csv-to-parquet/gluelab/labs/lab01/CsvToParquet.java", SPARK_JOB.replace("overwrite", "append"));
        JobJar changed = packager().build("01-csv-to-parquet");

        assertThat(changed.fromCache()).isFalse();
        assertThat(changed.sourceHash()).isNotEqualTo(first.sourceHash());
        assertThat(first.path()).doesNotExist();
    }

    @Test
    void theSameSourcesGiveTheSameBytes() throws Exception {
        JobJar first = packager().build("01-csv-to-parquet");
        byte[] bytes = Files.readAllBytes(first.path());
        Files.delete(first.path());

        JobJar rebuilt = packager().build("01-csv-to-parquet");

        assertThat(rebuilt.fromCache()).isFalse();
        assertThat(Files.readAllBytes(rebuilt.path())).isEqualTo(bytes);
    }

    @Test
    void compileErrorsShowFileLineTheLineItselfAndACaret() throws Exception {
        write("labs/02-broken/Broken.java", """
                import org.apache.spark.sql.SparkSession;

                public class Broken {
                    public static void main(String[] args) {
                        SparkSession.builder().getOrCreate().reed().csv(args[0]);
                    }
                }
                """);

        assertThatThrownBy(() -> packager().build("02-broken"))
                .isInstanceOfSatisfying(JobCompileException.class, e -> {
                    assertThat(e.errors()).hasSize(1);
                    assertThat(e.getMessage()).startsWith("The job does not compile (1 error):")
                            .contains("labs/02-broken/Broken.java:5: error: cannot find symbol\n"
                                    + "        SparkSession.builder().getOrCreate().reed().csv(args[0]);\n"
                                    + "                                            ^\n"
                                    + "  symbol:   method reed()");
                });
        assertThat(home.resolve("build/lab-jobs")).isDirectoryNotContaining("glob:**.jar");
    }

    @Test
    void withoutTheRuntimeBuiltAJobUsingItGetsAHint() throws Exception {
        write("labs/03-uses-runtime/Job.java", """
                import gluelab.glue.DynamicFrame;
                public class Job { public static void main(String[] args) { } }
                """);
        JobPackager noRuntime = new JobPackager(home, home.resolve("build/lab-jobs"), sparkClasspath, null,
                new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThatThrownBy(() -> noRuntime.build("03-uses-runtime"))
                .hasMessageContaining("package gluelab.glue does not exist")
                .hasMessageContaining("The Glue runtime (lib/glue-runtime) is not built");
    }

    @Test
    void aJobIsCompiledAgainstALibraryThatItDoesNotCarry() throws Exception {
        write("labs/13-excel/gluelab/labs/lab13/SheetReader.java", EXCEL_JOB);
        Path poi = LocalMavenRepository.standard().jar("org.apache.poi:poi:" + POI_VERSION);

        JobJar jar = packager().build("13-excel", List.of(poi));

        assertThat(jar.mainClass()).isEqualTo("gluelab.labs.lab13.SheetReader");
        try (JarFile file = new JarFile(jar.path().toFile())) {
            assertThat(file.stream().map(ZipEntry::getName)).contains("gluelab/labs/lab13/SheetReader.class")
                    .noneMatch(name -> name.startsWith("org/apache/poi/"));
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("compiled against [poi-" + POI_VERSION + ".jar]")
                .contains("the job gets them from --extra-jars");
    }

    @Test
    void withoutItsLibraryAJobGetsAHintToCompileAgainstIt() throws Exception {
        write("labs/13-excel/gluelab/labs/lab13/SheetReader.java", EXCEL_JOB);

        assertThatThrownBy(() -> packager().build("13-excel"))
                .hasMessageContaining("package org.apache.poi.ss.usermodel does not exist")
                .hasMessageContaining("lab.jobJar(lab.mavenJars(");
    }

    /** Notebook 13 shows a job failing for want of POI: that holds only while the Glue worker, like AWS Glue, lacks it. */
    @Test
    void theGlueWorkerDoesNotHaveApachePoi() {
        assertThat(sparkClasspath).noneMatch(entry -> entry.toString().contains("/org/apache/poi/"));
    }

    @Test
    void aMissingFolderOrOneWithoutSourcesIsNamed() throws Exception {
        assertThatThrownBy(() -> packager().build("99-nothing")).hasMessageContaining("There is no folder labs/99-nothing");
        write("labs/04-empty/README.md", "no code");
        assertThatThrownBy(() -> packager().build("04-empty")).hasMessageContaining("has no .java files");
    }

    private Path write(String relative, String text) throws Exception {
        Path file = home.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }
}
