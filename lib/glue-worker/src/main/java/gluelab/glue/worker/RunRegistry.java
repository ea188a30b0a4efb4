package gluelab.glue.worker;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.spark.TaskContext;

/**
 * Which run the calling thread works for. A run thread (and any thread it starts) is bound to
 * its run; a Spark task thread belongs to the run whose job it executes, told by the local
 * property {@link #RUN_ID_PROPERTY} that travels with every job the run submits.
 */
final class RunRegistry {

    static final String RUN_ID_PROPERTY = "gluelab.runId";

    private static final Map<String, JobRun> RUNS = new ConcurrentHashMap<>();
    private static final InheritableThreadLocal<JobRun> BOUND = new InheritableThreadLocal<>();
    /** Spark task threads by the run whose task they are executing now. */
    private static final Map<Thread, String> TASK_THREADS = new ConcurrentHashMap<>();

    private RunRegistry() {
    }

    static void register(JobRun run) {
        RUNS.put(run.runId(), run);
    }

    static void unregister(JobRun run) {
        RUNS.remove(run.runId(), run);
    }

    static JobRun get(String runId) {
        return RUNS.get(runId);
    }

    static Collection<JobRun> active() {
        return RUNS.values();
    }

    static void taskStarted(String runId) {
        TASK_THREADS.put(Thread.currentThread(), runId);
    }

    static void taskEnded() {
        TASK_THREADS.remove(Thread.currentThread());
    }

    /** The task threads executing a task of {@code runId} right now. */
    static java.util.List<Thread> taskThreadsOf(String runId) {
        return TASK_THREADS.entrySet().stream().filter(e -> e.getValue().equals(runId)).map(Map.Entry::getKey).toList();
    }

    static void bindCurrentThread(JobRun run) {
        BOUND.set(run);
    }

    /** The live run the calling thread works for, or null for the worker's own threads. */
    static JobRun current() {
        JobRun bound = BOUND.get();
        if (bound != null && !bound.isFinished()) {
            return bound;
        }
        TaskContext task = TaskContext.get();
        if (task != null) {
            String runId = task.getLocalProperty(RUN_ID_PROPERTY);
            if (runId != null) {
                return RUNS.get(runId);
            }
        }
        return null;
    }
}
