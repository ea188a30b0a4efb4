package gluelab.lab.glue;

import gluelab.lab.Durations;
import gluelab.lab.JobRunTable;
import gluelab.lab.wait.StateWaiter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.JobRun;
import software.amazon.awssdk.services.glue.model.JobRunState;

/** Waiting for Glue job runs and listing them. */
public final class JobRuns {

    /** The states a run does not leave. */
    public static final Set<JobRunState> FINAL_STATES = Set.of(JobRunState.SUCCEEDED, JobRunState.FAILED,
            JobRunState.STOPPED, JobRunState.TIMEOUT, JobRunState.ERROR, JobRunState.EXPIRED);

    private JobRuns() {
    }

    /**
     * Polls {@code GetJobRun} until the run reaches a final state, printing each state once:
     * {@code Run jr_3f2a9c1b… of lab01-convert: STARTING → RUNNING → SUCCEEDED in 41.2 s}.
     */
    public static JobRun waitFor(GlueClient glue, StateWaiter waiter, String jobName, String runId, Duration timeout) {
        return waiter.await("Run " + JobRunTable.shortId(runId) + " of " + jobName,
                () -> glue.getJobRun(r -> r.jobName(jobName).runId(runId)).jobRun(),
                JobRun::jobRunStateAsString,
                run -> FINAL_STATES.contains(run.jobRunState()),
                (run, waited) -> {
                    Duration took = JobRunTable.duration(run);
                    String line = "in " + Durations.describe(took != null ? took : waited);
                    return run.jobRunState() == JobRunState.SUCCEEDED || run.errorMessage() == null
                            ? line : line + ": " + run.errorMessage();
                },
                timeout,
                "Its driver log is lab.outputLog(\"" + runId + "\"); stop it with glue.batchStopJobRun(r -> r.jobName(\""
                        + jobName + "\").jobRunIds(\"" + runId + "\"))");
    }

    /**
     * Polls {@code GetJobRuns} until the job has at least {@code count} runs, all in a final state, printing the
     * progress ({@code 0 runs → 1 run (1 RUNNING) → 1 run, all ended}); returns every run, oldest first. The runs
     * it lacks may be due on the lab clock (a schedule, a trigger): while none is going, it counts on the clock.
     */
    public static List<JobRun> waitForCount(GlueClient glue, StateWaiter waiter, String jobName, int count,
                                            Duration timeout) {
        return waiter.await(count + (count == 1 ? " run" : " runs") + " of " + jobName, () -> all(glue, jobName),
                runs -> {
                    long going = runs.stream().filter(run -> !FINAL_STATES.contains(run.jobRunState())).count();
                    String size = runs.size() + (runs.size() == 1 ? " run" : " runs");
                    return going == 0 ? size + (runs.isEmpty() ? "" : ", all ended") : size + " (" + going + " going)";
                },
                runs -> runs.size() >= count && runs.stream().allMatch(run -> FINAL_STATES.contains(run.jobRunState())),
                (runs, waited) -> "in " + Durations.describe(waited),
                timeout,
                "Nothing started " + jobName + " yet: look at what should start it (a rule and its target, the Lambda's "
                        + "log group, a schedule) and at lab.timeline()",
                runs -> runs.stream().allMatch(run -> FINAL_STATES.contains(run.jobRunState())));
    }

    /** Every run of {@code jobName}, oldest first (GetJobRuns answers newest first, page by page). */
    public static List<JobRun> all(GlueClient glue, String jobName) {
        List<JobRun> runs = new ArrayList<>();
        glue.getJobRunsPaginator(r -> r.jobName(jobName)).jobRuns().forEach(runs::add);
        runs.sort(Comparator.comparing(run -> run.startedOn() != null ? run.startedOn() : Instant.MAX));
        return runs;
    }
}
