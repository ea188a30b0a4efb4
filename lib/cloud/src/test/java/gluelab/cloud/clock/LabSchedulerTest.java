package gluelab.cloud.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

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
}
