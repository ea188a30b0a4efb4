package gluelab.glue.worker;

import org.apache.spark.TaskContext;
import org.apache.spark.TaskFailedReason;
import org.apache.spark.api.plugin.DriverPlugin;
import org.apache.spark.api.plugin.ExecutorPlugin;
import org.apache.spark.api.plugin.SparkPlugin;

import gluelab.glue.worker.s3a.LatestTaskCredentials;

/**
 * Tells the worker which Spark task threads are working for which run ({@code spark.plugins}),
 * so that stopping a run can end a task stuck in a loop that ignores interrupts. On the executors of a
 * Spark cluster (no worker there), it records each task's run credentials for S3A's pool threads.
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
                TaskContext task = TaskContext.get();
                LatestTaskCredentials.taskStarted(task);
                String runId = task == null ? null : task.getLocalProperty(RunRegistry.RUN_ID_PROPERTY);
                if (runId != null) {
                    RunRegistry.taskStarted(runId);
                } else {
                    RunRegistry.taskEnded();
                }
            }

            @Override
            public void onTaskSucceeded() {
                RunRegistry.taskEnded();
            }

            @Override
            public void onTaskFailed(TaskFailedReason failureReason) {
                RunRegistry.taskEnded();
            }
        };
    }
}
