package gluelab.glue.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which class loader a run gets: runs of the worker's own classes share one (Spark's generated code is cached per
 * context class loader, so sharing it is what lets a second evaluation run reuse the first one's code), while a run
 * with jars gets its own, closed when the run gives it back.
 */
class RunClassLoadersTest {

    private final RunClassLoaders loaders = new RunClassLoaders(getClass().getClassLoader());

    @Test
    void runsWithoutJarsShareOneLoaderThatOutlivesEachRun() throws Exception {
        RunClassLoader first = loaders.forRun("dqrun-1", new URL[0], false, false);
        loaders.release(first);
        RunClassLoader second = loaders.forRun("dqrun-2", new URL[0], false, false);

        assertThat(second).isSameAs(first);
        assertThat(loaders.isShared(second)).isTrue();
        assertThat(second.loadClass("gluelab.glue.builtin.DataQualityEvaluationRun")).isNotNull();
    }

    @Test
    void theSharedLoaderStillHidesIcebergFromRunsThatDoNotAskForIt() {
        RunClassLoader without = loaders.forRun("dqrun-1", new URL[0], false, false);
        RunClassLoader with = loaders.forRun("dqrun-2", new URL[0], false, true);

        assertThat(with).isNotSameAs(without);
        assertThatThrownBy(() -> without.loadClass("org.apache.iceberg.spark.SparkCatalog"))
                .isInstanceOf(ClassNotFoundException.class).hasMessageContaining("--datalake-formats iceberg");
    }

    @Test
    void aRunWithJarsGetsALoaderOfItsOwnThatIsClosedWhenReleased(@TempDir Path dir) throws Exception {
        Path jar = dir.resolve("job.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("job.properties"));
            out.write("job=1\n".getBytes(StandardCharsets.UTF_8));
        }
        URL[] jars = {jar.toUri().toURL()};
        RunClassLoader run = loaders.forRun("jr_1", jars, false, false);
        RunClassLoader next = loaders.forRun("jr_2", jars, false, false);

        assertThat(next).isNotSameAs(run);
        assertThat(loaders.isShared(run)).isFalse();
        assertThat(run.findResource("job.properties")).isNotNull();
        loaders.release(run);
        assertThat(run.findResource("job.properties")).isNull();
        assertThat(next.findResource("job.properties")).isNotNull();
        loaders.release(next);
    }
}
