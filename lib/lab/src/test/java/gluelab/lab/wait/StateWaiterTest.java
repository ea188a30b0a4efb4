package gluelab.lab.wait;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gluelab.lab.LabTimeoutException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

class StateWaiterTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final List<Duration> sleeps = new ArrayList<>();
    private long fakeNanos;

    private StateWaiter waiter() {
        return new StateWaiter(new PrintStream(out, true, StandardCharsets.UTF_8), Duration.ofMillis(200),
                Duration.ofSeconds(1), d -> {
                    sleeps.add(d);
                    fakeNanos += d.toNanos();
                }, () -> fakeNanos);
    }

    @Test
    void eachStateIsShownOnceOnOneLineEndingWithTheSummary() {
        Iterator<String> states = List.of("STARTING", "STARTING", "RUNNING", "RUNNING", "RUNNING", "SUCCEEDED").iterator();

        String last = waiter().await("Run jr_1 of lab01-job", states::next, s -> s, "SUCCEEDED"::equals,
                (s, waited) -> "in " + waited.toMillis() + " ms", Duration.ofMinutes(1), null);

        assertThat(last).isEqualTo("SUCCEEDED");
        assertThat(out.toString(StandardCharsets.UTF_8))
                .isEqualTo("Run jr_1 of lab01-job: STARTING → RUNNING → SUCCEEDED in 2625 ms" + System.lineSeparator());
    }

    @Test
    void pollsSlowDownUpToTheLimit() {
        Iterator<String> states = List.of("A", "A", "A", "A", "A", "A", "B").iterator();

        waiter().await("x", states::next, s -> s, "B"::equals, (s, w) -> "", Duration.ofMinutes(1), null);

        assertThat(sleeps).extracting(Duration::toMillis).containsExactly(200L, 300L, 450L, 675L, 1000L, 1000L);
    }

    @Test
    void givingUpSaysWhatItWasStillDoingAndWhatToLookAt() {
        assertThatThrownBy(() -> waiter().await("Run jr_1 of lab01-job", () -> "RUNNING", s -> s, s -> false,
                (s, w) -> "", Duration.ofSeconds(3), "Look at its log."))
                .isInstanceOf(LabTimeoutException.class)
                .hasMessage("Run jr_1 of lab01-job is still RUNNING after 3.6 s. Look at its log.");
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Run jr_1 of lab01-job: RUNNING … still RUNNING after");
    }
}
