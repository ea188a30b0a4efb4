package gluelab.lab.wait;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gluelab.lab.Durations;
import gluelab.lab.LabTimeoutException;
import gluelab.lab.display.Display;
import gluelab.lab.display.DisplaySink;
import gluelab.lab.display.MimeBundle;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
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

    @Test
    void inANotebookTheWaitIsOneOutputRedrawnInPlaceWithTheTimeWaited() {
        List<String> shown = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        DisplaySink notebook = new DisplaySink() {
            @Override
            public void display(MimeBundle bundle, String displayId) {
                ids.add(displayId);
                shown.add("new: " + bundle.plainText());
            }

            @Override
            public void update(String displayId, MimeBundle bundle) {
                ids.add(displayId);
                shown.add("update: " + bundle.plainText());
            }
        };
        Iterator<String> states = List.of("STARTING", "RUNNING", "RUNNING", "RUNNING", "RUNNING", "RUNNING", "SUCCEEDED").iterator();
        Display.setSink(notebook);
        try {
            waiterShowing(ProgressLine::forThisProcess).await("Run jr_1 of lab01-job", states::next, s -> s, "SUCCEEDED"::equals,
                    (s, waited) -> "in " + waited.toMillis() + " ms", Duration.ofMinutes(1), null);
        } finally {
            Display.setSink(DisplaySink.PLAIN_TEXT);
        }

        // Polls at 0, 0.2, 0.5, 0.95, 1.625, 2.625 and 3.625 s.
        assertThat(shown).containsExactly(
                "new: Run jr_1 of lab01-job: ",
                "update: Run jr_1 of lab01-job: STARTING",
                "update: Run jr_1 of lab01-job: STARTING → RUNNING",
                "update: Run jr_1 of lab01-job: STARTING → RUNNING … 1 s",
                "update: Run jr_1 of lab01-job: STARTING → RUNNING … 2 s",
                "update: Run jr_1 of lab01-job: STARTING → RUNNING → SUCCEEDED in 3625 ms");
        assertThat(ids).hasSize(6).containsOnly(ids.get(0));
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void anInterruptEndsTheWaitAtOnceSayingSoAndKeepsTheThreadInterrupted() {
        StateWaiter interruptedWhileAsleep = new StateWaiter(new PrintStream(out, true, StandardCharsets.UTF_8),
                Duration.ofMillis(200), Duration.ofSeconds(1), d -> {
                    throw new InterruptedException();
                }, () -> fakeNanos);
        try {
            assertThatThrownBy(() -> interruptedWhileAsleep.await("Crawler lab15-sales", () -> "RUNNING", s -> s, s -> false,
                    (s, w) -> "", Duration.ofMinutes(5), null))
                    .isInstanceOf(LabTimeoutException.class)
                    .hasMessage("Crawler lab15-sales was still RUNNING when the wait was interrupted");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
        assertThat(out.toString(StandardCharsets.UTF_8))
                .isEqualTo("Crawler lab15-sales: RUNNING … interrupted." + System.lineSeparator());
    }

    @Test
    void anSdkCallCutShortByAnInterruptEndsTheWaitTheSameWay() {
        RuntimeException aborted = new RuntimeException("Unable to execute HTTP request",
                new java.io.InterruptedIOException("Thread was interrupted"));
        Iterator<String> answers = List.of("RUNNING").iterator();

        assertThatThrownBy(() -> waiter().await("Execution lab49-run", () -> {
            if (!answers.hasNext()) {
                throw aborted;
            }
            return answers.next();
        }, s -> s, s -> false, (s, w) -> "", Duration.ofMinutes(5), null))
                .isInstanceOf(LabTimeoutException.class)
                .hasMessage("Execution lab49-run was still RUNNING when the wait was interrupted");
        Thread.interrupted();
        assertThat(out.toString(StandardCharsets.UTF_8)).endsWith("RUNNING … interrupted." + System.lineSeparator());
    }

    @Test
    void aFailureThatIsNoInterruptGoesThroughUnchanged() {
        IllegalStateException failure = new IllegalStateException("EntityNotFoundException: no such job");

        assertThatThrownBy(() -> waiter().<String>await("Run jr_1 of lab01-job", () -> {
            throw failure;
        }, s -> s, s -> false, (s, w) -> "", Duration.ofMinutes(5), null)).isSameAs(failure);
    }

    // ---- waits that count on the lab clock ----

    private static final String REFUSED = "AWS runs on real time, so lab.advanceClock did not move it 1 d (until 2026-12-08T21:40:00Z)";

    private StateWaiter waiterAfterTheClock(Optional<String> unmoved) {
        return waiterAfterTheClock(unmoved, Duration.ofDays(1));
    }

    /** After a refused advance that real time reaches {@code realTimeLeft} after the wait starts. */
    private StateWaiter waiterAfterTheClock(Optional<String> unmoved, Duration realTimeLeft) {
        return waiter().withLabClock(() -> unmoved.map(said -> new UnmovedClock(said,
                realTimeLeft.minusNanos(fakeNanos).isNegative() ? Duration.ZERO : realTimeLeft.minusNanos(fakeNanos))),
                Duration.ofSeconds(15));
    }

    @Test
    void onceAnAdvanceWasRefusedAWaitOnlyForTheClockGivesUpAfterTheGraceSayingWhyAndReturnsWhatItSaw() {
        String last = waiterAfterTheClock(Optional.of(REFUSED)).await("Invocations of lab36-rotate", () -> "0 invocations",
                s -> s, s -> false, (s, w) -> "", Duration.ofMinutes(10), "Look at its log group.", s -> true);

        assertThat(last).isEqualTo("0 invocations");
        assertThat(fakeNanos).as("time waited").isBetween(Duration.ofSeconds(15).toNanos(), Duration.ofSeconds(17).toNanos());
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("Invocations of lab36-rotate: 0 invocations … gave up"
                + " after 15.6 s: this wait needs the lab clock. " + REFUSED + "; wait that long, then run this cell again."
                + System.lineSeparator());
    }

    @Test
    void whenRealTimeReachesWhatTheRefusedAdvanceWouldHaveWithinTheTimeoutTheWaitWaitsForIt() {
        // Lambda retries a failed asynchronous invocation a minute and then two later: the third ends at 3 min 10 s.
        String last = waiterAfterTheClock(Optional.of(REFUSED), Duration.ofMinutes(4)).await("Invocations of lab33-flaky",
                () -> fakeNanos < Duration.ofSeconds(70).toNanos() ? "1 invocation"
                        : fakeNanos < Duration.ofSeconds(190).toNanos() ? "2 invocations" : "3 invocations",
                s -> s, "3 invocations"::equals, (s, w) -> "in " + Durations.describe(w), Duration.ofMinutes(10), null,
                s -> true);

        assertThat(last).isEqualTo("3 invocations");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("Invocations of lab33-flaky: 1 invocation → 2 invocations"
                + " → 3 invocations in 3 min 10 s" + System.lineSeparator());
    }

    @Test
    void whenRealTimeReachesWhatTheRefusedAdvanceWouldHaveAndNothingCameTheWaitGivesUpAGraceLater() {
        String last = waiterAfterTheClock(Optional.of(REFUSED), Duration.ofMinutes(4)).await("Invocations of lab33-flaky",
                () -> "1 invocation", s -> s, s -> false, (s, w) -> "", Duration.ofMinutes(10), null, s -> true);

        assertThat(last).isEqualTo("1 invocation");
        assertThat(Duration.ofNanos(fakeNanos)).isBetween(Duration.ofSeconds(255), Duration.ofSeconds(257));
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Invocations of lab33-flaky: 1 invocation … gave up after 4 min");
    }

    @Test
    void whatIsUnderwayIsWaitedForEvenAfterARefusedAdvanceAndTheGraceStartsWhenItEnds() {
        // 1 running for 30 s (twice the grace), then 1 ended, with a second one due on the clock that never comes.
        String last = waiterAfterTheClock(Optional.of(REFUSED)).await("Invocations of lab54-notify", () -> {
            return fakeNanos < Duration.ofSeconds(30).toNanos() ? "0 ended, 1 going" : "1 ended";
        }, s -> s, s -> false, (s, w) -> "", Duration.ofMinutes(10), null, s -> !s.contains("going"));

        assertThat(last).isEqualTo("1 ended");
        assertThat(Duration.ofNanos(fakeNanos)).isBetween(Duration.ofSeconds(45), Duration.ofSeconds(47));
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Invocations of lab54-notify: 0 ended, 1 going → 1 ended"
                + " … gave up after 45.6 s: this wait needs the lab clock.");
    }

    @Test
    void aWaitOnTheClockEndsAsUsualWhenWhatItWaitsForAlreadyHappened() {
        String last = waiterAfterTheClock(Optional.of(REFUSED)).await("2 runs of lab51-load", () -> "2 runs, all ended",
                s -> s, s -> true, (s, w) -> "in 0 s", Duration.ofMinutes(30), null, s -> true);

        assertThat(last).isEqualTo("2 runs, all ended");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("2 runs of lab51-load: 2 runs, all ended in 0 s"
                + System.lineSeparator());
    }

    @Test
    void whileTheLabClockMovesAWaitOnItWaitsOutItsTimeout() {
        assertThatThrownBy(() -> waiterAfterTheClock(Optional.empty()).await("Invocations of lab36-rotate",
                () -> "0 invocations", s -> s, s -> false, (s, w) -> "", Duration.ofMinutes(2), null, s -> true))
                .isInstanceOf(LabTimeoutException.class)
                .hasMessageStartingWith("Invocations of lab36-rotate is still 0 invocations after 2 min");
    }

    @Test
    void aWaitThatDoesNotCountOnTheClockIsNotCutShortByARefusedAdvance() {
        assertThatThrownBy(() -> waiterAfterTheClock(Optional.of(REFUSED)).await("Run jr_1 of lab01-job", () -> "RUNNING",
                s -> s, s -> false, (s, w) -> "", Duration.ofMinutes(2), null))
                .isInstanceOf(LabTimeoutException.class)
                .hasMessageStartingWith("Run jr_1 of lab01-job is still RUNNING after 2 min");
    }

    private StateWaiter waiterShowing(java.util.function.Supplier<ProgressLine> progress) {
        return new StateWaiter(progress, Duration.ofMillis(200), Duration.ofSeconds(1), d -> {
            sleeps.add(d);
            fakeNanos += d.toNanos();
        }, () -> fakeNanos);
    }
}
