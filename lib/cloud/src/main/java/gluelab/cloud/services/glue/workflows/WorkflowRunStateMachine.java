package gluelab.cloud.services.glue.workflows;

import gluelab.cloud.provider.AccountRegionStore;
import gluelab.cloud.provider.AwsServiceException;
import gluelab.cloud.provider.Platform;
import gluelab.cloud.provider.Scope;
import gluelab.cloud.services.glue.GlueErrors;
import gluelab.cloud.services.glue.crawlers.CrawlLauncher;
import gluelab.cloud.services.glue.jobs.JobLauncher;
import gluelab.cloud.services.glue.jobs.RunCompletionListener;
import gluelab.cloud.services.glue.triggers.TriggerActions;
import gluelab.cloud.services.glue.triggers.TriggersState;
import gluelab.cloud.services.glue.triggers.WorkflowRunContext;
import gluelab.cloud.services.glue.triggers.WorkflowRuns;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import software.amazon.awssdk.services.glue.model.Action;
import software.amazon.awssdk.services.glue.model.Crawl;
import software.amazon.awssdk.services.glue.model.CrawlState;
import software.amazon.awssdk.services.glue.model.JobRun;
import software.amazon.awssdk.services.glue.model.NodeType;
import software.amazon.awssdk.services.glue.model.StartingEventBatchCondition;
import software.amazon.awssdk.services.glue.model.Trigger;
import software.amazon.awssdk.services.glue.model.TriggerState;
import software.amazon.awssdk.services.glue.model.TriggerType;
import software.amazon.awssdk.services.glue.model.Workflow;
import software.amazon.awssdk.services.glue.model.WorkflowGraph;
import software.amazon.awssdk.services.glue.model.WorkflowRun;
import software.amazon.awssdk.services.glue.model.WorkflowRunStatistics;
import software.amazon.awssdk.services.glue.model.WorkflowRunStatus;

/**
 * The one place where workflow runs change state. A run is RUNNING from its start: its start trigger (the one that
 * fired it, or for StartWorkflowRun every trigger of the workflow that is not CONDITIONAL) starts its jobs with the
 * run's {@link WorkflowRunContext}, and the workflow's conditional triggers carry it on as those runs end. When none
 * of its job runs is in flight any more, nothing else can fire in it and it is COMPLETED, however its actions ended
 * (a failed one is counted in FailedActions and what waited for its success never runs). StopWorkflowRun makes it
 * STOPPING, stops its job runs, and it is STOPPED once they have ended. A run whose workflow has no trigger to start
 * it is ERROR. Its statistics are counted from its job runs.
 */
