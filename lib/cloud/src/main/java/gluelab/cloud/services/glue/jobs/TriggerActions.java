package gluelab.cloud.services.glue.jobs;

import gluelab.cloud.provider.AccountRegionStore;
import gluelab.cloud.provider.AwsServiceException;
import gluelab.cloud.provider.Scope;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.logging.Logger;
import software.amazon.awssdk.services.glue.model.Action;
import software.amazon.awssdk.services.glue.model.Trigger;

/**
 * What a trigger does when it fires, whatever fired it (StartTrigger, its schedule, its predicate): each
 * action starts a run of its job with the action's arguments and timeout, and the run's TriggerName set.
 * This is where workflow runs will attach their run context when workflows arrive.
 */
final class TriggerActions {

    private static final Logger LOG = Logger.getLogger(TriggerActions.class.getName());

    private final AccountRegionStore<JobsState> states;
    private final JobRunStateMachine runs;

    TriggerActions(AccountRegionStore<JobsState> states, JobRunStateMachine runs) {
        this.states = states;
        this.runs = runs;
    }

    void fire(Scope scope, Trigger trigger) {
        fire(scope, trigger, null);
    }

    /** @param at the schedule's fire time, which the runs start at; null for now */
    void fire(Scope scope, Trigger trigger, Instant at) {
        for (Action action : trigger.actions()) {
            if (action.jobName() == null) {
                // Crawler actions wait for crawlers (phase 2); the action is kept and shown meanwhile.
                LOG.info("Trigger " + trigger.name() + " cannot start crawler " + action.crawlerName()
                        + ": Lab Cloud has no crawlers yet");
                continue;
            }
            if (!states.get(scope).jobs.containsKey(action.jobName())) {
                LOG.warning("Trigger " + trigger.name() + " names job " + action.jobName() + ", which no longer exists");
                continue;
            }
            try {
                RunRequest request = RunRequest.of(action, trigger.name());
                if (at == null) {
                    runs.start(scope, request, false);
                } else {
                    runs.start(scope, request, false, at.truncatedTo(ChronoUnit.MILLIS));
                }
            } catch (AwsServiceException e) {
                LOG.warning("Trigger " + trigger.name() + " could not start job " + action.jobName() + ": " + e.getMessage());
            }
        }
    }
}
