package gluelab.glue.worker;

import org.apache.spark.TaskContext;
import org.apache.spark.TaskFailedReason;
import org.apache.spark.api.plugin.DriverPlugin;
import org.apache.spark.api.plugin.ExecutorPlugin;
import org.apache.spark.api.plugin.SparkPlugin;

/**
 * Tells each run which Spark task threads are working for it ({@code spark.plugins}), so that
 * stopping a run can end a task stuck in a loop that ignores interrupts.
 */
public final class RunTaskPlugin implements SparkPlugin {

    @Override
    public DriverPlugin driverPlugin() {
        return null;
    }

    @Override
    public ExecutorPlugin executorPlugin() {
        return new ExecutorPlugin() {
            @Override
            public void onTaskStart() {
                JobRun run = runOfTask();
                if (run != null) {
                    run.taskThreads().add(Thread.currentThread());
                }
            }

            @Override
            public void onTaskSucceeded() {
                ended();
            }

            @Override
            public void onTaskFailed(TaskFailedReason failureReason) {
                ended();
            }

            private void ended() {
                JobRun run = runOfTask();
                if (run != null) {
                    run.taskThreads().remove(Thread.currentThread());
                }
            }
        };
    }

    private static JobRun runOfTask() {
        TaskContext task = TaskContext.get();
        String runId = task == null ? null : task.getLocalProperty(RunRegistry.RUN_ID_PROPERTY);
        return runId == null ? null : RunRegistry.get(runId);
    }
}