public final class WorkflowRunStateMachine implements WorkflowRuns, RunCompletionListener,
        CrawlLauncher.CompletionListener {

    static final Set<WorkflowRunStatus> ACTIVE = EnumSet.of(WorkflowRunStatus.RUNNING, WorkflowRunStatus.STOPPING);
    private static final Logger LOG = Logger.getLogger(WorkflowRunStateMachine.class.getName());

    private final Platform platform;
    private final AccountRegionStore<WorkflowsState> states;
    private final AccountRegionStore<TriggersState> triggers;
    private final TriggerActions actions;
    private final JobLauncher jobs;
    private final CrawlLauncher crawls;
    private final SecureRandom random = new SecureRandom();
    /** Runs whose actions are being started, by run id, with how many starts are under way (not durable). */
    private final Map<String, Integer> starting = new ConcurrentHashMap<>();

    public WorkflowRunStateMachine(Platform platform, AccountRegionStore<WorkflowsState> states,
                                   AccountRegionStore<TriggersState> triggers, TriggerActions actions, JobLauncher jobs,
                                   CrawlLauncher crawls) {
        this.platform = platform;
        this.states = states;
        this.triggers = triggers;
        this.actions = actions;
        this.jobs = jobs;
        this.crawls = crawls;
    }

    // ---- starting ------------------------------------------------------------------------------

    /**
     * Starts a run of the workflow.
     *
     * @param firedBy    the trigger that started it, or null for StartWorkflowRun (every start trigger fires)
     * @param at         when it starts (a schedule's fire time), or null for now
     * @param properties the run's properties over the workflow's DefaultRunProperties
     */
    WorkflowRun start(Scope scope, String workflowName, Map<String, String> properties, Trigger firedBy, Instant at,
                      String previousRunId) {
        return start(scope, workflowName, properties, firedBy, at, previousRunId, null);
    }

    /** @param eventBatch for a run an EVENT trigger started, the batch condition that started it */
    WorkflowRun start(Scope scope, String workflowName, Map<String, String> properties, Trigger firedBy, Instant at,
                      String previousRunId, StartingEventBatchCondition eventBatch) {
        WorkflowsState state = states.get(scope);
        WorkflowRun run;
        synchronized (state) {
            Workflow workflow = state.requireWorkflow(workflowName);
            if (workflow.maxConcurrentRuns() != null && workflow.maxConcurrentRuns() > 0
                    && state.activeRuns(workflowName) >= workflow.maxConcurrentRuns()) {
                throw GlueErrors.concurrentRunsExceeded(workflowName);
            }
            Map<String, String> runProperties = new HashMap<>(workflow.hasDefaultRunProperties()
                    ? workflow.defaultRunProperties() : Map.of());
            if (properties != null) {
                runProperties.putAll(properties);
            }
            run = WorkflowRun.builder()
                    .name(workflowName)
                    .workflowRunId("wr_" + HexFormat.of().formatHex(randomBytes()))
                    .previousRunId(previousRunId)
                    .workflowRunProperties(runProperties)
                    .startedOn(at == null ? now() : at.truncatedTo(ChronoUnit.MILLIS))
                    .status(WorkflowRunStatus.RUNNING)
                    .startingEventBatchCondition(eventBatch)
                    .build();
            state.runs.put(run.workflowRunId(), run);
        }
        return run;
    }

    /** Fires the run's start triggers; a workflow with none to fire ends its run in ERROR. */
    void fireStartTriggers(Scope scope, WorkflowRun run, Trigger firedBy, Instant at) {
        WorkflowRunContext context = new WorkflowRunContext(run.name(), run.workflowRunId());
        List<Trigger> startTriggers = firedBy != null ? List.of(firedBy) : triggers.get(scope).ofWorkflow(run.name()).stream()
                .filter(t -> t.type() != TriggerType.CONDITIONAL).toList();
        if (startTriggers.isEmpty()) {
            end(scope, run.workflowRunId(), WorkflowRunStatus.ERROR,
                    "Workflow " + run.name() + " has no trigger to start it: add an ON_DEMAND, SCHEDULED or EVENT trigger "
                            + "with WorkflowName " + run.name() + ".");
            return;
        }
        whileStarting(scope, context, () -> startTriggers.forEach(trigger -> actions.fireIn(scope, trigger, context, at)));
    }

    @Override
    public void whileStarting(Scope scope, WorkflowRunContext run, Runnable start) {
        String runId = run.workflowRunId();
        starting.merge(runId, 1, Integer::sum);
        try {
            start.run();
        } finally {
            starting.computeIfPresent(runId, (id, count) -> count == 1 ? null : count - 1);
        }
        settle(scope, runId);
    }

    /** The workflow's activated EVENT trigger, which EventBridge's events start it through. */
    Optional<Trigger> eventTriggerOf(Scope scope, String workflowName) {
        return triggers.get(scope).ofWorkflow(workflowName).stream()
                .filter(t -> t.type() == TriggerType.EVENT && t.state() == TriggerState.ACTIVATED).findFirst();
    }

    /** A trigger of a workflow fired on its own (its schedule): a new run of the workflow. */
    @Override
    public void startedBy(Scope scope, Trigger trigger, Instant at) {
        try {
            WorkflowRun run = start(scope, trigger.workflowName(), null, trigger, at, null);
            fireStartTriggers(scope, run, trigger, at);
        } catch (AwsServiceException e) {
            LOG.warning("Trigger " + trigger.name() + " could not start workflow " + trigger.workflowName() + ": "
                    + e.getMessage());
        }
    }

    @Override
    public boolean isRunning(Scope scope, WorkflowRunContext context) {
        WorkflowRun run = states.get(scope).runs.get(context.workflowRunId());
        return run != null && run.status() == WorkflowRunStatus.RUNNING;
    }

    /**
     * ResumeWorkflowRun: a new run of a COMPLETED run's workflow, with its properties, that starts the job nodes named
     * (each as the trigger that starts it in the graph would) and, as they end, what is downstream of them. Triggers
     * that also wait for jobs not run again do not fire in it, as those jobs have no runs in the new run.
     */
    WorkflowRun resume(Scope scope, String workflowName, String runId, List<String> nodeIds) {
        WorkflowRun previous = states.get(scope).requireRun(workflowName, runId);
        if (previous.status() != WorkflowRunStatus.COMPLETED) {
            throw WorkflowErrors.illegalState("Workflow run " + runId + " is " + previous.statusAsString()
                    + "; only a COMPLETED run can be resumed.");
        }
        List<Trigger> starts = new ArrayList<>();
        for (String nodeId : nodeIds) {
            starts.add(startOf(triggers.get(scope).ofWorkflow(workflowName), workflowName, nodeId));
        }
        WorkflowRun run = start(scope, workflowName, previous.workflowRunProperties(), null, null, runId);
        WorkflowRunContext context = new WorkflowRunContext(workflowName, run.workflowRunId());
        whileStarting(scope, context, () -> starts.forEach(trigger -> actions.fireIn(scope, trigger, context, null)));
        return run;
    }

    /** The trigger that starts the job node {@code nodeId}, narrowed to that one action. */
    private static Trigger startOf(List<Trigger> workflowTriggers, String workflowName, String nodeId) {
        for (Trigger trigger : workflowTriggers) {
            for (Action action : trigger.actions()) {
                if (action.jobName() != null && WorkflowGraphs.uniqueId(workflowName,
                        NodeType.JOB, action.jobName()).equals(nodeId)) {
                    return trigger.toBuilder().actions(action).build();
                }
            }
        }
        throw GlueErrors.invalidInput("Node " + nodeId + " is not a job node of workflow " + workflowName + ".");
    }

    @Override
    public boolean exists(Scope scope, String workflowName) {
        return states.get(scope).hasWorkflow(workflowName);
    }

    // ---- stopping and ending -------------------------------------------------------------------

    void stop(Scope scope, String workflowName, String runId) {
        WorkflowsState state = states.get(scope);
        synchronized (state) {
            WorkflowRun run = state.requireRun(workflowName, runId);
            if (run.status() != WorkflowRunStatus.RUNNING) {
                throw WorkflowErrors.illegalState("Workflow run " + runId + " is " + run.statusAsString()
                        + "; only a RUNNING run can be stopped.");
            }
            state.runs.put(runId, run.toBuilder().status(WorkflowRunStatus.STOPPING).build());
        }
        jobRunsOf(scope, runId).stream().filter(JobLauncher::inFlight).forEach(jobRun -> jobs.stop(scope, jobRun));
        crawls.crawlsIn(scope, runId).stream().filter(crawl -> crawl.getValue().state() == CrawlState.RUNNING)
                .forEach(crawl -> crawls.stop(scope, crawl.getKey()));
        settle(scope, runId);
    }

    /** A job run ended: its workflow run ends too when it was the last in flight. */
    @Override
    public void completed(Scope scope, JobRun run) {
        // Heard last, after the conditional triggers its end fired: the run itself no longer counts as ending.
        WorkflowRunContext.of(run).ifPresent(context -> settle(scope, context.workflowRunId(), run.id(), null));
    }

    /** A crawl ended: its workflow run ends too when it was the last action in flight. */
    @Override
    public void completed(Scope scope, String crawlerName, Crawl crawl, CrawlLauncher.WorkflowRun startedIn) {
        if (startedIn != null) {
            // Heard last, after the conditional triggers its end fired: the crawl itself no longer counts as ending.
            settle(scope, startedIn.workflowRunId(), null, crawlerName);
        }
    }

    /** Ends the run if it is active, none of its job runs or crawls is in flight and none is being started. */
    private void settle(Scope scope, String runId) {
        settle(scope, runId, null, null);
    }

    /**
     * As {@link #settle(Scope, String)}; a job run or crawl that has ended counts as active until everything that
     * hears of its end has (a conditional trigger may be starting the next action on another thread), except
     * the job run {@code heardJobRunId} or the crawl of {@code heardCrawlerName}, whose end the caller is hearing.
     */
    private void settle(Scope scope, String runId, String heardJobRunId, String heardCrawlerName) {
        WorkflowRun run = states.get(scope).runs.get(runId);
        if (run == null || !ACTIVE.contains(run.status()) || starting.containsKey(runId)
                || jobRunsOf(scope, runId).stream().anyMatch(jobRun -> jobRun.id().equals(heardJobRunId)
                        ? JobLauncher.inFlight(jobRun) : jobs.stillActive(jobRun))
                || crawls.anyActiveIn(scope, runId, heardCrawlerName)) {
            return;
        }
        end(scope, runId, run.status() == WorkflowRunStatus.STOPPING ? WorkflowRunStatus.STOPPED
                : WorkflowRunStatus.COMPLETED, null);
    }

    private void end(Scope scope, String runId, WorkflowRunStatus status, String errorMessage) {
        WorkflowsState state = states.get(scope);
        synchronized (state) {
            WorkflowRun run = state.runs.get(runId);
            if (run == null || !ACTIVE.contains(run.status())) {
                return;
            }
            state.runs.put(runId, run.toBuilder().status(status).errorMessage(errorMessage).completedOn(now()).build());
        }
    }

    /** After a restart: runs whose job runs all ended while Lab Cloud was down end now. */
    public void endRunsInterruptedByRestart() {
        states.all().forEach((scope, state) -> state.runs.values().stream()
                .filter(run -> ACTIVE.contains(run.status()))
                .map(WorkflowRun::workflowRunId)
                .toList()
                .forEach(runId -> settle(scope, runId)));
    }

    // ---- what a run shows ----------------------------------------------------------------------

    /** The run as GetWorkflowRun answers: with its statistics, and its graph when asked. */
    WorkflowRun shown(Scope scope, WorkflowRun run, boolean includeGraph) {
        List<JobRun> jobRuns = jobRunsOf(scope, run.workflowRunId());
        List<Map.Entry<String, Crawl>> runCrawls = crawls.crawlsIn(scope, run.workflowRunId());
        WorkflowRun.Builder shown = run.toBuilder().statistics(statistics(jobRuns, runCrawls));
        if (includeGraph) {
            shown.graph(WorkflowGraphs.of(run.name(), triggers.get(scope).ofWorkflow(run.name()), new WorkflowGraphs.RunActions(
                    jobName -> jobRuns.stream().filter(r -> r.jobName().equals(jobName)).toList(),
                    crawlerName -> runCrawls.stream().filter(c -> c.getKey().equals(crawlerName)).map(Map.Entry::getValue)
                            .toList())));
        }
        return shown.build();
    }

    /** The workflow's own graph: its triggers and what they watch and start, with no runs. */
    WorkflowGraph graph(Scope scope, String workflowName) {
        return WorkflowGraphs.of(workflowName, triggers.get(scope).ofWorkflow(workflowName), null);
    }

    private List<JobRun> jobRunsOf(Scope scope, String workflowRunId) {
        return jobs.runs(scope, run -> WorkflowRunContext.of(run)
                .map(context -> workflowRunId.equals(context.workflowRunId())).orElse(false));
    }

    /** Counted over the run's job runs and crawls (a cancelled crawl counts as stopped). */
    private static WorkflowRunStatistics statistics(List<JobRun> runs, List<Map.Entry<String, Crawl>> runCrawls) {
        int running = 0;
        int waiting = 0;
        int succeeded = 0;
        int failed = 0;
        int stopped = 0;
        int timedOut = 0;
        int errored = 0;
        for (JobRun run : runs) {
            switch (run.jobRunState()) {
                case STARTING, RUNNING, STOPPING -> running++;
                case WAITING -> waiting++;
                case SUCCEEDED -> succeeded++;
                case FAILED -> failed++;
                case STOPPED -> stopped++;
                case TIMEOUT -> timedOut++;
                case ERROR -> errored++;
                default -> {
                }
            }
        }
        for (Map.Entry<String, Crawl> crawl : runCrawls) {
            switch (crawl.getValue().state()) {
                case RUNNING, CANCELLING -> running++;
                case SUCCEEDED -> succeeded++;
                case FAILED -> failed++;
                case CANCELLED -> stopped++;
                case ERROR -> errored++;
                default -> {
                }
            }
        }
        return WorkflowRunStatistics.builder().totalActions(runs.size() + runCrawls.size()).runningActions(running).waitingActions(waiting)
                .succeededActions(succeeded).failedActions(failed).stoppedActions(stopped).timeoutActions(timedOut)
                .erroredActions(errored).build();
    }

    private Instant now() {
        return platform.clock().instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return bytes;
    }
}
