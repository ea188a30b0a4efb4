package gluelab.cloud.services.glue.jobs;

import gluelab.cloud.provider.AccountRegionStore;
import gluelab.cloud.provider.Scope;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import software.amazon.awssdk.services.glue.model.Action;
import software.amazon.awssdk.services.glue.model.Job;
import software.amazon.awssdk.services.glue.model.JobRun;

/**
 * How the rest of Glue starts job runs and waits for them (triggers now, workflows later): it checks that the jobs
 * an action names exist, starts a run as an action describes it, and tells listeners when runs end. Runs started
 * here are never refused for concurrency: a run over MaxConcurrentRuns is recorded and fails, as on AWS.
 */
public final class JobLauncher {

    private final AccountRegionStore<JobsState> states;
    private final JobRunStateMachine runs;

    public JobLauncher(AccountRegionStore<JobsState> states, JobRunStateMachine runs) {
        this.states = states;
        this.runs = runs;
    }

    public boolean hasJob(Scope scope, String jobName) {
        return states.get(scope).hasJob(jobName);
    }

    /** The job, or Glue's EntityNotFoundException for it. */
    public Job requireJob(Scope scope, String jobName) {
        return states.get(scope).requireJob(jobName);
    }

    /** An action's own Timeout, checked as a run's Timeout is (1 to 10080 minutes). */
    public static Integer checkedTimeout(Integer minutes) {
        return minutes == null ? null : JobDefinitions.timeout(minutes, "glueetl");
    }

    /**
     * Starts a run of the action's job with the action's arguments and timeout, named as started by {@code startedBy}
     * (the run's TriggerName).
     *
     * @param at when the run starts: a schedule's fire time, or null for now
     */
    public JobRun start(Scope scope, Action action, String startedBy, Instant at) {
        RunRequest request = RunRequest.of(action, startedBy);
        return at == null ? runs.start(scope, request, false) : runs.start(scope, request, false, at.truncatedTo(ChronoUnit.MILLIS));
    }

    /** The runs of every job in the scope that {@code wanted} accepts, oldest first. */
    public List<JobRun> runs(Scope scope, Predicate<JobRun> wanted) {
        return states.get(scope).runs.values().stream()
                .sorted(Comparator.comparingLong(StoredRun::sequence))
                .map(StoredRun::run)
                .filter(wanted)
                .toList();
    }

    /** Whether the run has yet to end (STARTING, RUNNING, STOPPING or WAITING). */
    public static boolean inFlight(JobRun run) {
        return JobRunStateMachine.IN_FLIGHT.contains(run.jobRunState());
    }

    /**
     * Whether the run is in flight or its end is still being heard (a conditional trigger may be starting the next
     * job): what a workflow run waits for before it is COMPLETED.
     */
    public boolean stillActive(JobRun run) {
        return runs.stillActive(run);
    }

    /** Stops the run if it is in flight, as BatchStopJobRun would. */
    public void stop(Scope scope, JobRun run) {
        runs.stop(scope, run.jobName(), run.id());
    }

    public void whenRunsEnd(RunCompletionListener listener) {
        runs.addCompletionListener(listener);
    }
}
