package gluelab.cloud.services.glue.jobs;

import gluelab.cloud.schedule.CronExpression;
import gluelab.cloud.schedule.ScheduleExpressionException;
import gluelab.cloud.services.glue.GlueErrors;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.glue.model.Action;
import software.amazon.awssdk.services.glue.model.Condition;
import software.amazon.awssdk.services.glue.model.LogicalOperator;
import software.amazon.awssdk.services.glue.model.Predicate;
import software.amazon.awssdk.services.glue.model.Trigger;
import software.amazon.awssdk.services.glue.model.TriggerType;

/**
 * What makes a trigger valid: a type, at least one action naming a job (or crawler) that exists, a
 * {@code cron(...)} schedule for SCHEDULED triggers, and for CONDITIONAL ones a predicate whose conditions
 * watch a job's SUCCEEDED, STOPPED, FAILED or TIMEOUT with EQUALS, and a Logical (AND or ANY) when there
 * is more than one condition.
 */
final class TriggerDefinitions {

    static final Set<String> WATCHABLE_STATES = Set.of("SUCCEEDED", "STOPPED", "FAILED", "TIMEOUT");

    private TriggerDefinitions() {
    }

    static Trigger validate(Trigger trigger, JobsState state) {
        GlueErrors.name(trigger.name(), "name");
        TriggerType type = trigger.type();
        if (type == null) {
            throw GlueErrors.validation("type", trigger.typeAsString(), "Member must not be null");
        }
        if (type == TriggerType.UNKNOWN_TO_SDK_VERSION) {
            throw GlueErrors.validation("type", trigger.typeAsString(),
                    "Member must satisfy enum value set: [SCHEDULED, CONDITIONAL, ON_DEMAND, EVENT]");
        }
        if (type == TriggerType.EVENT && trigger.workflowName() == null) {
            throw GlueErrors.invalidInput("EVENT triggers belong to a workflow; give a WorkflowName.");
        }
        if (!trigger.hasActions() || trigger.actions().isEmpty()) {
            throw GlueErrors.invalidInput("A trigger needs at least one action.");
        }
        trigger.actions().forEach(action -> validate(action, state));
        Trigger.Builder valid = trigger.toBuilder();
        if (type == TriggerType.SCHEDULED) {
            valid.schedule(schedule(trigger.schedule()));
        } else {
            valid.schedule(null);
        }
        if (type == TriggerType.CONDITIONAL) {
            valid.predicate(predicate(trigger.predicate(), state));
        }
        return valid.build();
    }

    /** The schedule as Glue takes it: a cron(...) expression; a bad one is an InvalidInputException. */
    static String schedule(String schedule) {
        if (schedule == null || schedule.isBlank()) {
            throw GlueErrors.invalidInput("A SCHEDULED trigger needs a Schedule, e.g. cron(15 12 * * ? *).");
        }
        try {
            return CronExpression.parse(schedule).expression();
        } catch (ScheduleExpressionException e) {
            throw GlueErrors.invalidInput("Invalid schedule " + schedule + ": " + e.getMessage());
        }
    }

    private static void validate(Action action, JobsState state) {
        if ((action.jobName() == null) == (action.crawlerName() == null)) {
            throw GlueErrors.invalidInput("Each action names either a JobName or a CrawlerName.");
        }
        if (action.jobName() != null) {
            state.requireJob(action.jobName());
        }
        if (action.timeout() != null) {
            JobDefinitions.timeout(action.timeout(), "glueetl");
        }
    }

    private static Predicate predicate(Predicate predicate, JobsState state) {
        if (predicate == null || !predicate.hasConditions() || predicate.conditions().isEmpty()) {
            throw GlueErrors.invalidInput("A CONDITIONAL trigger needs a Predicate with at least one condition.");
        }
        if (predicate.conditions().size() > 1 && predicate.logical() == null) {
            throw GlueErrors.invalidInput("A predicate with more than one condition needs a Logical: AND or ANY.");
        }
        List<Condition> conditions = new ArrayList<>();
        for (Condition condition : predicate.conditions()) {
            if ((condition.jobName() == null) == (condition.crawlerName() == null)) {
                throw GlueErrors.invalidInput("Each condition watches either a JobName or a CrawlerName.");
            }
            if (condition.logicalOperator() != null && condition.logicalOperator() != LogicalOperator.EQUALS) {
                throw GlueErrors.invalidInput("A condition's LogicalOperator must be EQUALS.");
            }
            if (condition.jobName() != null) {
                state.requireJob(condition.jobName());
                if (!WATCHABLE_STATES.contains(condition.stateAsString())) {
                    throw GlueErrors.invalidInput("A condition on job " + condition.jobName() + " watches State "
                            + "SUCCEEDED, STOPPED, FAILED or TIMEOUT, not " + condition.stateAsString() + ".");
                }
            }
            conditions.add(condition.toBuilder().logicalOperator(LogicalOperator.EQUALS).build());
        }
        return predicate.toBuilder().conditions(conditions).build();
    }
}
