package gluelab.cloud.services.glue.triggers;

import gluelab.cloud.provider.AwsServiceException;
import gluelab.cloud.provider.Scope;
import gluelab.cloud.services.glue.crawlers.CrawlLauncher;
import gluelab.cloud.services.glue.jobs.JobLauncher;
import java.time.Instant;
import java.util.logging.Logger;
import software.amazon.awssdk.services.glue.model.Action;
import software.amazon.awssdk.services.glue.model.Trigger;

/**
 * What a trigger does when it fires, whatever fired it (StartTrigger, its schedule, its predicate): each
 * action starts a run of its job with the action's arguments and timeout, and the run's TriggerName set, or a
 * crawl of its crawler. A
 * trigger of a workflow that fires on its own starts a run of its workflow instead; inside a workflow run, the
 * actions' runs carry the run's {@link WorkflowRunContext}.
 */
public final class TriggerActions {

    private static final Logger LOG = Logger.getLogger(TriggerActions.class.getName());

    private final JobLauncher jobs;
    private final CrawlLauncher crawls;
    private volatile WorkflowRuns workflows = WorkflowRuns.NONE;

    public TriggerActions(JobLauncher jobs, CrawlLauncher crawls) {
        this.jobs = jobs;
        this.crawls = crawls;
    }

    /** Wired after construction, as workflows are built on triggers. */
    public void startWorkflowsWith(WorkflowRuns workflowRuns) {
        this.workflows = workflowRuns;
    }

    WorkflowRuns workflows() {
        return workflows;
    }

    void fire(Scope scope, Trigger trigger) {
        fire(scope, trigger, null);
    }

    /** @param at the schedule's fire time, which the runs start at; null for now */
    void fire(Scope scope, Trigger trigger, Instant at) {
        if (trigger.workflowName() != null) {
            workflows.startedBy(scope, trigger, at);
        } else {
            fireIn(scope, trigger, null, at);
        }
    }

    /** Starts the trigger's actions as part of a workflow run (or of none, when {@code run} is null). */
    public void fireIn(Scope scope, Trigger trigger, WorkflowRunContext run, Instant at) {
        if (run == null) {
            startActions(scope, trigger, null, at);
        } else {
            workflows.whileStarting(scope, run, () -> startActions(scope, trigger, run, at));
        }
    }

    private void startActions(Scope scope, Trigger trigger, WorkflowRunContext run, Instant at) {
        for (Action action : trigger.actions()) {
            if (action.jobName() == null) {
                startCrawl(scope, trigger, action.crawlerName(), run, at);
                continue;
            }
            if (!jobs.hasJob(scope, action.jobName())) {
                LOG.warning("Trigger " + trigger.name() + " names job " + action.jobName() + ", which no longer exists");
                continue;
            }
            try {
                jobs.start(scope, run == null ? action
                        : action.toBuilder().arguments(run.addedTo(action.hasArguments() ? action.arguments() : null)).build(),
                        trigger.name(), at);
            } catch (AwsServiceException e) {
                LOG.warning("Trigger " + trigger.name() + " could not start job " + action.jobName() + ": " + e.getMessage());
            }
        }
    }

    private void startCrawl(Scope scope, Trigger trigger, String crawlerName, WorkflowRunContext run, Instant at) {
        try {
            crawls.start(scope, crawlerName,
                    run == null ? null : new CrawlLauncher.WorkflowRun(run.workflowName(), run.workflowRunId()), at);
        } catch (AwsServiceException e) {
            LOG.warning("Trigger " + trigger.name() + " could not start crawler " + crawlerName + ": " + e.getMessage());
        }
    }
}
