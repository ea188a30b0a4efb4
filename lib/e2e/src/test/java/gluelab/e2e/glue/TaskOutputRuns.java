package gluelab.e2e.glue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.glue.model.JobRun;

/**
 * What the tasks of a run print and log lands in the run's own streams, as if they ran in the driver: the same
 * for the worker's local Spark and for the executors of a Spark cluster. Runs {@link LabJobs#TASK_OUTPUT}.
 */
public final class TaskOutputRuns {

    private TaskOutputRuns() {
    }

    /** Runs the job {@code jobName} (created here from {@code jobJar}) and checks the run's two streams. */
    public static void runAndCheckTheRunsStreams(GlueJobRuns glue, String jobJar, String jobName) {
        glue.createJob(jobName, jobJar, "labtest.TaskOutput", Map.of());

        JobRun run = glue.succeed(jobName, Map.of());

        List<String> output = glue.output(run.id());
        assertThat(output).as("the run's output stream").contains("task printed 0", "task printed 1", "task printed 2",
                "task printed 3");
        assertThat(output.subList(0, output.indexOf("driver printed after the tasks")))
                .as("the tasks' lines are in before the action that ran them returns")
                .filteredOn(line -> line.startsWith("task printed")).hasSize(4);
        List<String> errors = glue.errors(run.id());
        assertThat(errors).as("the run's error stream").contains("task warned 0", "task warned 1", "task warned 2",
                "task warned 3");
        assertThat(errors.stream().filter(line -> line.matches("\\S+ \\S+ INFO TaskOutput: task logged \\d")))
                .as("the job's own log lines, at INFO, in the worker's line layout").hasSize(4);
        assertThat(errors).as("Spark's INFO lines on the task threads stay out, as in the worker's own logging")
                .noneMatch(line -> line.matches(".* INFO (Executor|TorrentBroadcast|CodeGenerator|MemoryStore): .*"));
    }
}
