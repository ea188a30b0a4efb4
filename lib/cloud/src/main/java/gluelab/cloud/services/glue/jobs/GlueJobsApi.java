package gluelab.cloud.services.glue.jobs;

import gluelab.cloud.LabCloudConfig;
import gluelab.cloud.provider.AccountRegionStore;
import gluelab.cloud.provider.Platform;
import gluelab.cloud.services.glue.worker.DisabledExecutor;
import gluelab.cloud.services.glue.worker.GlueWorkerClient;
import gluelab.cloud.services.glue.worker.JobRunExecutor;
import gluelab.cloud.services.glue.worker.WorkerClasspath;
import gluelab.cloud.services.glue.worker.WorkerCommandLine;
import gluelab.cloud.services.glue.worker.WorkerEvents;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Glue's job area: job definitions, runs, bookmarks and triggers, one handler class each, over one
 * durable state per account and region and one run state machine. The runs execute on the Glue worker
 * (a warm Spark JVM) as {@link LabCloudConfig#glueWorker()} says: started at start-up (EAGER), on the first
 * run (LAZY), or never (OFF: runs fail saying so).
 */
public final class GlueJobsApi {

    private final AccountRegionStore<JobsState> states;
    private final JobRunStateMachine runs;
    private final TriggerSchedules schedules;
    private final JobsApi jobs;
    private final JobRunsApi jobRuns;
    private final JobBookmarksApi bookmarks;
    private final TriggersApi triggers;

    public GlueJobsApi(Platform platform) {
        this.states = new AccountRegionStore<>("glue", platform.state(), JobsState::new);
        this.runs = new JobRunStateMachine(platform, states, new CloudWatchJobRunLogs(platform.logs()),
                events -> executor(platform, events));
        TriggerActions actions = new TriggerActions(states, runs);
        this.schedules = new TriggerSchedules(platform, states, actions);
        runs.addCompletionListener(new ConditionalTriggers(states, actions));
        this.jobs = new JobsApi(states, runs);
        this.jobRuns = new JobRunsApi(states, runs);
        this.bookmarks = new JobBookmarksApi(states);
        this.triggers = new TriggersApi(states, schedules, actions);
        runs.endRunsInterruptedByRestart();
        schedules.restoreAll();
    }

    private static JobRunExecutor executor(Platform platform, WorkerEvents events) {
        LabCloudConfig.GlueWorkerMode mode = platform.config().glueWorker();
        if (mode == LabCloudConfig.GlueWorkerMode.OFF) {
            return new DisabledExecutor(events);
        }
        GlueWorkerClient worker = new GlueWorkerClient(() -> WorkerCommandLine.command(WorkerClasspath.find()),
                platform.state().payloadDir("glue").resolve("worker"), events);
        if (mode == LabCloudConfig.GlueWorkerMode.EAGER) {
            worker.startInBackground();
        }
        return worker;
    }

    /** The objects whose public methods are the operations of this area. */
    public List<Object> operationHandlers() {
        return List.of(jobs, jobRuns, bookmarks, triggers);
    }

    /**
     * Removes jobs (with their runs and bookmarks; runs in flight are stopped) and triggers whose name starts
     * with {@code prefix}, or all of them.
     */
    public int reset(String prefix) {
        int removed = 0;
        for (JobsState state : states.all().values()) {
            List<String> triggerNames = new ArrayList<>(state.triggers.keys());
            for (String name : triggerNames) {
                if (prefix == null || name.startsWith(prefix)) {
                    triggers.delete(state, name);
                    removed++;
                }
            }
            List<String> jobNames = new ArrayList<>(state.jobs.keys());
            for (String name : jobNames) {
                if (prefix == null || name.startsWith(prefix)) {
                    jobs.delete(state, name);
                    removed++;
                }
            }
        }
        return removed;
    }

    public Map<String, Supplier<String>> healthDetails() {
        return Map.of("glueWorker", runs::executorStatus);
    }

    public void close() {
        schedules.close();
        runs.close();
    }
}
