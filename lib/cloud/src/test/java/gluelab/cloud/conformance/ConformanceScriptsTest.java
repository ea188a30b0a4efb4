package gluelab.cloud.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import gluelab.cloud.testing.ConformanceScripts;
import gluelab.cloud.testing.RunningLabCloud;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Independent real clients against a running Lab Cloud without the Glue worker: every {@code *.sh} in
 * {@code src/test/conformance} runs under bash with AWS CLI v2 ({@code $AWS}), every {@code *.py} under Debian's
 * Python with boto3 1.26, and every {@code boto3-current-*.py} with a current boto3 (skipped, saying so, where none
 * is installed). A script passes by exiting 0; its output is shown when it fails.
 */
class ConformanceScriptsTest {

    private static final Path SCRIPTS = Path.of("src/test/conformance");

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory();

    static Stream<String> scripts() {
        return ConformanceScripts.in(SCRIPTS);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scripts")
    void scriptAgreesWithLabCloud(String script) {
        Optional<String> unavailable = ConformanceScripts.unavailable(SCRIPTS.resolve(script));
        assumeTrue(unavailable.isEmpty(), unavailable::get);
        ConformanceScripts.Result result = ConformanceScripts.run(SCRIPTS.resolve(script), cloud.endpoint(), Map.of(),
                Duration.ofMinutes(5));

        assertThat(result.passed()).as(result.describe()).isTrue();
    }
}
