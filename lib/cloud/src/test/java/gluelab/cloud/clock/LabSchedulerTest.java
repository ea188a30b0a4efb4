package gluelab.cloud.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Timers on the lab clock, as services use them: fired as time passes, and in order when the clock is advanced. */
class LabSchedulerTest {

    private static final TimerOwner OWNER = new TimerOwner("test", "timer", "r", "000000000000", "us-east-1");

    @Test
    void aTimerDueNowFiresAtOnceAndNotAtTheTickersNextRound() throws Exception {
        LabClock clock = new LabClock(Clock.systemUTC(), 0);
        try (LabScheduler scheduler = new LabScheduler(clock, new ActivityTracker())) {
            scheduler.start();
            Thread.sleep(50); // the ticker is asleep, its next round up to a tick away

            for (int i = 0; i < 5; i++) {
                CompletableFuture<Long> firedAfterNanos = new CompletableFuture<>();
                long scheduled = System.nanoTime();
                scheduler.scheduleOnce(OWNER, clock.instant(),
                        at -> firedAfterNanos.complete(System.nanoTime() - scheduled));

                assertThat(firedAfterNanos.get(5, TimeUnit.SECONDS)).as("nanoseconds from scheduling to firing")
                        .isLessThan(TimeUnit.MILLISECONDS.toNanos(100));
                Thread.sleep(37);
            }
        }
    }

    @Test
    void aTimerDueSoonFiresWhenItFallsDueNeverBefore() throws Exception {
        LabClock clock = new LabClock(Clock.systemUTC(), 0);
        try (LabScheduler scheduler = new LabScheduler(clock, new ActivityTracker())) {
            scheduler.start();
            Instant due = clock.instant().plusMillis(300);
            CompletableFuture<Instant> firedAt = new CompletableFuture<>();
            scheduler.scheduleOnce(OWNER, due, at -> firedAt.complete(clock.instant()));

            assertThat(firedAt.get(5, TimeUnit.SECONDS)).isAfterOrEqualTo(due);
        }
    }

    @Test
    void aDeliveryInFlightWhenTheClockIsAdvancedEndsAtTheCurrentInstantAndWhatItSchedulesIsFiredByTheAdvance()
            throws Exception {
        LabClock clock = new LabClock(Clock.systemUTC(), 0);
        ActivityTracker activity = new ActivityTracker();
        try (LabScheduler scheduler = new LabScheduler(clock, activity)) {
            scheduler.start();
            Instant queued = clock.instant();
            CompletableFuture<Instant> attemptEnded = new CompletableFuture<>();
            CompletableFuture<Instant> retryFired = new CompletableFuture<>();
            CountDownLatch attemptStarted = new CountDownLatch(1);
            // An event's first attempt, fired by the ticker at once; it fails after a while and retries a minute later
            scheduler.scheduleOnce(OWNER, queued, at -> {
                ActivityTracker.Activity attempt = activity.begin("event attempt");
                attemptStarted.countDown();
                new Thread(() -> {
                    try (attempt) {
                        Thread.sleep(300);
                        Instant failedAt = clock.instant();
                        attemptEnded.complete(failedAt);
                        scheduler.scheduleOnce(OWNER, failedAt.plusSeconds(60), retryFired::complete);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }).start();
            });
            assertThat(attemptStarted.await(5, TimeUnit.SECONDS)).isTrue();

            List<FiredTimer> fired = scheduler.advanceTo(queued.plus(Duration.ofMinutes(5)), Duration.ofSeconds(10));

            assertThat(Duration.between(queued, attemptEnded.get(5, TimeUnit.SECONDS)))
                    .as("the attempt ends before the clock moves").isLessThan(Duration.ofSeconds(5));
            assertThat(retryFired.isDone()).as("the retry, due a minute after the failure, fired in the advance")
                    .isTrue();
            assertThat(Duration.between(attemptEnded.get(), retryFired.get())).isEqualTo(Duration.ofSeconds(60));
            assertThat(fired).hasSize(1);
        }
    }

    @Test
    void aRunInFlightDoesNotHoldAnAdvanceBackSoThatItsTimeoutCanFire() {
        LabClock clock = new LabClock(Clock.systemUTC(), 0);
        ActivityTracker activity = new ActivityTracker();
        try (LabScheduler scheduler = new LabScheduler(clock, activity);
             ActivityTracker.Activity run = activity.beginRun("a job run that would go on for hours")) {
            scheduler.start();
            Instant started = clock.instant();
            CompletableFuture<Instant> timedOut = new CompletableFuture<>();
            scheduler.scheduleOnce(OWNER, started.plus(Duration.ofMinutes(2)), timedOut::complete);
            long before = System.nanoTime();

            scheduler.advanceTo(started.plus(Duration.ofMinutes(3)), Duration.ofMillis(100));

            assertThat(timedOut).isCompleted();
            assertThat(Duration.ofNanos(System.nanoTime() - before)).as("real time the advance took")
                    .isLessThan(Duration.ofSeconds(5));
        }
    }
}
