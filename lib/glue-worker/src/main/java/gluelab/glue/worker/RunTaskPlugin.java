package gluelab.glue.worker;

import java.util.Map;

import org.apache.spark.SparkContext;
import org.apache.spark.TaskContext;
import org.apache.spark.TaskFailedReason;
import org.apache.spark.api.plugin.DriverPlugin;
import org.apache.spark.api.plugin.ExecutorPlugin;
import org.apache.spark.api.plugin.PluginContext;
import org.apache.spark.api.plugin.SparkPlugin;

import gluelab.glue.worker.s3a.LatestTaskCredentials;

/**
 * Tells the worker which Spark task threads are working for which run ({@code spark.plugins}),
 * so that stopping a run can end a task stuck in a loop that ignores interrupts. On the executors of a
 * Spark cluster (no worker there), it records each task's run credentials for S3A's pool threads, and sends what
 * the task prints and logs to the driver ({@link ExecutorTaskOutput}), whose side of the plugin writes it to the
 * run's streams.
 */
public final class RunTaskPlugin implements SparkPlugin {

    /** Spark's name for the executor that is the driver itself, in local mode. */
    private static final String DRIVER_EXECUTOR_ID = "driver";

    @Override
    public DriverPlugin driverPlugin() {
        return new DriverPlugin() {
            @Override
            public Map<String, String> init(SparkContext context, PluginContext plugin) {
                return Map.of();
            }

            @Override
            public Object receive(Object message) {
                if (message instanceof ExecutorTaskOutput.Chunk chunk) {
                    JobRun run = RunRegistry.get(chunk.runId());
                    if (run != null) {
                        run.output().write(chunk.stream(), chunk.bytes(), 0, chunk.bytes().length);
                    } else {
                        // On this RPC thread, which works for no run, System.err is the worker's own stderr.
                        System.err.println("[glue-worker] task output of run " + chunk.runId() + ", which has ended: "
                                + new String(chunk.bytes(), java.nio.charset.StandardCharsets.UTF_8).strip());
                    }
                }
                return Boolean.TRUE;
            }
        };
    }

    @Override
    public ExecutorPlugin executorPlugin() {
        return new ExecutorPlugin() {
            /** Null in local mode, where the tasks' System.out is already the worker's routing one. */
            private ExecutorTaskOutput taskOutput;

            @Override
            public void init(PluginContext context, Map<String, String> extraConf) {
                if (!DRIVER_EXECUTOR_ID.equals(context.executorID())) {
                    taskOutput = ExecutorTaskOutput.install(context);
                }
            }

            @Override
            public void onTaskStart() {
                TaskContext task = TaskContext.get();
                LatestTaskCredentials.taskStarted(task);
                String runId = task == null ? null : task.getLocalProperty(RunRegistry.RUN_ID_PROPERTY);
                if (runId != null) {
                    RunRegistry.taskStarted(runId);
                } else {
                    RunRegistry.taskEnded();
                }
                if (taskOutput != null) {
                    taskOutput.taskStarted(runId);
                }
            }

            @Override
            public void onTaskSucceeded() {
                taskEnded();
            }

            @Override
            public void onTaskFailed(TaskFailedReason failureReason) {
                taskEnded();
            }

            private void taskEnded() {
                RunRegistry.taskEnded();
                if (taskOutput != null) {
                    taskOutput.taskEnded();
                }
            }
        };
    }
}
