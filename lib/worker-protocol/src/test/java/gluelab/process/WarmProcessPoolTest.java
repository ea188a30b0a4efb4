package gluelab.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The warm-process pool with real child processes ({@link ScriptedChild}): one JVM each, a line protocol on stdio. */
class WarmProcessPoolTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Duration GRACE = Duration.ofSeconds(5);

    /** A unit of work: its id, and what the child does with it (ok, hold, crash). */
    record Job(String id, String how) {
    }

    @TempDir
    Path work;
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
    private final Children children = new Children();
    private WarmProcessPool<Job> pool;

    @AfterEach
    void closeThePool() {
        if (pool != null) {
            pool.close();
        }
    }

    @Test
    void workWaitsForItsProcessToSayItIsReadyAndIsDeliveredThen() {
        children.environment.put("READY_AFTER_MS", "700");
        pool = pool(new WarmProcessPool.Limits(1, 4, PATIENCE, GRACE));
        assertThat(pool.status()).isEqualTo(WarmProcessPool.Status.LAZY);

        pool.submit("k", "w1", new Job("w1", "ok"));
        pool.submit("k", "w2", new Job("w2", "ok"));

        assertThat(pool.status()).isEqualTo(WarmProcessPool.Status.STARTING);
        assertThat(pool.withdraw("w2")).as("w2 is not delivered yet, so it can be taken back").isTrue();
        awaitUntil(() -> children.done.containsKey("w1"));
        assertThat(children.timeline).containsSubsequence("ready glue-1", "deliver w1 to glue-1", "done w1 by glue-1");
        assertThat(children.timeline).noneMatch(entry -> entry.contains("w2"));
        assertThat(pool.status()).isEqualTo(WarmProcessPool.Status.READY);
        assertThat(pool.processes()).hasSize(1);
    }

    @Test
    void aProcessRunsTheSpecsCommandInItsWorkingDirectoryWithOnlyTheGivenEnvironment() throws Exception {
        children.inheritEnvironment = false;
        children.environment.put("ECHO_ENV", "FUNCTION_NAME,HOME");
        children.environment.put("FUNCTION_NAME", "orders-handler");
        pool = pool(new WarmProcessPool.Limits(1, 1, PATIENCE, GRACE));

        pool.submit("k", "w1", new Job("w1", "ok"));

        awaitUntil(() -> children.done.containsKey("w1"));
        assertThat(children.stdout.get("glue-1")).contains("env FUNCTION_NAME=orders-handler", "env HOME=null",
                "cwd " + work.resolve("glue-1").toRealPath());
    }

    @Test
    void aProcessNotReadyWithinTheStartupLimitIsKilledAndItsWorkLostSayingWhy() {
        children.environment.put("READY", "never");
        pool = pool(new WarmProcessPool.Limits(1, 4, Duration.ofSeconds(2), GRACE));

        pool.submit("k", "w1", new Job("w1", "ok"));

        awaitUntil(() -> children.lost.containsKey("w1"));
        assertThat(children.lost.get("w1")).isInstanceOfSatisfying(WorkLoss.ProcessExited.class, exited -> {
            assertThat(exited.processId()).isEqualTo("glue-1");
            assertThat(exited.reason()).isEqualTo("it did not become ready within 2 seconds");
            assertThat(exited.logFile()).isEqualTo(work.resolve("glue-1.log"));
        });
        assertThat(pool.status()).isEqualTo(WarmProcessPool.Status.DOWN);
        assertThat(children.timeline).noneMatch(entry -> entry.startsWith("deliver"));
    }

    @Test
    void aCrashReportsAllTheWorkItsProcessHeldWithItsLastWordsAndTheNextWorkGetsAFreshProcess() {
        pool = pool(new WarmProcessPool.Limits(1, 4, PATIENCE, GRACE));
        pool.submit("k", "w1", new Job("w1", "hold"));
        awaitUntil(() -> children.timeline.contains("deliver w1 to glue-1"));

        pool.submit("k", "w2", new Job("w2", "crash"));

        awaitUntil(() -> children.timeline.contains("exited glue-1 with 3"));
        for (String id : List.of("w1", "w2")) {
            assertThat(children.lost.get(id)).isInstanceOfSatisfying(WorkLoss.ProcessExited.class, exited -> {
                assertThat(exited.exitCode()).isEqualTo(3);
                assertThat(exited.signal()).isEmpty();
                assertThat(exited.howItEnded()).isEqualTo("exited (code 3)");
                assertThat(exited.reason()).isNull();
                assertThat(exited.lastLogLine()).isEqualTo("java.lang.IllegalStateException: dying while doing w2");
            });
        }
        assertThat(children.timeline).containsSubsequence("lost w1", "lost w2", "exited glue-1 with 3");
        assertThat(pool.status()).isEqualTo(WarmProcessPool.Status.DOWN);

        pool.submit("k", "w3", new Job("w3", "ok"));

        awaitUntil(() -> children.done.containsKey("w3"));
        assertThat(children.done.get("w3")).isEqualTo("glue-2");
        assertThat(pool.status()).isEqualTo(WarmProcessPool.Status.READY);
    }

    @Test
    void aProcessKilledFromOutsideLosesItsWorkNamingTheSignalAndTellsItsOwnerItEnded() {
        pool = pool(new WarmProcessPool.Limits(1, 4, PATIENCE, GRACE));
        pool.submit("k", "w1", new Job("w1", "hold"));
        awaitUntil(() -> children.timeline.contains("deliver w1 to glue-1"));

        ProcessHandle.of(pool.holder("w1").orElseThrow().pid()).orElseThrow().destroyForcibly(); // kill -9

        awaitUntil(() -> children.timeline.contains("exited glue-1 with 137"));
        assertThat(children.lost.get("w1")).isInstanceOfSatisfying(WorkLoss.ProcessExited.class, exited -> {
            assertThat(exited.signal()).hasValue(9);
            assertThat(exited.howItEnded()).isEqualTo("was killed by signal 9 (SIGKILL)");
            assertThat(exited.reason()).as("the pool did not end it").isNull();
        });
        assertThat(children.timeline).containsSubsequence("lost w1", "exited glue-1 with 137");
        assertThat(pool.status()).isEqualTo(WarmProcessPool.Status.DOWN);
    }

    @Test
    void noMoreProcessesRunThanTheCapAndWorkBeyondItWaitsItsTurnInOrder() {
        pool = pool(new WarmProcessPool.Limits(2, 1, PATIENCE, GRACE));
        for (String id : List.of("w1", "w2", "w3", "w4")) {
            pool.submit("k", id, new Job(id, "hold"));
        }
        awaitUntil(() -> children.delivered.size() == 2);
        assertThat(pool.processes()).hasSize(2);
        assertThat(children.delivered).containsExactlyInAnyOrder("w1", "w2");
        assertThat(pool.holder("w3")).isEmpty();

        finish("w2");
        awaitUntil(() -> children.delivered.size() == 3);
        finish("w1");
        awaitUntil(() -> children.delivered.size() == 4);

        assertThat(children.delivered.subList(2, 4)).containsExactly("w3", "w4");
        assertThat(children.started).hasValue(2);
        assertThat(pool.holder("w3").orElseThrow().id()).as("w3 took the place of w2").isEqualTo(children.done.get("w2"));
    }

    @Test
    void atTheCapWorkOfAnotherKeyEndsTheLeastRecentlyIdleProcessAndTakesItsPlace() {
        pool = pool(new WarmProcessPool.Limits(2, 1, PATIENCE, GRACE));
        pool.submit("a", "w1", new Job("w1", "ok"));
        awaitUntil(() -> children.done.containsKey("w1"));
        now.set(now.get().plusSeconds(60));
        pool.submit("b", "w2", new Job("w2", "ok"));
        awaitUntil(() -> children.done.containsKey("w2"));
        now.set(now.get().plusSeconds(60));

        pool.submit("c", "w3", new Job("w3", "ok"));

        awaitUntil(() -> children.done.containsKey("w3"));
        assertThat(children.timeline).containsSubsequence("stop glue-1", "exited glue-1 with 0", "deliver w3 to glue-3");
        assertThat(pool.processes()).extracting(WarmProcess::key).containsExactlyInAnyOrder("b", "c");
        assertThat(children.lost).isEmpty();
    }

    @Test
    void processesIdleForLongerThanAskedAreReapedOnThePoolsClockAndBusyOnesAreKept() {
        pool = pool(new WarmProcessPool.Limits(2, 1, PATIENCE, GRACE));
        pool.submit("idle", "w1", new Job("w1", "ok"));
        pool.submit("busy", "w2", new Job("w2", "hold"));
        awaitUntil(() -> children.done.containsKey("w1") && children.delivered.contains("w2"));

        now.set(now.get().plus(Duration.ofMinutes(4)));
        assertThat(pool.reapIdle(Duration.ofMinutes(5))).isZero();
        now.set(now.get().plus(Duration.ofMinutes(2)));
        assertThat(pool.reapIdle(Duration.ofMinutes(5))).isEqualTo(1);

        String reaped = children.done.get("w1");
        awaitUntil(() -> children.timeline.contains("exited " + reaped + " with 0"));
        assertThat(pool.processes()).extracting(WarmProcess::key).containsExactly("busy");
        finish("w2");
        awaitUntil(() -> children.done.containsKey("w2"));
        assertThat(children.lost).isEmpty();
        assertThat(pool.status()).isEqualTo(WarmProcessPool.Status.READY);
    }

    @Test
    void workForAProcessThatCannotBeStartedIsLostSayingWhy() {
        children.broken = "The worker is not built: build it with mvn package";
        pool = pool(new WarmProcessPool.Limits(1, 1, PATIENCE, GRACE));

        pool.submit("k", "w1", new Job("w1", "ok"));

        assertThat(children.lost.get("w1")).isEqualTo(new WorkLoss.ProcessNotStarted(children.broken));
        assertThat(pool.status()).isEqualTo(WarmProcessPool.Status.DOWN);
    }

    @Test
    void closingThePoolEndsItsProcessesPolitelyAndReportsNoWork() {
        pool = pool(new WarmProcessPool.Limits(1, 4, PATIENCE, GRACE));
        pool.submit("k", "w1", new Job("w1", "hold"));
        awaitUntil(() -> children.delivered.contains("w1"));
        WarmProcess process = pool.holder("w1").orElseThrow();

        pool.close();
        pool.submit("k", "w2", new Job("w2", "ok"));

        assertThat(process.isAlive()).isFalse();
        assertThat(children.timeline).contains("stop glue-1");
        assertThat(children.lost).containsOnlyKeys("w2").containsEntry("w2", new WorkLoss.PoolClosed());
    }

    private void finish(String id) {
        pool.holder(id).orElseThrow().sendLine("finish " + id);
    }

    private WarmProcessPool<Job> pool(WarmProcessPool.Limits limits) {
        WarmProcessPool<Job> created = new WarmProcessPool<>("glue", limits, children, (InstantSource) now::get);
        children.pool = created;
        return created;
    }

    private static void awaitUntil(BooleanSupplier condition) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + PATIENCE);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    /** The owner: starts {@link ScriptedChild}ren, and records what happens to them and to the work. */
    private final class Children implements ProcessOwner<Job> {
        final Map<String, String> environment = new ConcurrentHashMap<>();
        boolean inheritEnvironment = true;
        String broken;
        volatile WarmProcessPool<Job> pool;
        final AtomicInteger started = new AtomicInteger();
        final List<String> timeline = new CopyOnWriteArrayList<>();
        final List<String> delivered = new CopyOnWriteArrayList<>();
        final Map<String, String> done = new ConcurrentHashMap<>();
        final Map<String, WorkLoss> lost = new ConcurrentHashMap<>();
        final Map<String, List<String>> stdout = new ConcurrentHashMap<>();

        @Override
        public ProcessSpec spec(String key, String processId) {
            if (broken != null) {
                throw new IllegalStateException(broken);
            }
            started.incrementAndGet();
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx32m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                    ScriptedChild.class.getName()));
            return new ProcessSpec(command, environment, inheritEnvironment, work.resolve(processId),
                    work.resolve(processId + ".log"), false);
        }

        @Override
        public void deliver(WarmProcess process, Job job) {
            timeline.add("deliver " + job.id() + " to " + process.id());
            delivered.add(job.id());
            process.sendLine("work " + job.id() + " " + job.how());
        }

        @Override
        public void lost(Job job, WorkLoss why) {
            timeline.add("lost " + job.id());
            lost.put(job.id(), why);
        }

        @Override
        public void stdoutLine(WarmProcess process, String line) {
            stdout.computeIfAbsent(process.id(), id -> new CopyOnWriteArrayList<>()).add(line);
            if (line.equals("ready")) {
                timeline.add("ready " + process.id());
                process.markReady();
            } else if (line.startsWith("done ")) {
                String id = line.substring(5);
                timeline.add("done " + id + " by " + process.id());
                done.put(id, process.id());
                pool.complete(id);
            }
        }

        @Override
        public void stopGracefully(WarmProcess process) {
            timeline.add("stop " + process.id());
            process.closeInput();
        }

        @Override
        public void exited(WarmProcess process, int exitCode) {
            timeline.add("exited " + process.id() + " with " + exitCode);
        }
    }
}
