package gluelab.cloud.services.glue.triggers;

import gluelab.cloud.provider.Scope;
import gluelab.cloud.provider.Validation;
import gluelab.cloud.schedule.CronExpression;
import gluelab.cloud.schedule.ScheduleExpressionException;
import gluelab.cloud.services.glue.GlueErrors;
import gluelab.cloud.services.glue.crawlers.CrawlLauncher;
import gluelab.cloud.services.glue.jobs.JobLauncher;
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
    static final Set<String> WATCHABLE_CRAWL_STATES = Set.of("SUCCEEDED", "FAILED", "CANCELLED");
    private static final List<String> TYPES = List.of("SCHEDULED", "CONDITIONAL", "ON_DEMAND", "EVENT");

    private TriggerDefinitions() {
    }

    /** The trigger as Glue keeps it, or the error for what makes it invalid; the jobs it names must exist. */
    static Trigger validate(Trigger trigger, Scope scope, JobLauncher jobs, CrawlLauncher crawls) {
        GlueErrors.name(trigger.name(), "name");
        TriggerType type = trigger.type();
        Validation.of(GlueErrors.VALIDATION)
                .required("type", trigger.typeAsString())
                .oneOf("type", trigger.typeAsString(), TYPES)
                .orThrow();
        if (type == TriggerType.EVENT && trigger.workflowName() == null) {
            throw GlueErrors.invalidInput("EVENT triggers belong to a workflow; give a WorkflowName.");
        }
        if (trigger.eventBatchingCondition() != null) {
            Validation.of(GlueErrors.VALIDATION)
                    .required("eventBatchingCondition.batchSize", trigger.eventBatchingCondition().batchSize())
                    .range("eventBatchingCondition.batchSize", trigger.eventBatchingCondition().batchSize(), 1, 100)
                    .range("eventBatchingCondition.batchWindow", trigger.eventBatchingCondition().batchWindow(), 1, 900)
                    .orThrow();
        }
        if (!trigger.hasActions() || trigger.actions().isEmpty()) {
            throw GlueErrors.invalidInput("A trigger needs at least one action.");
        }
        trigger.actions().forEach(action -> validate(action, scope, jobs, crawls));
        Trigger.Builder valid = trigger.toBuilder();
        if (type == TriggerType.SCHEDULED) {
            valid.schedule(schedule(trigger.schedule()));
        } else {
            valid.schedule(null);
        }
        if (type == TriggerType.CONDITIONAL) {
            valid.predicate(predicate(trigger.predicate(), scope, jobs, crawls));
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

    private static void validate(Action action, Scope scope, JobLauncher jobs, CrawlLauncher crawls) {
        if ((action.jobName() == null) == (action.crawlerName() == null)) {
            throw GlueErrors.invalidInput("Each action names either a JobName or a CrawlerName.");
        }
        if (action.jobName() != null) {
            jobs.requireJob(scope, action.jobName());
        } else {
            crawls.requireCrawler(scope, action.crawlerName());
        }
        JobLauncher.checkedTimeout(action.timeout());
    }

    private static Predicate predicate(Predicate predicate, Scope scope, JobLauncher jobs, CrawlLauncher crawls) {
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
                jobs.requireJob(scope, condition.jobName());
                if (!WATCHABLE_STATES.contains(condition.stateAsString())) {
                    throw GlueErrors.invalidInput("A condition on job " + condition.jobName() + " watches State "
                            + "SUCCEEDED, STOPPED, FAILED or TIMEOUT, not " + condition.stateAsString() + ".");
                }
            } else {
                crawls.requireCrawler(scope, condition.crawlerName());
                if (!WATCHABLE_CRAWL_STATES.contains(condition.crawlStateAsString())) {
                    throw GlueErrors.invalidInput("A condition on crawler " + condition.crawlerName() + " watches "
                            + "CrawlState SUCCEEDED, FAILED or CANCELLED, not " + condition.crawlStateAsString() + ".");
                }
            }
            conditions.add(condition.toBuilder().logicalOperator(LogicalOperator.EQUALS).build());
        }
        return predicate.toBuilder().conditions(conditions).build();
    }
}
