package gluelab.cloud.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import gluelab.cloud.testing.ConformanceScripts;
import gluelab.cloud.testing.RunningLabCloud;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Independent real clients against a running Lab Cloud without the Glue worker: every {@code *.sh} in
 * {@code src/test/conformance} runs under bash with AWS CLI v2 ({@code $AWS}), every {@code *.py} under Debian's
 * Python with boto3 1.26, and every {@code boto3-current-*.py} with a current boto3 (skipped, saying so, where none
 * is installed). A script passes by exiting 0; its output is shown when it fails.
 *
 * <p>The scripts run in two lanes at once, each against a Lab Cloud of its own, so that one script's clock advance
 * or listing never meets another's: a script is mostly a client starting up (Python and botocore, once per CLI call),
 * and one lane at a time left a core idle for minutes. Which lane runs a script is fixed (alternate scripts in name
 * order), and within a lane they run in name order, one at a time, as they always have.
 */
class ConformanceScriptsTest {

    private static final Path SCRIPTS = Path.of("src/test/conformance");
    private static final Duration SCRIPT_TIMEOUT = Duration.ofMinutes(5);

    @RegisterExtension
    static RunningLabCloud firstLane = RunningLabCloud.inMemory().withGlueRoles();

    @RegisterExtension
    static RunningLabCloud secondLane = RunningLabCloud.inMemory().withGlueRoles();

    @TestFactory
    Stream<DynamicTest> everyScriptAgreesWithLabCloud() {
        List<String> scripts = ConformanceScripts.in(SCRIPTS).toList();
        List<RunningLabCloud> lanes = List.of(firstLane, secondLane);
        ExecutorService runners = Executors.newFixedThreadPool(lanes.size(), runnable -> {
            Thread thread = new Thread(runnable, "conformance-lane");
            thread.setDaemon(true);
            return thread;
        });
        List<CompletableFuture<Optional<ConformanceScripts.Result>>> results = new ArrayList<>();
        List<CompletableFuture<?>> previousInLane = new ArrayList<>();
        for (int i = 0; i < scripts.size(); i++) {
            Path script = SCRIPTS.resolve(scripts.get(i));
            RunningLabCloud lane = lanes.get(i % lanes.size());
            CompletableFuture<?> after = i < lanes.size() ? CompletableFuture.completedFuture(null)
                    : previousInLane.get(i - lanes.size());
            CompletableFuture<Optional<ConformanceScripts.Result>> result = after.handleAsync((done, failed) ->
                    ConformanceScripts.unavailable(script).isPresent() ? Optional.empty()
                            : Optional.of(ConformanceScripts.run(script, lane.endpoint(), Map.of(), SCRIPT_TIMEOUT)),
                    runners);
            results.add(result);
            previousInLane.add(result);
        }
        CompletableFuture.allOf(results.toArray(CompletableFuture[]::new))
                .whenComplete((done, failed) -> runners.shutdown());
        return Stream.iterate(0, i -> i < scripts.size(), i -> i + 1).map(i -> DynamicTest.dynamicTest(scripts.get(i),
                () -> {
                    Optional<ConformanceScripts.Result> result = results.get(i).join();
                    Optional<String> unavailable = ConformanceScripts.unavailable(SCRIPTS.resolve(scripts.get(i)));
                    assumeTrue(unavailable.isEmpty(), unavailable::orElseThrow);
                    assertThat(result).isPresent();
                    assertThat(result.get().passed()).as(result.get().describe()).isTrue();
                }));
    }
}
