package gluelab.cloud.services.glue.triggers;

import gluelab.cloud.provider.AccountRegionStore;
import gluelab.cloud.provider.Scope;
import gluelab.cloud.services.glue.crawlers.CrawlLauncher;
import gluelab.cloud.services.glue.jobs.RunCompletionListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import software.amazon.awssdk.services.glue.model.Condition;
import software.amazon.awssdk.services.glue.model.Crawl;
import software.amazon.awssdk.services.glue.model.JobRun;
import software.amazon.awssdk.services.glue.model.Logical;
import software.amazon.awssdk.services.glue.model.Trigger;
import software.amazon.awssdk.services.glue.model.TriggerState;
import software.amazon.awssdk.services.glue.model.TriggerType;

/**
 * Fires activated CONDITIONAL triggers when runs end. With {@code ANY}, a run ending in a watched state
 * fires the trigger. With {@code AND} (the default), the trigger fires when every watched job's latest run
 * since the trigger last fired (or was activated) ended in its watched state; a later run ending otherwise
 * takes its condition back. A trigger of a workflow watches only the runs of its workflow's runs, each workflow
 * run apart, and fires in that workflow run while it is RUNNING. Conditions on crawlers are met the same way by
 * crawls' ends (CrawlState SUCCEEDED, FAILED or CANCELLED).
 */
public final class ConditionalTriggers implements RunCompletionListener, CrawlLauncher.CompletionListener {

    private final AccountRegionStore<TriggersState> states;
    private final TriggerActions actions;

    public ConditionalTriggers(AccountRegionStore<TriggersState> states, TriggerActions actions) {
        this.states = states;
        this.actions = actions;
    }

    @Override
    public void completed(Scope scope, JobRun run) {
        ended(scope, WorkflowRunContext.of(run), condition -> run.jobName().equals(condition.jobName()),
                condition -> run.jobRunStateAsString().equals(condition.stateAsString()));
    }

    @Override
    public void completed(Scope scope, String crawlerName, Crawl crawl, CrawlLauncher.WorkflowRun startedIn) {
        ended(scope, Optional.ofNullable(startedIn).map(w -> new WorkflowRunContext(w.workflowName(), w.workflowRunId())),
                condition -> crawlerName.equals(condition.crawlerName()),
                condition -> crawl.stateAsString().equals(condition.crawlStateAsString()));
    }

    /**
     * A job run or a crawl ended.
     *
     * @param watches whether a condition watches the job or crawler that ended
     * @param meets   whether it ended in the condition's state
     */
    private void ended(Scope scope, Optional<WorkflowRunContext> workflowRun, Predicate<Condition> watches,
                       Predicate<Condition> meets) {
        TriggersState state = states.get(scope);
        List<Trigger> toFire = new ArrayList<>();
        synchronized (state) {
            for (Trigger trigger : state.triggers.values()) {
                if (trigger.type() != TriggerType.CONDITIONAL || trigger.state() != TriggerState.ACTIVATED
                        || trigger.predicate() == null || !watches(trigger, workflowRun)) {
                    continue;
                }
                String progressKey = TriggersState.progressKey(trigger.name(),
                        trigger.workflowName() == null ? null : workflowRun.get().workflowRunId());
                List<Condition> conditions = trigger.predicate().conditions();
                TriggerProgress progress = state.triggerProgress.find(progressKey).orElse(TriggerProgress.none());
                boolean watched = false;
                boolean met = false;
                for (int i = 0; i < conditions.size(); i++) {
                    Condition condition = conditions.get(i);
                    if (watches.test(condition)) {
                        watched = true;
                        boolean conditionMet = meets.test(condition);
                        met |= conditionMet;
                        progress = progress.with(i, conditionMet);
                    }
                }
                if (!watched) {
                    continue;
                }
                boolean fires = trigger.predicate().logical() == Logical.ANY
                        ? met
                        : met && progress.satisfied().size() == conditions.size();
                state.triggerProgress.put(progressKey, fires ? TriggerProgress.none() : progress);
                if (fires) {
                    toFire.add(trigger);
                }
            }
        }
        for (Trigger trigger : toFire) {
            if (trigger.workflowName() == null) {
                actions.fireIn(scope, trigger, null, null);
            } else if (actions.workflows().isRunning(scope, workflowRun.get())) {
                actions.fireIn(scope, trigger, workflowRun.get(), null);
            }
        }
    }

    /** A trigger outside workflows watches every run; one in a workflow, the runs of that workflow's runs. */
    private static boolean watches(Trigger trigger, Optional<WorkflowRunContext> workflowRun) {
        return trigger.workflowName() == null
                || workflowRun.map(r -> Objects.equals(r.workflowName(), trigger.workflowName())).orElse(false);
    }
}
