package gluelab.e2e.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import gluelab.cloud.testing.ConformanceScripts;
import gluelab.cloud.testing.RunningLabCloud;
import gluelab.e2e.LabCloudWithWorker;
import gluelab.e2e.glue.LabJobs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Independent real clients against a Lab Cloud that runs Glue jobs on the real worker: every script in
 * {@code src/test/conformance} (see its README), given {@code JOB_JAR}, a job jar compiled here first.
 */
class GlueJobsConformanceScriptsTest {

    private static final Path SCRIPTS = Path.of("src/test/conformance");

    @RegisterExtension
    static RunningLabCloud cloud = LabCloudWithWorker.shared();
    @TempDir
    static Path work;
    static Path jobJar;

    @BeforeAll
    static void buildTheJobJar() throws Exception {
        jobJar = Files.write(work.resolve("lab-jobs.jar"), LabJobs.jar());
    }

    static Stream<String> scripts() {
        return ConformanceScripts.in(SCRIPTS);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scripts")
    void scriptAgreesWithLabCloud(String script) {
        ConformanceScripts.Result result = ConformanceScripts.run(SCRIPTS.resolve(script), cloud.endpoint(),
                Map.of("JOB_JAR", jobJar.toString()), Duration.ofMinutes(10));

        assertThat(result.passed()).as(result.describe()).isTrue();
    }
}
